// "Look here" from a paired phone, on the TV: the view glides to where the phone points instead of jumping. Points
// arrive a few times a second while the phone's finger drags; a jump per point would judder, and a far turn is
// easier to follow when it moves. Framework-free: the view's own `lookAt` and a frame clock are given to it.
import { wrapDegrees } from '../view';

export interface PointGlideOptions {
  /** Where the view looks now (degrees, as in the view direction). */
  from: () => { yaw: number; pitch: number };
  /** Aims the view (the TV's look controller). */
  apply: (yaw: number, pitch: number) => void;
  /** How long one glide takes; a new point starts a new glide from wherever the view is. */
  durationMs?: number;
  frame?: (step: () => void) => number;
  cancelFrame?: (id: number) => void;
  now?: () => number;
}

export const POINT_GLIDE_MS = 320;

export class PointGlide {
  private start = { yaw: 0, pitch: 0 };
  private target = { yaw: 0, pitch: 0 };
  private startedAt = 0;
  private frameId: number | undefined;
  private readonly frame: (step: () => void) => number;
  private readonly cancelFrame: (id: number) => void;
  private readonly now: () => number;

  constructor(private readonly options: PointGlideOptions) {
    this.frame = options.frame ?? ((step) => requestAnimationFrame(step));
    this.cancelFrame = options.cancelFrame ?? ((id) => cancelAnimationFrame(id));
    this.now = options.now ?? (() => performance.now());
  }

  /** Turns the view to (yaw, pitch), the short way round. */
  to(yaw: number, pitch: number): void {
    const from = this.options.from();
    this.start = { yaw: from.yaw, pitch: from.pitch };
    this.target = { yaw, pitch };
    this.startedAt = this.now();
    if (this.frameId === undefined) this.frameId = this.frame(this.step);
  }

  get moving(): boolean {
    return this.frameId !== undefined;
  }

  dispose(): void {
    if (this.frameId !== undefined) this.cancelFrame(this.frameId);
    this.frameId = undefined;
  }

  private readonly step = (): void => {
    const duration = this.options.durationMs ?? POINT_GLIDE_MS;
    const k = duration <= 0 ? 1 : Math.min(1, (this.now() - this.startedAt) / duration);
    // Ease out: quick to start (the family sees it answer), gentle to stop.
    const eased = 1 - (1 - k) ** 3;
    const turn = wrapDegrees(this.target.yaw - this.start.yaw);
    this.options.apply(wrapDegrees(this.start.yaw + turn * eased), this.start.pitch + (this.target.pitch - this.start.pitch) * eased);
    this.frameId = k < 1 ? this.frame(this.step) : undefined;
  };
}
