// What the first 360 frame does not need waits for it: the player controls, the circle panel, the attention notice
// and sampler. Rendered at once, their chunks were fetched, evaluated and laid out while the stream loaded, and on a
// slow CPU (4× throttled) that main-thread work pushed the first frame back by about a quarter of a second.
// They come once any frame has been on screen, or the stream has failed (nothing more to wait for), or after a
// grace period, so that a stream that never starts does not hide them for good.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useAppState } from './AppContext';

/** Long enough for a first frame on a slow device; short enough that a stuck stream does not hide the controls. */
export const AFTER_FIRST_FRAME_GRACE_MS = 6_000;

/** True from the first frame on screen (or a failed stream, or the grace period) for the rest of the caller's life. */
export function useAfterFirstFrame(graceMs = AFTER_FIRST_FRAME_GRACE_MS): boolean {
  const ready = useAppState((s) => s.media.metrics.timeToFirstFrameMs !== null || s.media.status === 'playing' || s.media.status === 'error');
  const [after, setAfter] = useState(ready);
  // Latched while rendering (React's way to keep what an earlier render saw): a later location's loading does not
  // take back what the first frame let in.
  if (ready && !after) setAfter(true);
  useEffect(() => {
    if (after) return undefined;
    const timer = setTimeout(() => setAfter(true), graceMs);
    return () => clearTimeout(timer);
  }, [after, graceMs]);
  return after || ready;
}

/** Renders `children` (lazy components, usually) once the first frame is on screen: see useAfterFirstFrame. */
export function AfterFirstFrame({ children }: { children: ReactNode }) {
  return useAfterFirstFrame() ? <Suspense fallback={null}>{children}</Suspense> : null;
}
