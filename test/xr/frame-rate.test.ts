// The display rate asked of the headset: smooth, but no more frames than 360 video can use.
import { describe, expect, it } from 'vitest';
import { chooseFrameRate } from '../../src/xr/frame-rate';

describe('frame rate choice', () => {
  it('takes the highest offered rate up to 90 Hz', () => {
    expect(chooseFrameRate(new Float32Array([72, 80, 90, 120]))).toBe(90); // Quest 3
    expect(chooseFrameRate([72, 90, 120])).toBe(90);
    expect(chooseFrameRate([60, 72])).toBe(72); // Quest 2 without 90
    expect(chooseFrameRate([72, 80, 90, 120], 72)).toBe(72);
  });
  it('takes the gentlest rate when all are above the ceiling', () => {
    expect(chooseFrameRate([96, 120])).toBe(96);
  });
  it('leaves the headset alone when it offers nothing', () => {
    expect(chooseFrameRate(undefined)).toBe(false);
    expect(chooseFrameRate([])).toBe(false);
    expect(chooseFrameRate([Number.NaN, 0])).toBe(false);
  });
});
