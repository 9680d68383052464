// The start location's stream, started by the page's entry as soon as the tour file names it: the video buffers
// and decodes while the shell and the renderer (three.js) are still downloading and compiling, instead of after
// them. The tour player adopts the session when it opens that location; one nobody adopts is disposed.
import { MediaSession } from './media-session';
import type { EnginePreference } from './engine-preference';

/** How long a started session waits to be adopted (the person went to the meet-ups, the tour file was bad…). */
const ADOPT_WITHIN_MS = 30_000;

const waiting = new Map<string, { session: MediaSession; timer: ReturnType<typeof setTimeout> }>();

export function prestartSession(src: string, engine: EnginePreference = 'auto'): void {
  if (waiting.has(src)) return;
  // A tour's locations are VOD: native HLS (where the browser has it) starts without waiting for the playlists.
  const session = new MediaSession({ engine, config: { nativeBeforePlaylists: true } });
  void session.load(src);
  const timer = setTimeout(() => {
    if (waiting.get(src)?.session !== session) return;
    waiting.delete(src);
    session.dispose();
  }, ADOPT_WITHIN_MS);
  waiting.set(src, { session, timer });
}

/** The session started for `src`, handed over once (its owner disposes it from then on), or null. */
export function adoptPrestartedSession(src: string): MediaSession | null {
  const entry = waiting.get(src);
  if (!entry) return null;
  waiting.delete(src);
  clearTimeout(entry.timer);
  return entry.session;
}
