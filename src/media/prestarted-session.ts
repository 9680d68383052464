// The start location's stream, started by the page's entry as soon as the tour file names it: the video buffers
// and decodes while the shell and the renderer (three.js) are still downloading and compiling, instead of after
// them. The entry keeps the session in its warm start (src/app/warm-start.ts); the tour player adopts it when it
// opens that location, and one nobody adopts is disposed there.
import { MediaSession } from './media-session';
import type { EnginePreference } from './engine-preference';

export function prestartSession(src: string, engine: EnginePreference = 'auto'): MediaSession {
  // A tour's locations are VOD: native HLS (where the browser has it) starts without waiting for the playlists.
  const session = new MediaSession({ engine, config: { nativeBeforePlaylists: true } });
  void session.load(src);
  return session;
}
