// Where the app's one view direction (src/view) lives for React: AppProvider holds an empty slot, and the first view
// or reader that asks makes the tracker (useViewDirection.ts). The slot costs the first screen nothing: the tracker's
// code loads with the views, and a TV's home screen has none.
import { createContext, useState, type ReactNode } from 'react';
import type { ViewDirectionTracker } from '../view';

export interface ViewDirectionSlot {
  /** The app's tracker, made with `make` the first time it is asked for. (Not named `take`: the legacy build's
   * polyfill detection goes by method names, and would ship Iterator.prototype.take to 2018 TVs for it.) */
  provide(make: () => ViewDirectionTracker): ViewDirectionTracker;
}

export const ViewDirectionContext = createContext<ViewDirectionSlot | null>(null);

export function ViewDirectionProvider({ children }: { children: ReactNode }) {
  const [slot] = useState<ViewDirectionSlot>(() => {
    let tracker: ViewDirectionTracker | null = null;
    return { provide: (make) => (tracker ??= make()) };
  });
  return <ViewDirectionContext value={slot}>{children}</ViewDirectionContext>;
}
