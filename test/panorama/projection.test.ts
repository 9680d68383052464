// The geometry of the view: where hotspots land on screen, which half of a stereo frame each eye sees,
// which rendition a device may play, and when a time-aware hotspot shows.
import { describe, expect, it } from 'vitest';
import { eyeWindow } from '../../src/panorama/projection';
import { projectToScreen } from '../../src/panorama/screen-projection';
import { highestAllowedLevel } from '../../src/media/rendition-cap';
import { isHotspotShown } from '../../src/tour/hotspot-timing';

describe('screen projection', () => {
  const view = { yaw: 0, pitch: 0, fov: 90 };
  it('puts the spot straight ahead in the middle and hides what is behind', () => {
    expect(projectToScreen(0, 0, view, 1)).toEqual({ x: 0, y: 0 });
    expect(projectToScreen(180, 0, view, 1)).toBeNull();
  });
  it('puts a spot 45° to the right at the right edge of a 90° view, and follows the view as it turns', () => {
    expect(projectToScreen(45, 0, view, 1)?.x).toBeCloseTo(1);
    expect(projectToScreen(0, 45, view, 1)?.y).toBeCloseTo(1);
    expect(projectToScreen(45, 0, { ...view, yaw: 45 }, 1)?.x).toBeCloseTo(0);
    expect(projectToScreen(10, 20, { yaw: 10, pitch: 20, fov: 60 }, 1.6)).toEqual({ x: expect.closeTo(0, 5) as unknown, y: expect.closeTo(0, 5) as unknown });
  });
});

describe('eye windows', () => {
  it('gives a flat screen and the left eye the top half of top-bottom and the left half of left-right', () => {
    expect(eyeWindow('top-bottom', 'left')).toEqual({ offset: [0, 0.5], repeat: [1, 0.5] });
    expect(eyeWindow('top-bottom', 'right')).toEqual({ offset: [0, 0], repeat: [1, 0.5] });
    expect(eyeWindow('left-right', 'left')).toEqual({ offset: [0, 0], repeat: [0.5, 1] });
    expect(eyeWindow('left-right', 'right')).toEqual({ offset: [0.5, 0], repeat: [0.5, 1] });
    expect(eyeWindow('mono', 'right')).toEqual({ offset: [0, 0], repeat: [1, 1] });
  });
});

describe('rendition cap', () => {
  const levels = [
    { width: 1024, height: 512 },
    { width: 2048, height: 1024 },
    { width: 4096, height: 2048 },
    { width: 8192, height: 4096 },
  ];
  it('picks the largest rendition that fits the texture limit and the decode limit', () => {
    expect(highestAllowedLevel(levels, { maxTextureSize: 4096, maxHeight: Infinity })).toBe(2);
    expect(highestAllowedLevel(levels, { maxTextureSize: 16384, maxHeight: 1080 })).toBe(1);
  });
  it('falls back to the smallest when nothing fits, so something still plays', () => {
    expect(highestAllowedLevel(levels, { maxTextureSize: 512, maxHeight: 256 })).toBe(0);
  });
});

describe('time-aware hotspots', () => {
  it('shows from start (inclusive) until end (exclusive)', () => {
    expect(isHotspotShown({ start: 2, end: 7 }, 1.9)).toBe(false);
    expect(isHotspotShown({ start: 2, end: 7 }, 2)).toBe(true);
    expect(isHotspotShown({ start: 2, end: 7 }, 7)).toBe(false);
    expect(isHotspotShown({}, 1_000)).toBe(true);
  });
});
