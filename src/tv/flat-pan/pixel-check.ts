// Does the 360 view really show the video? On many Samsung and LG sets the video goes to a hardware plane and a
// WebGL video texture comes out black (or stuck on one frame) while currentTime runs on. The 3D view reads back a
// tiny render of its video texture now and then while the video advances, and this decides from those samples.
// Plain TypeScript: the three.js binding only takes the samples.

export interface PixelSample {
  /** The video's currentTime when the texture was sampled. */
  videoSeconds: number;
  /** RGBA bytes of a tiny render of the texture (any size, the same every time). */
  rgba: Uint8Array;
  /**
   * The same frame read from the <video> itself (a 2D canvas drawImage), where the browser allows it: tells footage
   * that is still or dark (both readings alike) from a texture that is stuck or black (only the texture's is).
   * Undefined where it cannot be read; black on TVs whose video plane no canvas can read, which says nothing.
   */
  direct?: Uint8Array;
}

export type PixelFailure = 'black' | 'frozen';

/** Why a texture that never changed is kept: the footage itself did not change, read from the video directly. */
export type PixelKeptReason = 'still-footage';

export type PixelVerdict =
  | { state: 'pending' }
  | { state: 'ok' }
  | { state: 'kept'; reason: PixelKeptReason }
  | { state: 'failed'; reason: PixelFailure };

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
 * the first (a moving picture), or once enough video has played without that: 'failed' — 'black' when every
 * sample was black, 'frozen' when the texture never changed — unless the video read directly showed a lit picture
 * that did not change either: then the footage is a still shot, and the sphere is 'kept' (a still or dark scene
 * must not send a TV to the flat view). A black texture over a black direct reading stays 'black': TVs whose video
 * plane no canvas can read give exactly that, so the flat view it leads to offers the 3D view again and the set
 * is checked again on a later visit (view-choice.ts). Final for this check; the caller may run another.
 */
export class PixelCheck {
  private first: PixelSample | null = null;
  private lastSeconds: number | null = null;
  private playedSeconds = 0;
  private anyLit = false;
  private firstDirect: Uint8Array | null = null;
  /** Whether every sample so far came with a direct reading that is not blank (readable footage). */
  private directReadable = true;
  private directChanged = false;
  private directLit = false;
  private directSamples = 0;
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
    this.readDirect(sample.direct);
    if (!this.first) {
      this.first = { videoSeconds: sample.videoSeconds, rgba: sample.rgba.slice() };
      return this.verdict;
    }
    if (lit && meanDifference(this.first.rgba, sample.rgba) > this.options.changeThreshold) {
      this.verdict = { state: 'ok' };
    } else if (this.playedSeconds >= this.options.decideAfterSeconds) {
      this.verdict = this.decide();
    }
    return this.verdict;
  }

  private readDirect(direct: Uint8Array | undefined): void {
    if (!direct || direct.length === 0) {
      this.directReadable = false;
      return;
    }
    this.directSamples++;
    // A blank reading (all zero bytes, alpha too) is a canvas that could not see the video plane: no information.
    if (direct.every((byte) => byte === 0)) this.directReadable = false;
    this.directLit ||= meanLuma(direct) > this.options.blackLuma;
    if (!this.firstDirect) this.firstDirect = direct.slice();
    else if (meanDifference(this.firstDirect, direct) > this.options.changeThreshold) this.directChanged = true;
  }

  private decide(): PixelVerdict {
    // A lit texture that never changed is a stuck upload, unless the footage itself, read lit, never changed either.
    if (this.anyLit) {
      const stillFootage = this.directReadable && this.directSamples >= 2 && this.directLit && !this.directChanged;
      return stillFootage ? { state: 'kept', reason: 'still-footage' } : { state: 'failed', reason: 'frozen' };
    }
    return { state: 'failed', reason: 'black' };
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
