// When the 360 view draws: on demand only — a new decoded video frame, a look change, a fade step, a resize —
// never at display rate while nothing moves. Plain TypeScript, the clock injected, so it is testable without a DOM.

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
  /** Milliseconds on the clock that fade start times and key presses are read from (performance.now()). */
  now(): number;
}

/** The browser's animation frames: what the view draws on. */
export const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/**
 * Coalesces every request made before the next frame into one draw. A request made while drawing (the view is
 * still moving, a fade has steps left) schedules the frame after.
 */
export class FrameScheduler {
  private handle: number | null = null;
  private paused = false;
  private readonly run: () => void;

  constructor(
    draw: (now: number) => void,
    private readonly clock: FrameClock = animationFrames,
  ) {
    this.run = () => {
      this.handle = null;
      draw(this.clock.now());
    };
  }

  /** Whether a draw is waiting for the next frame. */
  get pending(): boolean {
    return this.handle !== null;
  }

  request(): void {
    if (this.handle !== null || this.paused) return;
    this.handle = this.clock.request(this.run);
  }

  /** No draws until `resume` (a lost WebGL context, a disposed view); pending ones are dropped. */
  pause(): void {
    this.paused = true;
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
  }

  /** Draws again, starting with one frame now (whatever changed meanwhile shows). */
  resume(): void {
    this.paused = false;
    this.request();
  }
}

/**
 * Opacity of the location fading out at `now`: fully shown until the fade starts (the next location has no
 * picture yet), then linear to 0 over `fadeMs`.
 */
export function fadeOpacity(startedAt: number | null, fadeMs: number, now: number): number {
  if (startedAt === null) return 1;
  if (fadeMs <= 0) return 0;
  return 1 - Math.min(1, Math.max(0, (now - startedAt) / fadeMs));
}

/** The pixel ratio to draw at: the device's, between 1 and `maxDpr` (a 360 video is never sharper than its source). */
export function renderPixelRatio(devicePixelRatio: number, maxDpr: number): number {
  return Math.min(Math.max(1, devicePixelRatio), maxDpr);
}
