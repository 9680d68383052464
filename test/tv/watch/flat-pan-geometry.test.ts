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
    expect(clampFlatView(view(250), screen, mono360).yaw).toBe(-110);
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

/** Whether a layout fills the screen: the one video element covers it from edge to edge. */
function fills(layout: ReturnType<typeof flatPanLayout>, viewport: { width: number; height: number }, eyeWidth: number): boolean {
  return layout.x <= 0.01 && layout.x + eyeWidth >= viewport.width - 0.01 && layout.coverage > 0.9999;
}

describe('flat-pan view across the seam behind the camera (no half-empty screen)', () => {
  const screens = [screen, { width: 1280, height: 720 }, { width: 1024, height: 768 }, { width: 960, height: 540 }];

  for (const viewport of screens) {
    for (const step of [1, 7.3, 15]) {
      it(`fills the ${viewport.width}×${viewport.height} screen at every step of a full turn each way (${step}° per frame), and shows all 360°`, () => {
        for (const direction of [1, -1]) {
          const eyeWidth = 360 * (viewport.height / 60);
          const halfWidth = horizontalFov(viewport, 60) / 2;
          let shown = 0;
          const seen = new Set<number>();
          let crossings = 0;
          // Panning as the driver does: the look controller adds a step, the clamp (given the shown yaw) corrects it.
          for (let i = 0; i < Math.ceil(720 / step); i++) {
            const requested = shown + direction * step;
            const clamped = clampFlatView(view(requested), viewport, mono360, shown);
            if (Math.abs(clamped.yaw - shown) > 90) crossings++;
            shown = clamped.yaw;
            const layout = flatPanLayout(view(shown), viewport, mono360);
            expect(fills(layout, viewport, eyeWidth), `yaw ${shown} leaves part of the screen empty`).toBe(true);
            // Every whole degree of footage on screen at this step.
            for (let d = Math.ceil(shown - halfWidth); d <= Math.floor(shown + halfWidth); d++) seen.add(((d % 360) + 540) % 360);
          }
          // Two turns of panning cross the seam at least twice, and every degree of the set was on screen at some step: nothing skipped.
          expect(crossings).toBeGreaterThanOrEqual(2);
          expect(seen.size).toBe(360);
        }
      });
    }
  }

  it('the page turn keeps the footage continuous: the right edge before is the left edge after', () => {
    const halfWidth = horizontalFov(screen, 60) / 2;
    const atRight = clampFlatView(view(170), screen, mono360);
    expect(atRight.yaw).toBeCloseTo(180 - halfWidth);
    const next = clampFlatView(view(atRight.yaw + 2), screen, mono360, atRight.yaw);
    expect(next.yaw).toBeCloseTo(-180 + halfWidth);
    // The screen's right border before (yaw 180) is its left border after (yaw −180): the same column of the frame.
    expect(wrap(atRight.yaw + halfWidth)).toBeCloseTo(wrap(next.yaw - halfWidth));
    // And back the other way.
    expect(clampFlatView(view(next.yaw - 2), screen, mono360, next.yaw).yaw).toBeCloseTo(180 - halfWidth);
  });

  it('a view set behind the camera (a location starting there) goes to the nearer edge, which shows it', () => {
    const halfWidth = horizontalFov(screen, 60) / 2;
    for (const target of [150, 170, 180, -175, -150]) {
      const shown = clampFlatView(view(target), screen, mono360, 0).yaw;
      expect(Math.abs(wrap(target - shown))).toBeLessThanOrEqual(halfWidth + 1e-9);
      expect(fills(flatPanLayout(view(shown), screen, mono360), screen, 1080 * 6)).toBe(true);
    }
    // A big jump from the edge is a view set there, not a pan: no page turn hides the asked direction.
    const edge = 180 - halfWidth;
    expect(clampFlatView(view(170), screen, mono360, edge).yaw).toBeCloseTo(edge);
  });

  it('a screen wider than the whole frame pans freely (nothing could fill it)', () => {
    expect(clampFlatView(view(179, 0, 30), { width: 4000, height: 300 }, mono360).yaw).toBe(179);
  });
});

function wrap(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}
