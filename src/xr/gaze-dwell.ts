// Selecting by looking: a target is chosen once the head ray has rested on it for `dwellMs`. Fed once per frame
// with whatever the ray hits (or null); framework-free, so it is tested with plain numbers for time.

export interface GazeDwellConfig {
  /** How long the gaze must rest on a target before it is selected. */
  dwellMs: number;
  /**
   * How long the ray may slip off the target (head jitter, a hotspot's edge) before the dwell starts over.
   * Time off the target does not count towards the dwell.
   */
  graceMs: number;
}

export const DEFAULT_GAZE_DWELL: GazeDwellConfig = { dwellMs: 1200, graceMs: 150 };

export interface GazeDwellState<T> {
  /** The target being dwelt on (also during a grace period), or null. */
  target: T | null;
  /** 0…1: how far the dwell on `target` has come; drawn as a filling ring. */
  progress: number;
  /** The target selected by this update, if the dwell completed now; null otherwise. */
  selected: T | null;
}

export class GazeDwell<T> {
  readonly config: GazeDwellConfig;
  private target: T | null = null;
  /** Time spent on the target so far (ms), excluding grace periods. */
  private dwelt = 0;
  private lastUpdate: number | null = null;
  /** When the ray left the target (start of a grace period), or null while it is on it. */
  private leftAt: number | null = null;
  /** A target just selected stays locked until the gaze leaves it, so it cannot fire twice in a row. */
  private locked = false;

  constructor(config: Partial<GazeDwellConfig> = {}) {
    this.config = { ...DEFAULT_GAZE_DWELL, ...config };
  }

  /** `hit`: what the head ray hits this frame; `now`: a monotonic time in ms (performance.now()). */
  update(hit: T | null, now: number): GazeDwellState<T> {
    const elapsed = this.lastUpdate === null ? 0 : Math.max(0, now - this.lastUpdate);
    this.lastUpdate = now;

    if (hit !== null && hit === this.target) {
      this.leftAt = null;
      if (!this.locked) this.dwelt += elapsed;
    } else if (hit === null && this.target !== null) {
      // Off the target: keep it through a short grace period, without counting the time.
      this.leftAt ??= now;
      if (now - this.leftAt > this.config.graceMs) this.clear();
    } else if (hit !== null) {
      // A new target: start over on it.
      this.clear();
      this.target = hit;
    }

    if (this.target !== null && !this.locked && this.dwelt >= this.config.dwellMs) {
      this.locked = true;
      return { target: this.target, progress: 1, selected: this.target };
    }
    return { target: this.target, progress: this.progress(), selected: null };
  }

  /** Forgets the current target, e.g. when the location changes or the session ends. */
  reset(): void {
    this.clear();
    this.lastUpdate = null;
  }

  private progress(): number {
    if (this.target === null || this.locked) return 0;
    return Math.min(1, this.dwelt / this.config.dwellMs);
  }

  private clear(): void {
    this.target = null;
    this.dwelt = 0;
    this.leftAt = null;
    this.locked = false;
  }
}
