// Owns the eye markers burnt into the sample footage, which automated tests look for: which eye is shown where.
//
// At yaw 0°, pitch −30° of every eye image: a solid square ~8° wide as seen in the headset — pure green
// #00FF00 with a black "L" in the left eye, pure magenta #FF00FF with a black "R" in the right eye, pure
// yellow #FFFF00 (no letter) in a mono location. It is drawn on the plane tangent to the sphere there, so it
// looks square when viewed, however stretched its equirect footprint. The letter sits in the upper part of
// the square: the centre and the lower half are solid colour, safe to sample.
import { DEG, direction, pitchToY, xToYaw, yToPitch, yawToX, type EyeImage, type EyeName, type Vec3 } from './equirect';
import type { Rgb } from './raster';

export const EYE_MARKER = { yawDeg: 0, pitchDeg: -30, sizeDeg: 8 } as const;

export const EYE_MARKER_COLORS: Readonly<Record<EyeName, Rgb>> = {
  left: [0x00, 0xff, 0x00],
  right: [0xff, 0x00, 0xff],
  mono: [0xff, 0xff, 0x00],
};

export interface MarkerSprite {
  /** Top-left corner of the sprite in the eye image, pixels (even, for yuv420p overlays). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Packed rgba, straight alpha; transparent outside the square. */
  rgba: Buffer;
}

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Tangent-plane basis at the marker: centre direction, right and up (unit vectors). */
function basis(): { c: Vec3; right: Vec3; up: Vec3 } {
  const yaw = EYE_MARKER.yawDeg * DEG;
  const pitch = EYE_MARKER.pitchDeg * DEG;
  return {
    c: direction(EYE_MARKER.yawDeg, EYE_MARKER.pitchDeg),
    right: [Math.cos(yaw), 0, -Math.sin(yaw)],
    up: [-Math.sin(yaw) * Math.sin(pitch), Math.cos(pitch), -Math.cos(yaw) * Math.sin(pitch)],
  };
}

/**
 * Inside test for the black letter, in square coordinates u (right) and v (up), both −1…1. The letter sits in
 * the upper part of the square (v 0.23…0.89), so the centre and the lower half stay solid colour for tests.
 */
function letterCovers(letter: 'L' | 'R' | null, squareU: number, squareV: number): boolean {
  if (letter === null) return false;
  // Glyph coordinates: the letter spans u −0.42…0.42, v −0.6…0.6.
  const u = squareU / 0.72;
  const v = (squareV - 0.56) / 0.55;
  const w = 0.17;
  const inRect = (u0: number, u1: number, v0: number, v1: number): boolean => u >= u0 && u <= u1 && v >= v0 && v <= v1;
  const stem = inRect(-0.42, -0.42 + w, -0.6, 0.6);
  if (letter === 'L') return stem || inRect(-0.42, 0.38, -0.6, -0.6 + w);
  // R: stem, a bowl (top bar, half ring, middle bar) and a diagonal leg.
  const bowlCentre = { u: 0.12, v: 0.3 };
  const r = Math.hypot(u - bowlCentre.u, v - bowlCentre.v);
  const bowl = inRect(-0.42, bowlCentre.u, 0.6 - w, 0.6) || inRect(-0.42, bowlCentre.u, 0, w) || (u >= bowlCentre.u && r <= 0.3 && r >= 0.3 - w);
  const [ax, ay, bx, by] = [-0.05, 0.02, 0.4, -0.6];
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  const leg = Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) <= w * 0.6;
  return stem || bowl || leg;
}

/** The marker for one eye image: its colour square with the eye's letter, as an rgba sprite and where it goes. */
export function renderEyeMarker(image: EyeImage, eye: EyeName, samples = 3): MarkerSprite {
  const { c, right, up } = basis();
  const half = Math.tan((EYE_MARKER.sizeDeg / 2) * DEG);
  const letter = eye === 'left' ? 'L' : eye === 'right' ? 'R' : null;
  const color = EYE_MARKER_COLORS[eye];

  // Bounding box: trace the square's outline onto the image.
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i <= 64; i++) {
    const s = -1 + (2 * i) / 64;
    for (const [u, v] of [[s, -1], [s, 1], [-1, s], [1, s]] as const) {
      const p: Vec3 = [c[0] + half * (u * right[0] + v * up[0]), c[1] + half * (u * right[1] + v * up[1]), c[2] + half * (u * right[2] + v * up[2])];
      const yaw = Math.atan2(p[0], p[2]) / DEG;
      const pitch = Math.atan2(p[1], Math.hypot(p[0], p[2])) / DEG;
      x0 = Math.min(x0, yawToX(yaw, image));
      x1 = Math.max(x1, yawToX(yaw, image));
      y0 = Math.min(y0, pitchToY(pitch, image));
      y1 = Math.max(y1, pitchToY(pitch, image));
    }
  }
  const x = 2 * Math.floor((x0 - 1) / 2);
  const y = 2 * Math.floor((y0 - 1) / 2);
  const width = 2 * Math.ceil((x1 + 1 - x) / 2);
  const height = 2 * Math.ceil((y1 + 1 - y) / 2);

  const rgba = Buffer.alloc(width * height * 4);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let inSquare = 0;
      let inLetter = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const d = direction(xToYaw(x + px + (sx + 0.5) / samples, image), yToPitch(y + py + (sy + 0.5) / samples, image));
          const along = dot(d, c);
          if (along <= 0) continue;
          const u = dot(d, right) / along / half;
          const v = dot(d, up) / along / half;
          if (Math.abs(u) > 1 || Math.abs(v) > 1) continue;
          inSquare++;
          if (letterCovers(letter, u, v)) inLetter++;
        }
      }
      if (inSquare === 0) continue;
      const o = (py * width + px) * 4;
      // Solid colour inside (the letter is black), antialiased only at the square's edge.
      const k = 1 - inLetter / inSquare;
      rgba[o] = Math.round(color[0] * k);
      rgba[o + 1] = Math.round(color[1] * k);
      rgba[o + 2] = Math.round(color[2] * k);
      rgba[o + 3] = Math.round((255 * inSquare) / (samples * samples));
    }
  }
  return { x, y, width, height, rgba };
}
