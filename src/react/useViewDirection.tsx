// The app's view direction (src/view) for React: one tracker per app, made by AppProvider. Views write it; anything
// that follows the view reads `current()` in its own frame loop or subscribes — never through React state, so a
// moving view renders nothing.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ViewDirectionTracker, type ViewDirectionSource } from '../view';

const ViewDirectionContext = createContext<ViewDirectionTracker | null>(null);

export function ViewDirectionProvider({ children }: { children: ReactNode }) {
  const [tracker] = useState(() => new ViewDirectionTracker());
  // Browser tests read the direction where they read the store (the page's test hook; it holds no secrets).
  useEffect(() => {
    const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
    if (hook) hook.view = tracker;
  }, [tracker]);
  return <ViewDirectionContext value={tracker}>{children}</ViewDirectionContext>;
}

/** Where the viewer looks, whichever view is on screen (read-only). */
export function useViewDirection(): ViewDirectionSource {
  return useViewDirectionTracker();
}

/** For the views that produce the direction (the 360 view, the headset scene). */
export function useViewDirectionTracker(): ViewDirectionTracker {
  const tracker = useContext(ViewDirectionContext);
  if (!tracker) throw new Error('useViewDirection outside <AppProvider>');
  return tracker;
}
