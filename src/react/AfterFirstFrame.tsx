// What the first 360 frame does not need waits for it: the player controls, the circle panel, the attention notice
// and sampler. Rendered at once, their chunks were fetched, evaluated and laid out while the stream loaded, and on a
// slow CPU (4× throttled) that main-thread work pushed the first frame back by about a quarter of a second.
// They come as the feed does (src/app/after-first-frame.ts): after the frame in which the media settles (a picture,
// or an error on screen), or after a few seconds, so that a stream that never starts does not hide them for good.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { afterFirstFrame, settled } from '../app/after-first-frame';
import { useServices } from './AppContext';

/** True from the first frame (see above) for the rest of the caller's life: a later location's loading does not
 * take back what the first frame let in. */
export function useAfterFirstFrame(): boolean {
  const { store } = useServices();
  const [after, setAfter] = useState(() => settled(store.getState()));
  useEffect(() => (after ? undefined : afterFirstFrame(store, () => setAfter(true))), [store, after]);
  return after;
}

/** Renders `children` (lazy components, usually) once the first frame is on screen: see useAfterFirstFrame. */
export function AfterFirstFrame({ children }: { children: ReactNode }) {
  return useAfterFirstFrame() ? <Suspense fallback={null}>{children}</Suspense> : null;
}
