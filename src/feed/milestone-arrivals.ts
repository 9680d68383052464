// The one toast policy: which new milestones show as toasts, and until when. Fed by the feed client's `applied`
// event, so "new" means "arrived while this page was open", in order and once, as the feed client decides it;
// nothing diffs the store's list. The history a snapshot brings (the first one, the offline cache, or a catch-up
// after the server no longer holds the missed events) is the timeline's, not news, and makes no toast.
// The TV shows `toasts` (a few at a time, each hidden after a while); the headset shows the newest with `count`,
// how many came in the same burst. Framework-free, with timers and clock injectable for tests.
import type { FeedEvent, Milestone } from '../protocol';

/** What the policy listens to: the feed client (ProjectFeed), or anything with the same `applied` event. */
export interface MilestoneArrivalSource {
  on(type: 'applied', listener: (event: FeedEvent) => void): () => void;
}

export interface MilestoneToastConfig {
  /** How long a toast stays after its milestone arrived. Default 8 s: long enough to read from the sofa, or to turn and read in a headset. */
  visibleMs: number;
  /** At most this many at once; older ones leave first. Default 3. */
  maxVisible: number;
}

export const DEFAULT_MILESTONE_TOASTS: MilestoneToastConfig = { visibleMs: 8_000, maxVisible: 3 };

export interface MilestoneToast {
  milestone: Milestone;
  /** When it arrived and when it hides (the policy's clock, `performance.now()` by default). */
  shownAt: number;
  hidesAt: number;
}

export interface MilestoneArrivalsOptions extends Partial<MilestoneToastConfig> {
  setTimer?: (task: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  now?: () => number;
}

export interface MilestoneArrivals {
  /** The toasts on show, oldest first (at most `maxVisible`). */
  readonly toasts: readonly MilestoneToast[];
  /** How many milestones arrived since the toasts were last all hidden: the newest toast stands for this many. */
  readonly count: number;
  /** Called on every change: a toast shown or hidden. */
  subscribe(listener: () => void): () => void;
  /** Stops listening to the feed and cancels every hide timer. */
  dispose(): void;
}

export function createMilestoneArrivals(source: MilestoneArrivalSource, options: MilestoneArrivalsOptions = {}): MilestoneArrivals {
  const visibleMs = options.visibleMs ?? DEFAULT_MILESTONE_TOASTS.visibleMs;
  const maxVisible = options.maxVisible ?? DEFAULT_MILESTONE_TOASTS.maxVisible;
  const setTimer = options.setTimer ?? ((task, ms) => setTimeout(task, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => performance.now());
  const listeners = new Set<() => void>();
  const timers = new Map<string, unknown>();
  let toasts: MilestoneToast[] = [];
  let count = 0;

  const emit = (): void => listeners.forEach((listener) => listener());

  function hide(id: string): void {
    timers.delete(id);
    toasts = toasts.filter((toast) => toast.milestone.id !== id);
    if (toasts.length === 0) count = 0;
    emit();
  }

  function arrive(milestone: Milestone): void {
    const shownAt = now();
    toasts = [...toasts, { milestone, shownAt, hidesAt: shownAt + visibleMs }];
    count++;
    for (const dropped of toasts.slice(0, Math.max(0, toasts.length - maxVisible))) {
      clearTimer(timers.get(dropped.milestone.id));
      timers.delete(dropped.milestone.id);
    }
    toasts = toasts.slice(-maxVisible);
    const id = milestone.id;
    timers.set(id, setTimer(() => hide(id), visibleMs));
    emit();
  }

  const off = source.on('applied', (event) => {
    if (event.type === 'milestone') arrive(event.milestone);
  });

  return {
    get toasts() {
      return toasts;
    },
    get count() {
      return count;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      off();
      timers.forEach((timer) => clearTimer(timer));
      timers.clear();
      listeners.clear();
      toasts = [];
      count = 0;
    },
  };
}
