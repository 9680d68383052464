// When the 360 view draws: requests coalesce into one frame, a request made while drawing schedules the next one,
// nothing is drawn while paused (a lost context, a disposed view), and the crossfade's opacity over time.
import { describe, expect, it } from 'vitest';
import { FrameScheduler, fadeOpacity, renderPixelRatio, type FrameClock } from '../../src/panorama/frame-scheduler';

/** A clock whose frames run only when the test says so (the browser's animation frames, stepped by hand). */
class SteppedFrames implements FrameClock {
  time = 0;
  private next = 1;
  private readonly waiting = new Map<number, () => void>();
  request(callback: () => void): number {
    const handle = this.next++;
    this.waiting.set(handle, callback);
    return handle;
  }
  cancel(handle: number): void {
    this.waiting.delete(handle);
  }
  now(): number {
    return this.time;
  }
  get queued(): number {
    return this.waiting.size;
  }
  /** Runs the callbacks queued before this frame began, as a browser does. */
  frame(ms = 16): void {
    this.time += ms;
    const due = [...this.waiting.values()];
    this.waiting.clear();
    for (const callback of due) callback();
  }
}

describe('on-demand frames', () => {
  it('draws once for any number of requests before the next frame, and not at all without one', () => {
    const frames = new SteppedFrames();
    const draws: number[] = [];
    const scheduler = new FrameScheduler((now) => draws.push(now), frames);
    frames.frame();
    expect(draws).toEqual([]);
    scheduler.request();
    scheduler.request();
    scheduler.request();
    expect(scheduler.pending).toBe(true);
    expect(frames.queued).toBe(1);
    frames.frame();
    expect(draws).toEqual([32]);
    expect(scheduler.pending).toBe(false);
    frames.frame();
    frames.frame();
    expect(draws).toEqual([32]);
  });

  it('a request made while drawing (still moving, a fade step left) draws on the next frame', () => {
    const frames = new SteppedFrames();
    let steps = 3;
    const draws: number[] = [];
    const scheduler: FrameScheduler = new FrameScheduler((now) => {
      draws.push(now);
      if (--steps > 0) scheduler.request();
    }, frames);
    scheduler.request();
    for (let i = 0; i < 6; i++) frames.frame(10);
    expect(draws).toEqual([10, 20, 30]);
  });

  it('draws nothing while paused, drops what was pending, and draws once on resume', () => {
    const frames = new SteppedFrames();
    let draws = 0;
    const scheduler = new FrameScheduler(() => draws++, frames);
    scheduler.request();
    scheduler.pause();
    expect(frames.queued).toBe(0);
    scheduler.request();
    frames.frame();
    expect(draws).toBe(0);
    scheduler.resume();
    frames.frame();
    expect(draws).toBe(1);
  });
});

describe('crossfade opacity', () => {
  it('stays fully shown until the fade starts (the next location has no picture yet)', () => {
    expect(fadeOpacity(null, 500, 1_000_000)).toBe(1);
  });
  it('goes linearly from 1 to 0 over the fade, and stays 0 after', () => {
    expect(fadeOpacity(1000, 500, 1000)).toBe(1);
    expect(fadeOpacity(1000, 500, 1250)).toBeCloseTo(0.5);
    expect(fadeOpacity(1000, 500, 1500)).toBe(0);
    expect(fadeOpacity(1000, 500, 9000)).toBe(0);
  });
  it('never goes above 1 for a frame stamped before the fade began, and a zero-length fade is done at once', () => {
    expect(fadeOpacity(1000, 500, 990)).toBe(1);
    expect(fadeOpacity(1000, 0, 1000)).toBe(0);
  });
});

describe('pixel ratio', () => {
  it('draws at the device ratio up to the cap, never below 1', () => {
    expect(renderPixelRatio(2, 1.5)).toBe(1.5);
    expect(renderPixelRatio(1.25, 1.5)).toBe(1.25);
    expect(renderPixelRatio(2, 1)).toBe(1);
    expect(renderPixelRatio(0.5, 1.5)).toBe(1);
  });
});
