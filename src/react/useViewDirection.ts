// The app's view direction (src/view) for React: one tracker per app. Views write it; anything that follows the view
// reads `current()` in its own frame loop or subscribes — never through React state, so a moving view renders nothing.
import { useContext } from 'react';
import { ViewDirectionTracker, type ViewDirectionSource } from '../view';
import { ViewDirectionContext } from './ViewDirectionProvider';

/** Where the viewer looks, whichever view is on screen (read-only). */
export function useViewDirection(): ViewDirectionSource {
  return useViewDirectionTracker();
}

/** For the views that produce the direction (the 360 view, the headset scene). */
export function useViewDirectionTracker(): ViewDirectionTracker {
  const slot = useContext(ViewDirectionContext);
  if (!slot) throw new Error('useViewDirection outside <AppProvider>');
  // Made once, on first use, and kept for the app's life: every view and reader shares it.
  return slot.provide(makeTracker);
}

function makeTracker(): ViewDirectionTracker {
  const tracker = new ViewDirectionTracker();
  exposeForTests(tracker);
  return tracker;
}

/** Browser tests read the direction where they read the store (the page's test hook; it holds no secrets). */
function exposeForTests(tracker: ViewDirectionTracker): void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (hook) hook.view = tracker;
}
