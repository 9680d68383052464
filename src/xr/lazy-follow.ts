// A world-space panel that follows the person lazily: it stays put while they look around nearby, and only once
// they have turned away by more than `triggerDeg` does it ease round to where they now look (never head-locked,
// which is tiring to read and makes some people queasy). Works on yaw alone; the panel's height is fixed.

export interface LazyFollowConfig {
  /** How far the gaze may turn from the panel before it starts to follow. */
  triggerDeg: number;
  /** Once following, it stops when this close to the gaze. */
  settleDeg: number;
  /** Easing speed: the share of the remaining angle covered per second is 1 − e^(−rate). */
  ratePerSec: number;
}

export const DEFAULT_LAZY_FOLLOW: LazyFollowConfig = { triggerDeg: 35, settleDeg: 2, ratePerSec: 3 };

/** An angle in degrees brought into (−180, 180]. */
export function wrapDegrees(angle: number): number {
  const wrapped = ((((angle + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

export class LazyFollow {
  readonly config: LazyFollowConfig;
  private current: number;
  private following = false;

  constructor(initialYawDeg = 0, config: Partial<LazyFollowConfig> = {}) {
    this.config = { ...DEFAULT_LAZY_FOLLOW, ...config };
    this.current = wrapDegrees(initialYawDeg);
  }

  /** The panel's yaw, degrees. */
  get yaw(): number {
    return this.current;
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** Moves the panel for one frame: `gazeYawDeg` is where the head looks, `dtMs` the time since the last frame. */
  update(gazeYawDeg: number, dtMs: number): number {
    const gap = wrapDegrees(gazeYawDeg - this.current);
    if (!this.following && Math.abs(gap) > this.config.triggerDeg) this.following = true;
    if (!this.following) return this.current;
    const step = 1 - Math.exp((-this.config.ratePerSec * Math.max(0, dtMs)) / 1000);
    this.current = wrapDegrees(this.current + gap * step);
    if (Math.abs(wrapDegrees(gazeYawDeg - this.current)) <= this.config.settleDeg) this.following = false;
    return this.current;
  }

  /**
   * Starts easing round to the gaze now, however near it is: when the panel has news (a toast), it comes to
   * where the person looks, at the same gentle pace, rather than waiting for a 35° turn.
   */
  beginFollowing(): void {
    this.following = true;
  }

  /** Puts the panel where the person looks at once (entering VR): no easing. */
  snapTo(yawDeg: number): void {
    this.current = wrapDegrees(yawDeg);
    this.following = false;
  }
}
