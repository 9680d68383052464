// The HLS ladder per layout: aspect kept, tv capped at 1080p / level 4.1, headset capped at 4096, even sizes.
import { describe, expect, it } from 'vitest';
import {
  TV_MAX_LEVEL,
  aspectError,
  compareLevels,
  frameAspect,
  outputFps,
  planLadder,
  type FrameLayout,
  type LadderName,
  type PlannedRendition,
} from '../../../src/tools/media-pipeline/ladder';

const LAYOUTS: Record<string, FrameLayout> = {
  'mono 360': { projection: 'equirect360', stereo: 'mono' },
  'top-bottom 360': { projection: 'equirect360', stereo: 'top-bottom' },
  'left-right 180': { projection: 'equirect180', stereo: 'left-right' },
  'mono 180': { projection: 'equirect180', stereo: 'mono' },
  'left-right 360': { projection: 'equirect360', stereo: 'left-right' },
  'top-bottom 180': { projection: 'equirect180', stereo: 'top-bottom' },
};
const LADDER_NAMES: LadderName[] = ['standard', 'demo'];

const sizes = (renditions: PlannedRendition[]): string[] => renditions.map((r) => `${r.name} ${r.width}x${r.height}`);
const area = (r: PlannedRendition): number => r.width * r.height;

describe('frameAspect', () => {
  it('is 2:1 for mono 360, 1:1 for top-bottom 360, 2:1 for left-right 180, 1:1 for mono 180', () => {
    expect(frameAspect({ projection: 'equirect360', stereo: 'mono' })).toBe(2);
    expect(frameAspect({ projection: 'equirect360', stereo: 'top-bottom' })).toBe(1);
    expect(frameAspect({ projection: 'equirect180', stereo: 'left-right' })).toBe(2);
    expect(frameAspect({ projection: 'equirect180', stereo: 'mono' })).toBe(1);
  });

  it('measures how far a frame is from the layout, as a fraction', () => {
    expect(aspectError({ width: 3840, height: 1920 }, LAYOUTS['mono 360']!)).toBe(0);
    expect(aspectError({ width: 3840, height: 1900 }, LAYOUTS['mono 360']!)).toBeLessThan(0.02);
    expect(aspectError({ width: 1920, height: 1080 }, LAYOUTS['mono 360']!)).toBeGreaterThan(0.1);
  });
});

describe('planLadder (standard)', () => {
  const plan = (layout: FrameLayout) => planLadder({ ...layout, ladder: 'standard', fps: 30 }).renditions;

  it('sizes each layout: tv within 1080p, headset up to 4K, desktop halfway', () => {
    expect(sizes(plan(LAYOUTS['mono 360']!))).toEqual(['tv 1920x960', 'desktop 2880x1440', 'headset 3840x1920']);
    expect(sizes(plan(LAYOUTS['top-bottom 360']!))).toEqual(['tv 1080x1080', 'desktop 1992x1992', 'headset 2896x2896']);
    expect(sizes(plan(LAYOUTS['left-right 180']!))).toEqual(['tv 1920x960', 'desktop 2880x1440', 'headset 3840x1920']);
    expect(sizes(plan(LAYOUTS['mono 180']!))).toEqual(['tv 960x960', 'desktop 1440x1440', 'headset 1920x1920']);
  });

  it('names the renditions tv, desktop, headset, smallest first, with rising bitrates', () => {
    for (const layout of Object.values(LAYOUTS)) {
      const [tv, desktop, headset] = plan(layout);
      expect([tv?.name, desktop?.name, headset?.name]).toEqual(['tv', 'desktop', 'headset']);
      expect(area(tv!)).toBeLessThan(area(desktop!));
      expect(area(desktop!)).toBeLessThan(area(headset!));
      expect(tv!.videoKbps).toBeLessThan(desktop!.videoKbps);
      expect(desktop!.videoKbps).toBeLessThan(headset!.videoKbps);
    }
  });
});

