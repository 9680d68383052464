import { describe, expect, it } from 'vitest';
import { clampFlatView, flatPanLayout, flatProjectToScreen, horizontalFov } from '../../../src/tv/flat-pan/flat-pan-geometry';

const screen = { width: 1920, height: 1080 };
const mono360 = { projection: 'equirect360', stereo: 'mono' } as const;
const view = (yaw: number, pitch = 0, fov = 60) => ({ yaw, pitch, fov });

describe('flat-pan layout', () => {
  it('scales the frame so the field of view fills the screen height: 180° of pitch over 60° is 3 screens tall', () => {
    const layout = flatPanLayout(view(0), screen, mono360);
    expect(layout.height).toBeCloseTo(1080 * 3);
    expect(layout.width).toBeCloseTo(1080 * 6); // 360° at the same degrees per pixel
    expect(horizontalFov(screen, 60)).toBeCloseTo(106.67, 1);
  });

  it('puts the view direction in the middle of the screen', () => {
    const layout = flatPanLayout(view(0), screen, mono360);
    // yaw 0 is the frame's horizontal centre, pitch 0 its vertical centre.
    expect(layout.x + layout.width / 2).toBeCloseTo(960);
    expect(layout.y + layout.height / 2).toBeCloseTo(540);
    const right = flatPanLayout(view(90), screen, mono360);
    expect(right.x).toBeCloseTo(layout.x - 90 * 18); // 18 px per degree
    const up = flatPanLayout(view(0, 20), screen, mono360);
    expect(up.y).toBeCloseTo(layout.y + 20 * 18);
    expect(layout.coverage).toBe(1);
  });

  it('wraps around the seam: the copy covering most of the screen is used, and panning stays continuous', () => {
    const width = 1080 * 6;
    const justLeft = flatPanLayout(view(170), screen, mono360);
    const justRight = flatPanLayout(view(-170), screen, mono360);
    // 20° further right, the frame moved 20° × 18 px left, modulo one frame width.
    const moved = (justRight.x - justLeft.x + width) % width;
    expect(moved).toBeCloseTo(width - 20 * 18);
    expect(justLeft.coverage).toBeGreaterThan(0.5);
    expect(justLeft.coverage).toBeLessThan(1);
    expect(justRight.coverage).toBeGreaterThan(0.5);
    // Straight behind, half the screen shows each edge; one copy covers exactly half.
    expect(flatPanLayout(view(180), screen, mono360).coverage).toBeCloseTo(0.5);
  });

  it('lays out a top-bottom stereo frame whole and shows its top (left-eye) half', () => {
    const layout = flatPanLayout(view(0), screen, { projection: 'equirect360', stereo: 'top-bottom' });
    expect(layout.height).toBeCloseTo(1080 * 6);
    expect(layout.width).toBeCloseTo(1080 * 6);
    // The view centre (pitch 0) is the middle of the top half, not of the element.
    expect(layout.y + layout.height / 4).toBeCloseTo(540);
    // Clamped to the highest and lowest pitch, the screen stays inside the top half.
    const low = flatPanLayout({ ...clampFlatView(view(0, -90), screen, mono360), fov: 60 }, screen, { projection: 'equirect360', stereo: 'top-bottom' });
    expect(low.y + layout.height / 2).toBeGreaterThanOrEqual(1080 - 0.01);
  });

  it('lays out a left-right 180° frame whole and shows its left half', () => {
    const source = { projection: 'equirect180', stereo: 'left-right' } as const;
    const layout = flatPanLayout(view(0), screen, source);
    expect(layout.width).toBeCloseTo(180 * 18 * 2);
    expect(layout.x + layout.width / 4).toBeCloseTo(960);
    // A 180° frame never wraps: at the clamped yaw the left eye's right edge meets the screen's right edge.
    const edge = clampFlatView(view(90), screen, source);
    const atEdge = flatPanLayout({ ...edge, fov: 60 }, screen, source);
    expect(atEdge.x + layout.width / 2).toBeCloseTo(1920);
  });
});

describe('flat-pan clamping', () => {
  it('keeps the frame edges off screen vertically', () => {
    expect(clampFlatView(view(0, 80), screen, mono360).pitch).toBe(60);
    expect(clampFlatView(view(0, -80), screen, mono360).pitch).toBe(-60);
    expect(clampFlatView(view(0, 10), screen, mono360).pitch).toBe(10);
  });

  it('wraps yaw on 360 footage and clamps it on 180 footage', () => {
    expect(clampFlatView(view(190), screen, mono360).yaw).toBe(-170);
    const hemi = { projection: 'equirect180', stereo: 'mono' } as const;
    const maxYaw = 90 - horizontalFov(screen, 60) / 2;
    expect(clampFlatView(view(80), screen, hemi).yaw).toBeCloseTo(maxYaw);
    expect(clampFlatView(view(-170), screen, hemi).yaw).toBeCloseTo(-maxYaw);
    // A screen wider than the hemisphere stays centred.
    expect(clampFlatView(view(30, 0, 120), { width: 3000, height: 1000 }, hemi).yaw).toBe(0);
  });
});

describe('flat-pan hotspot projection', () => {
  it('agrees with the layout: a spot lands on the pixel of the frame it marks', () => {
    const v = view(30, 10);
    const layout = flatPanLayout(v, screen, mono360);
    const spot = { yaw: 75, pitch: 25 };
    const ndc = flatProjectToScreen(spot.yaw, spot.pitch, v, screen.width / screen.height)!;
    const px = ((ndc.x + 1) / 2) * screen.width;
    const py = ((1 - ndc.y) / 2) * screen.height;
    // The frame pixel of (75°, 25°): yaw −180 at the left edge, pitch 90 at the top, 18 px per degree.
    expect(px).toBeCloseTo(layout.x + (75 + 180) * 18);
    expect(py).toBeCloseTo(layout.y + (90 - 25) * 18);
  });

  it('takes the short way round the seam', () => {
    const ndc = flatProjectToScreen(-175, 0, view(175), 16 / 9)!;
    expect(ndc.x).toBeGreaterThan(0); // 10° to the right, not 350° to the left
    expect(ndc.x).toBeCloseTo(10 / (horizontalFov(screen, 60) / 2));
  });
});
