// The time a live meet-up stage's attention reports carry: the picture's place in the show (LiveStageClock), not the
// player's media time, so that viewers who joined at different times fill the same buckets (a late joiner's media
// time may start near zero). A replay, or a meet-up without a start time, reports its media time (null here).
import { useCallback, useMemo } from 'react';
import { LiveStageClock } from '../attention/live-stage-time';
import type { MediaSession } from '../media/media-session';
import { measureLivePosition } from '../meetup/live-position';

export function useLiveStageTime(session: MediaSession | null | undefined, live: boolean, startedAt: string | undefined): (video: HTMLVideoElement) => number | null {
  // Anchored anew for each media session (a retry starts a new timeline): `session` is the key, not an input.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const clock = useMemo(() => (live && startedAt ? new LiveStageClock(Date.parse(startedAt)) : null), [live, startedAt, session]);
  return useCallback((video: HTMLVideoElement) => clock?.read(Date.now(), measureLivePosition(video), video.currentTime) ?? null, [clock]);
}
