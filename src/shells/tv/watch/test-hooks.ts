// Switches that only browser tests set, on a global the page never writes: `window.__setvisitTestHooks`, defined by
// Playwright's addInitScript before the app's first script runs. Nothing a family can do reaches it — no URL
// parameter, storage key or control sets it — so no one lands in the flat view by a typo in a link.
export interface WatchTestHooks {
  /**
   * The pixel check still renders and reads back the video texture (and reads the video directly), then sees:
   * 'fail': black bytes for the texture; 'still': one unchanging dim picture for both (a still, dark shot).
   */
  pixelCheck?: 'fail' | 'still';
}

export function watchTestHooks(): WatchTestHooks {
  const hooks = (window as unknown as { __setvisitTestHooks?: unknown }).__setvisitTestHooks;
  return typeof hooks === 'object' && hooks !== null ? (hooks) : {};
}
