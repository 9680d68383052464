// Which milestone the headset's toast shows, and until when. Fed with the store's milestone list whenever it
// changes: what is there the first time is the baseline (no toast for old news when VR starts); a milestone
// with a higher sequence number than any seen before is new and opens (or refreshes) the toast, which hides
// itself `showMs` after the last one arrived. Several at once show the newest, with how many came with it.
// Framework-free, with time passed in, so it is tested with plain numbers.

export interface ToastMilestone {
  seq: number;
}

export interface MilestoneToastConfig {
  /** How long the toast stays after the last new milestone arrived: long enough to turn and read it. */
  showMs: number;
}

export const DEFAULT_MILESTONE_TOAST: MilestoneToastConfig = { showMs: 8_000 };

export interface ToastState<M extends ToastMilestone> {
  /** The newest milestone that arrived while the toast was open. */
  milestone: M;
  /** How many new milestones the open toast stands for (1 for just this one). */
  count: number;
  /** When it hides (same clock as `now`). */
  hidesAt: number;
}

export class MilestoneToasts<M extends ToastMilestone> {
  readonly config: MilestoneToastConfig;
  /** The highest seq seen; null before the first list (the baseline). */
  private lastSeq: number | null = null;
  private toast: ToastState<M> | null = null;

  constructor(config: Partial<MilestoneToastConfig> = {}) {
    this.config = { ...DEFAULT_MILESTONE_TOAST, ...config };
  }

  /** Takes the current milestone list (any order); returns true when the toast opened or changed. */
  observe(milestones: readonly M[], now: number): boolean {
    const highest = milestones.reduce((max, m) => Math.max(max, m.seq), 0);
    if (this.lastSeq === null) {
      this.lastSeq = highest;
      return false;
    }
    const fresh = milestones.filter((m) => m.seq > (this.lastSeq ?? 0));
    if (fresh.length === 0) return false;
    this.lastSeq = highest;
    const newest = fresh.reduce((a, b) => (b.seq > a.seq ? b : a));
    const open = this.current(now);
    this.toast = { milestone: newest, count: (open?.count ?? 0) + fresh.length, hidesAt: now + this.config.showMs };
    return true;
  }

  /** The toast on show at `now`, or null once it has hidden. */
  current(now: number): ToastState<M> | null {
    if (this.toast && now >= this.toast.hidesAt) this.toast = null;
    return this.toast;
  }
}