describe.each(LADDER_NAMES)('planLadder (%s), every layout', (ladder) => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    for (const fps of [24, 25, 30]) {
      const { renditions } = planLadder({ ...layout, ladder, fps });

      it(`${name} @ ${fps}: keeps the aspect ratio exactly, with even (×8) sizes`, () => {
        for (const r of renditions) {
          expect(r.width % 8, `${r.name} width`).toBe(0);
          expect(r.height % 8, `${r.name} height`).toBe(0);
          expect(r.width / r.height).toBeCloseTo(frameAspect(layout), 10);
        }
      });

      it(`${name} @ ${fps}: tv stays within 1920 × 1080 and H.264 level ${TV_MAX_LEVEL}`, () => {
        const tv = renditions.find((r) => r.name === 'tv')!;
        expect(tv.width).toBeLessThanOrEqual(1920);
        expect(tv.height).toBeLessThanOrEqual(1080);
        expect(compareLevels(tv.level, TV_MAX_LEVEL)).toBeLessThanOrEqual(0);
      });

      it(`${name} @ ${fps}: headset is the largest and within 4096 a side, 4096 × 2048 pixels, level 5.1`, () => {
        const headset = renditions.find((r) => r.name === 'headset')!;
        for (const r of renditions) expect(area(r)).toBeLessThanOrEqual(area(headset));
        expect(Math.max(headset.width, headset.height)).toBeLessThanOrEqual(4096);
        expect(area(headset)).toBeLessThanOrEqual(4096 * 2048);
        expect(compareLevels(headset.level, '5.1')).toBeLessThanOrEqual(0);
        for (const r of renditions) expect(r.profile).toBe('high');
      });
    }
  }
});

describe('planLadder (demo)', () => {
  it('is much smaller: 1024/1536/2048 wide for mono 360 at about 300/600/1100 kbit/s', () => {
    const { renditions } = planLadder({ projection: 'equirect360', stereo: 'mono', ladder: 'demo', fps: 30 });
    expect(sizes(renditions)).toEqual(['tv 1024x512', 'desktop 1536x768', 'headset 2048x1024']);
    const kbps = renditions.map((r) => r.videoKbps);
    [300, 600, 1100].forEach((target, i) => expect(Math.abs((kbps[i] ?? 0) / target - 1)).toBeLessThan(0.15));
  });

  it('keeps a top-bottom 360 headset frame at the mono pixel count (each eye 2:1)', () => {
    const { renditions } = planLadder({ projection: 'equirect360', stereo: 'top-bottom', ladder: 'demo', fps: 30 });
    expect(sizes(renditions)).toEqual(['tv 1024x1024', 'desktop 1232x1232', 'headset 1440x1440']);
  });
});

describe('planLadder with a small source', () => {
  it('scales the whole ladder down to the source instead of upscaling', () => {
    const { renditions, scale } = planLadder({ projection: 'equirect360', stereo: 'top-bottom', ladder: 'standard', fps: 30, source: { width: 1440, height: 1440 } });
    expect(scale).toBeLessThan(1);
    const headset = renditions.find((r) => r.name === 'headset')!;
    expect(headset.width).toBeLessThanOrEqual(1440);
    expect(new Set(renditions.map((r) => r.width)).size).toBe(3);
    for (const r of renditions) expect(r.width).toBe(r.height);
  });

  it('leaves the ladder alone when the source is large enough', () => {
    const { scale, renditions } = planLadder({ projection: 'equirect360', stereo: 'mono', ladder: 'standard', fps: 30, source: { width: 5760, height: 2880 } });
    expect(scale).toBe(1);
    expect(renditions.at(-1)?.width).toBe(3840);
  });
});

describe('outputFps', () => {
  it('halves high rates and rounds to whole frames, so 2 s segments are whole GOPs', () => {
    expect(outputFps(60)).toBe(30);
    expect(outputFps(59.94)).toBe(30);
    expect(outputFps(50)).toBe(25);
    expect(outputFps(29.97)).toBe(30);
    expect(outputFps(23.976)).toBe(24);
    expect(outputFps(null)).toBe(30);
  });
});
