// The milestones on show as arrivals (the one toast policy, src/feed/milestone-arrivals.ts), for React: re-renders
// when one arrives or hides, never on the first load (the history a snapshot brings is no news).
import { useSyncExternalStore } from 'react';
import type { MilestoneToast } from '../feed/milestone-arrivals';
import { useServices } from './AppContext';

export function useMilestoneArrivals(): { toasts: readonly MilestoneToast[]; count: number } {
  const { arrivals } = useServices();
  const toasts = useSyncExternalStore(
    (listener) => arrivals.subscribe(listener),
    () => arrivals.toasts,
  );
  return { toasts, count: arrivals.count };
}
