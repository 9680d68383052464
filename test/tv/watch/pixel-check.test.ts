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

describe('pixel check with the video read directly (a still or dark scene is not a broken sphere)', () => {
  const withDirect = (s: { videoSeconds: number; rgba: Uint8Array }, direct: { rgba: Uint8Array }) => ({ ...s, direct: direct.rgba });

  it('keeps the sphere for a still shot: the texture never changed, and neither did the lit footage', () => {
    const check = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) check.add(withDirect(sample(t, [40, 38, 35]), sample(t, [41, 39, 35])));
    expect(check.current).toEqual({ state: 'kept', reason: 'still-footage' });
  });

  it('a dark still (a night shot, lit above black) is kept too', () => {
    const check = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) check.add(withDirect(sample(t, [14, 12, 10]), sample(t, [14, 12, 10])));
    expect(check.current).toEqual({ state: 'kept', reason: 'still-footage' });
  });

  it('still fails as frozen when the footage moves but the texture does not', () => {
    const check = new PixelCheck();
    [0.5, 1.2, 1.9, 2.6].forEach((t, i) => check.add(withDirect(sample(t, [120, 110, 90]), sample(t, [120, 110, 90], [i * 60, 20, 20]))));
    expect(check.current).toEqual({ state: 'failed', reason: 'frozen' });
  });

  it('still fails as frozen where the direct reading is black (a TV whose video plane no canvas reads) or missing', () => {
    const black = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) black.add(withDirect(sample(t, [120, 110, 90]), sample(t, [0, 0, 0])));
    expect(black.current).toEqual({ state: 'failed', reason: 'frozen' });
    const blank = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) blank.add({ ...sample(t, [120, 110, 90]), direct: new Uint8Array(32) });
    expect(blank.current).toEqual({ state: 'failed', reason: 'frozen' });
  });

  it('a black texture stays a black verdict whatever the direct reading (the flat view then offers 3D again)', () => {
    const check = new PixelCheck();
    for (const t of [0.5, 1.2, 1.9, 2.6]) check.add(withDirect(sample(t, [0, 0, 0]), sample(t, [2, 2, 2])));
    expect(check.current).toEqual({ state: 'failed', reason: 'black' });
  });
});
