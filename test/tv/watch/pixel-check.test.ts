import { describe, expect, it } from 'vitest';
import { PixelCheck, meanLuma } from '../../../src/tv/flat-pan/pixel-check';

/** A 4×2 RGBA sample filled with one colour, with pixel 0 set to `spot` (a moving detail). */
function sample(videoSeconds: number, rgb: [number, number, number], spot?: [number, number, number]): { videoSeconds: number; rgba: Uint8Array } {
  const rgba = new Uint8Array(4 * 8);
  for (let i = 0; i < 8; i++) rgba.set([...rgb, 255], i * 4);
  if (spot) rgba.set([...spot, 255], 0);
  return { videoSeconds, rgba };
}

describe('pixel check', () => {
  it('passes as soon as a lit picture changes while the video plays', () => {
    const check = new PixelCheck();
    expect(check.add(sample(0.5, [80, 90, 100])).state).toBe('pending');
    expect(check.add(sample(0.9, [80, 90, 100], [200, 40, 40])).state).toBe('ok');
  });

  it('fails as black when the texture stays black while two seconds of video play', () => {
    const check = new PixelCheck();
    const verdicts = [0.5, 1.0, 1.5, 2.0, 2.6].map((t) => check.add(sample(t, [0, 0, 0])).state);
    expect(verdicts.slice(0, 4)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(check.current).toEqual({ state: 'failed', reason: 'black' });
  });

  it('fails as frozen when a lit texture never changes (a stale first frame)', () => {
    const check = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) check.add(sample(t, [120, 110, 90]));
    expect(check.current).toEqual({ state: 'failed', reason: 'frozen' });
  });

  it('counts only forward play: a loop back to 0 is not two more seconds played', () => {
    const check = new PixelCheck();
    check.add(sample(9.5, [0, 0, 0]));
    check.add(sample(0.1, [0, 0, 0])); // looped
    check.add(sample(1.0, [0, 0, 0]));
    expect(check.current.state).toBe('pending');
    check.add(sample(2.2, [0, 0, 0]));
    expect(check.current).toEqual({ state: 'failed', reason: 'black' });
  });

  it('keeps its verdict once given', () => {
    const check = new PixelCheck();
    check.add(sample(0, [50, 50, 50]));
    check.add(sample(0.5, [50, 50, 50], [255, 255, 255]));
    for (const t of [1, 2, 3, 4]) expect(check.add(sample(t, [0, 0, 0])).state).toBe('ok');
  });

  it('refuses bytes that are not RGBA pixels, with the reason', () => {
    const check = new PixelCheck();
    expect(() => check.add({ videoSeconds: 1, rgba: new Uint8Array(3) })).toThrow(/RGBA bytes, got 3/);
    expect(() => check.add({ videoSeconds: 1, rgba: new Uint8Array(0) })).toThrow(/got 0/);
    expect(check.current.state).toBe('pending');
  });

  it('measures luma with Rec. 601 weights', () => {
    expect(meanLuma(sample(0, [255, 255, 255]).rgba)).toBeCloseTo(255);
    expect(meanLuma(sample(0, [0, 255, 0]).rgba)).toBeCloseTo(0.587 * 255);
  });
});
