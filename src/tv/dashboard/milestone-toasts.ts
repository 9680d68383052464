// Which new milestones the TV shows as toasts: those that arrive while the family is watching (not the history a
// snapshot brings), a few at a time, each hidden after a while. Framework-free; the view only renders `toasts`.
import type { Milestone } from '../../protocol';
import type { AppState, AppStore } from '../../store/app-store';

export interface MilestoneToast {
  milestone: Milestone;
  shownAt: number;
}

export interface MilestoneToastsOptions {
  /** How long a toast stays. Default 8 s: long enough to read from the sofa. */
  visibleMs?: number;
  /** At most this many at once; older ones leave first. Default 3. */
  maxVisible?: number;
  setTimer?: (task: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  now?: () => number;
}

export interface MilestoneToasts {
  readonly toasts: readonly MilestoneToast[];
  /** Watches the store while at least one listener is subscribed. */
  subscribe(listener: () => void): () => void;
  /** Stops watching and cancels every hide timer. */
  dispose(): void;
}

export function createMilestoneToasts(store: AppStore, options: MilestoneToastsOptions = {}): MilestoneToasts {
  const visibleMs = options.visibleMs ?? 8_000;
  const maxVisible = options.maxVisible ?? 3;
  const setTimer = options.setTimer ?? ((task, ms) => setTimeout(task, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  const timers = new Map<string, unknown>();
  let toasts: MilestoneToast[] = [];
  // The newest milestone seq already on screen (or in the first snapshot). Null until the first data arrives:
  // the history a snapshot brings (or the offline cache) is the timeline's, not news.
  let seenSeq: number | null = null;

  const emit = (): void => listeners.forEach((listener) => listener());

  function hide(id: string): void {
    timers.delete(id);
    toasts = toasts.filter((toast) => toast.milestone.id !== id);
    emit();
  }

  function onState(state: AppState): void {
    const milestones = state.feed.data?.milestones;
    if (!milestones) return;
    const newest = milestones.length ? (milestones[milestones.length - 1] as Milestone).seq : 0;
    if (seenSeq === null) {
      seenSeq = newest;
      return;
    }
    const fresh = milestones.filter((m) => m.seq > (seenSeq as number));
    if (!fresh.length) return;
    seenSeq = newest;
    const shownAt = now();
    toasts = [...toasts, ...fresh.map((milestone) => ({ milestone, shownAt }))];
    for (const dropped of toasts.slice(0, Math.max(0, toasts.length - maxVisible))) {
      clearTimer(timers.get(dropped.milestone.id));
      timers.delete(dropped.milestone.id);
    }
    toasts = toasts.slice(-maxVisible);
    for (const toast of toasts) {
      const id = toast.milestone.id;
      if (!timers.has(id)) timers.set(id, setTimer(() => hide(id), visibleMs));
    }
    emit();
  }

  // The baseline is what the store holds when the toasts are created; the store is watched only while someone
  // shows the toasts (creating them has no side effect, so React may create and drop one freely).
  onState(store.getState());
  let unsubscribe: (() => void) | null = null;

  return {
    get toasts() {
      return toasts;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) {
        unsubscribe = store.subscribe(onState);
        onState(store.getState()); // whatever arrived while nobody watched is still news
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
    dispose() {
      unsubscribe?.();
      unsubscribe = null;
      timers.forEach((timer) => clearTimer(timer));
      timers.clear();
      listeners.clear();
    },
  };
}
