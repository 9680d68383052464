// Does the 360 view really show the video? On many Samsung and LG sets the video goes to a hardware plane and a
// WebGL video texture comes out black (or stuck on one frame) while currentTime runs on. The 3D view reads back a
// tiny render of its video texture now and then while the video advances, and this decides from those samples.
// Plain TypeScript: the three.js binding only takes the samples.

export interface PixelSample {
  /** The video's currentTime when the texture was sampled. */
  videoSeconds: number;
  /** RGBA bytes of a tiny render of the texture (any size, the same every time). */
  rgba: Uint8Array;
}

export type PixelFailure = 'black' | 'frozen';

export type PixelVerdict = { state: 'pending' } | { state: 'ok' } | { state: 'failed'; reason: PixelFailure };

export interface PixelCheckOptions {
  /** Mean luma (0–255) at or below which a sample counts as black. Night footage is dark, not this dark. */
  blackLuma: number;
  /** Seconds of video that must play (summed over samples) before the check gives up on seeing a live picture. */
  decideAfterSeconds: number;
  /** Mean per-byte difference from the first sample above which the picture has changed. */
  changeThreshold: number;
}

export const DEFAULT_PIXEL_CHECK: PixelCheckOptions = { blackLuma: 6, decideAfterSeconds: 2, changeThreshold: 0.5 };

/**
 * Feed it samples taken while the video advances; it answers 'ok' as soon as one sample is lit and differs from
 * the first (a moving picture), or 'failed' once enough video has played without that: 'black' when every sample
 * was black, 'frozen' when the texture never changed. Its verdict is final once given.
 */
export class PixelCheck {
  private first: PixelSample | null = null;
  private lastSeconds: number | null = null;
  private playedSeconds = 0;
  private anyLit = false;
  private verdict: PixelVerdict = { state: 'pending' };

  constructor(private readonly options: PixelCheckOptions = DEFAULT_PIXEL_CHECK) {}

  get current(): PixelVerdict {
    return this.verdict;
  }

  add(sample: PixelSample): PixelVerdict {
    if (this.verdict.state !== 'pending') return this.verdict;
    if (sample.rgba.length === 0 || sample.rgba.length % 4 !== 0) throw new Error(`a pixel sample needs RGBA bytes, got ${sample.rgba.length}`);
    // Looping footage jumps back to 0: count only forward steps as played time.
    if (this.lastSeconds !== null && sample.videoSeconds > this.lastSeconds) this.playedSeconds += sample.videoSeconds - this.lastSeconds;
    this.lastSeconds = sample.videoSeconds;
    const lit = meanLuma(sample.rgba) > this.options.blackLuma;
    this.anyLit ||= lit;
    if (!this.first) {
      this.first = { videoSeconds: sample.videoSeconds, rgba: sample.rgba.slice() };
      return this.verdict;
    }
    if (lit && meanDifference(this.first.rgba, sample.rgba) > this.options.changeThreshold) {
      this.verdict = { state: 'ok' };
    } else if (this.playedSeconds >= this.options.decideAfterSeconds) {
      this.verdict = { state: 'failed', reason: this.anyLit ? 'frozen' : 'black' };
    }
    return this.verdict;
  }
}

/** Rec. 601 luma, averaged over the sample. */
export function meanLuma(rgba: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < rgba.length; i += 4) sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  return sum / (rgba.length / 4);
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i]! - b[i]!);
  return sum / ((a.length / 4) * 3);
}
