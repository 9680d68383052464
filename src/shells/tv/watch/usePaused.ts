// Whether a media session is paused, however it changed (a media key, an on-screen control, the TV pausing it):
// the play/pause label of "Watch the set"'s control bar and of the meet-up replay's row.
import { useSyncExternalStore } from 'react';
import type { MediaSession } from '../../../media/media-session';

export function usePaused(session: MediaSession): boolean {
  return useSyncExternalStore(
    (listener) => session.on('paused', listener),
    () => session.paused,
  );
}
