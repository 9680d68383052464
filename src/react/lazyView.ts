// A component whose code loads on demand, like React.lazy, but without suspending: it renders nothing until its
// chunk is in, then the component. React holds back a Suspense boundary's reveal until 300 ms after its fallback
// last showed (its "fallback throttle", against flicker); on the first 360 frame's path, where each chunk hop
// suspended once, that idle wait came twice (the shell, then the 360 view). A chunk that fails to load throws from
// the render, as React.lazy's would.
import { createElement, startTransition, useEffect, useState, type ComponentType } from 'react';

export type LazyView<P> = ComponentType<P> & {
  /** Starts loading now (idempotent); resolves when the component is ready or has failed. */
  preload(): Promise<void>;
};

export function lazyView<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyView<P> {
  let component: ComponentType<P> | null = null;
  let failure: { error: unknown } | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        component = module.default;
      },
      (error: unknown) => {
        failure = { error };
      },
    ));

  function View(props: P) {
    const [, setLoaded] = useState(false);
    useEffect(() => {
      // A transition: React renders the arriving shell in slices, so the video's network steps (each needs the main
      // thread) are not held up behind one long render.
      if (!component && !failure) void preload().then(() => startTransition(() => setLoaded(true)));
    }, []);
    if (failure) throw failure.error;
    return component ? createElement(component, props) : null;
  }
  return Object.assign(View, { preload });
}
