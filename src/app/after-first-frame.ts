// Holds back work that can wait until the desktop tour shows its first 360 frame. At 4× CPU (a TV-class device)
// the feed's socket.io handshake and snapshot parsing, run while the video's first segments are asked for and the
// renderer compiles, put the first frame a few hundred milliseconds later; the project panel shows the cached
// snapshot (or "connecting") meanwhile, so nothing is lost by waiting, and never longer than `maxWaitMs`.
import type { AppState, AppStore } from '../store/app-store';

/** The 360 view has a picture, or has given up on one (an error is on screen), or the project has no tour to play
 * (the sign-in or "does not exist" needs the feed at once): either way, nothing to wait for. */
export const settled = (state: AppState) => (state.media.status !== 'idle' && state.media.status !== 'loading') || state.tour.nothingToPlay;

export interface AfterFirstFrameOptions {
  maxWaitMs?: number;
  /** The browser's next animation frame; tests pass their own. */
  nextFrame?: (callback: () => void) => unknown;
}

/**
 * Runs `work` once, after the frame in which the tour's media first settles, or after `maxWaitMs`, whichever is
 * first. Returns a cancel.
 */
export function afterFirstFrame(store: AppStore, work: () => void, { maxWaitMs = 4_000, nextFrame = requestAnimationFrame }: AfterFirstFrameOptions = {}): () => void {
  let waiting = true;
  const stop = () => {
    waiting = false;
    unsubscribe();
    clearTimeout(timer);
  };
  const run = () => {
    if (!waiting) return;
    stop();
    work();
  };
  // The store says "playing" at the video's first frame; the view draws it in the next animation frame, so run
  // after that one, not inside it. Scheduled once: later store changes have nothing to add.
  const runAfterNextFrame = () => {
    unsubscribe();
    nextFrame(() => setTimeout(run, 0));
  };
  const unsubscribe = store.subscribe((state) => {
    if (settled(state)) runAfterNextFrame();
  });
  const timer = setTimeout(run, maxWaitMs);
  if (settled(store.getState())) runAfterNextFrame();
  return stop;
}
