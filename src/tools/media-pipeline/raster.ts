// Owns a tiny ray caster for the sample sets: boxes, spheres and a room, lit by point lights, rendered
// into one eye's equirect image (rgb24 plate, or rgba layer where nothing hit is transparent).
import { DEG, eyeOrigin, pitchToY, xToYaw, yToPitch, type EyeImage, type EyeName, type Vec3 } from './equirect';

export type Rgb = readonly [number, number, number];

/** What a ray hit, in the shape's own frame (metres from its centre) and in the world. */
export interface SurfaceHit {
  /** Distance along the (unit) ray. */
  t: number;
  /** Hit point, world. */
  point: Vec3;
  /** Hit point in the shape's local frame (box: centre at 0, axes along its sides). */
  local: Vec3;
  /** Outward unit normal, world. */
  normal: Vec3;
  /** Which face: box/room 0 −x, 1 +x, 2 −y, 3 +y, 4 −z, 5 +z; sphere −1. */
  face: number;
}

export interface Material {
  /** Albedo (lit) or emitted colour (emissive), 0–255 per channel. */
  color: (hit: SurfaceHit) => Rgb;
  /** Emissive surfaces ignore the lights (screens, lamps, lanterns); a function makes only parts of a surface glow. */
  emissive?: boolean | ((hit: SurfaceHit) => boolean);
}

export interface Shape {
  /** Nearest hit with t in (0, tMax), or null. */
  intersect(origin: Vec3, dir: Vec3, tMax: number): SurfaceHit | null;
  material: Material;
  /** A sphere around the shape, for skipping it where it cannot be seen; none = always tested (rooms). */
  bound?: { center: Vec3; radius: number };
}

export interface PointLight {
  position: Vec3;
  /** Colour × intensity (1 ≈ full albedo at `reach` metres). */
  color: Rgb;
  intensity: number;
  /** Distance at which the light has fallen to half. */
  reach: number;
  /** Spot lights: unit direction and cosine of the cone's half angle. */
  spot?: { dir: Vec3; cosHalfAngle: number };
}

export interface RasterScene {
  shapes: readonly Shape[];
  lights: readonly PointLight[];
  /** Light everywhere, 0–1 per channel. */
  ambient: Rgb;
  /** Haze colour and distance (metres) at which it covers ~63 %; gives depth to a dark stage. */
  haze?: { color: Rgb; distance: number };
}

export const solid = (color: Rgb): Material => ({ color: () => color });
export const glow = (color: Rgb): Material => ({ color: () => color, emissive: true });

/** A repeatable pseudo-random number in [0, 1) for integer cell coordinates (procedural textures). */
export function hash(a: number, b = 0, c = 0): number {
  const s = Math.sin(a * 127.1 + b * 311.7 + c * 74.7) * 43758.5453;
  return s - Math.floor(s);
}

export function scaleRgb(a: Rgb, k: number): Rgb {
  return [a[0] * k, a[1] * k, a[2] * k];
}

/** Whether `v` is within `width` of a multiple of `period` (grid lines, seams). */
export function nearLine(v: number, period: number, width: number): boolean {
  const m = ((v % period) + period) % period;
  return m < width / 2 || m > period - width / 2;
}

const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** A box centred at `center` with half sizes `half`, turned by `yawDeg` about y, then tilted by `pitchDeg` about its own x. */
export function box(center: Vec3, half: Vec3, material: Material, yawDeg = 0, pitchDeg = 0): Shape {
  const cy = Math.cos(yawDeg * DEG);
  const sy = Math.sin(yawDeg * DEG);
  const cp = Math.cos(pitchDeg * DEG);
  const sp = Math.sin(pitchDeg * DEG);
  // Local axes in world coordinates: yaw rotates x/z; pitch raises the local z axis (front) upwards.
  const ax: Vec3 = [cy, 0, -sy];
  const ay: Vec3 = [-sy * sp, cp, -cy * sp];
  const az: Vec3 = [sy * cp, sp, cy * cp];
  const axes = [ax, ay, az] as const;
  const radius = Math.hypot(...half);
  return {
    material,
    bound: { center, radius },
    intersect(origin, dir, tMax) {
      // Cheap reject against the bounding sphere first: most rays miss most shapes.
      const oc: Vec3 = [origin[0] - center[0], origin[1] - center[1], origin[2] - center[2]];
      const b = dot(oc, dir);
      const c = dot(oc, oc) - radius * radius;
      if (c > 0 && (b > 0 || b * b < c)) return null;
      let tNear = -Infinity;
      let tFar = Infinity;
      let nearFace = 0;
      const o = [dot(oc, ax), dot(oc, ay), dot(oc, az)];
      const d = [dot(dir, ax), dot(dir, ay), dot(dir, az)];
      for (let i = 0; i < 3; i++) {
        const oi = o[i] ?? 0;
        const di = d[i] ?? 0;
        const hi = half[i] ?? 0;
        if (Math.abs(di) < 1e-12) {
          if (oi < -hi || oi > hi) return null;
          continue;
        }
        let t1 = (-hi - oi) / di;
        let t2 = (hi - oi) / di;
        let face = 2 * i;
        if (t1 > t2) {
          [t1, t2] = [t2, t1];
          face = 2 * i + 1;
        }
        if (t1 > tNear) {
          tNear = t1;
          nearFace = face;
        }
        if (t2 < tFar) tFar = t2;
        if (tNear > tFar) return null;
      }
      if (tNear <= 1e-6 || tNear >= tMax) return null;
      const t = tNear;
      const axis = axes[nearFace >> 1] ?? ax;
      const sign = nearFace % 2 === 0 ? -1 : 1;
      return {
        t,
        point: [origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t],
        local: [(o[0] ?? 0) + (d[0] ?? 0) * t, (o[1] ?? 0) + (d[1] ?? 0) * t, (o[2] ?? 0) + (d[2] ?? 0) * t],
        normal: [axis[0] * sign, axis[1] * sign, axis[2] * sign],
        face: nearFace,
      };
    },
  };
}

/** An axis-aligned box from corner `min` to corner `max`. */
export function aabb(min: Vec3, max: Vec3, material: Material): Shape {
  return box(
    [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2],
    [(max[0] - min[0]) / 2, (max[1] - min[1]) / 2, (max[2] - min[2]) / 2],
    material,
  );
}

export function sphere(center: Vec3, radius: number, material: Material): Shape {
  return {
    material,
    bound: { center, radius },
    intersect(origin, dir, tMax) {
      const oc: Vec3 = [origin[0] - center[0], origin[1] - center[1], origin[2] - center[2]];
      const b = dot(oc, dir);
      const disc = b * b - (dot(oc, oc) - radius * radius);
      if (disc < 0) return null;
      const t = -b - Math.sqrt(disc);
      if (t <= 1e-6 || t >= tMax) return null;
      const point: Vec3 = [origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t];
      const local: Vec3 = [point[0] - center[0], point[1] - center[1], point[2] - center[2]];
      return { t, point, local, normal: [local[0] / radius, local[1] / radius, local[2] / radius], face: -1 };
    },
  };
}

/**
 * The inside of an axis-aligned room (walls, floor, ceiling) seen from within: the face a ray leaves
 * through. `local` is the world point; faces as for boxes (2 = floor, 3 = ceiling, 5 = the wall ahead).
 */
export function room(min: Vec3, max: Vec3, material: Material): Shape {
  return {
    material,
    intersect(origin, dir, tMax) {
      let t = Infinity;
      let face = -1;
      for (let i = 0; i < 3; i++) {
        const di = dir[i] ?? 0;
        if (Math.abs(di) < 1e-12) continue;
        const bound = di > 0 ? max[i] : min[i];
        const ti = ((bound ?? 0) - (origin[i] ?? 0)) / di;
        if (ti < t) {
          t = ti;
          face = 2 * i + (di > 0 ? 1 : 0);
        }
      }
      if (face < 0 || t <= 1e-6 || t >= tMax) return null;
      const point: Vec3 = [origin[0] + dir[0] * t, origin[1] + dir[1] * t, origin[2] + dir[2] * t];
      const inward = face % 2 === 0 ? 1 : -1;
      const axis = face >> 1;
      const normal: Vec3 = [axis === 0 ? inward : 0, axis === 1 ? inward : 0, axis === 2 ? inward : 0];
      return { t, point, local: point, normal, face };
    },
  };
}

function lightAt(scene: RasterScene, hit: SurfaceHit): [number, number, number] {
  const out: [number, number, number] = [scene.ambient[0], scene.ambient[1], scene.ambient[2]];
  for (const light of scene.lights) {
    const l: Vec3 = [light.position[0] - hit.point[0], light.position[1] - hit.point[1], light.position[2] - hit.point[2]];
    const dist = Math.hypot(l[0], l[1], l[2]);
    const lambert = dot(hit.normal, l) / dist;
    if (lambert <= 0) continue;
    let cone = 1;
    if (light.spot) {
      const cosAngle = -dot(light.spot.dir, l) / dist;
      const edge = light.spot.cosHalfAngle;
      cone = Math.min(1, Math.max(0, (cosAngle - edge) / Math.max(1e-3, (1 - edge) * 0.5)));
      if (cone <= 0) continue;
    }
    const falloff = 1 / (1 + (dist / light.reach) ** 2);
    const k = lambert * falloff * cone * light.intensity;
    out[0] += (k * light.color[0]) / 255;
    out[1] += (k * light.color[1]) / 255;
    out[2] += (k * light.color[2]) / 255;
  }
  return out;
}

/**
 * The shapes a column of rays at `yawDeg` can hit: those whose bounding sphere reaches that yaw as seen
 * from anywhere within IPD/2 of the centre (a cheap cull that makes plates several times faster).
 */
export function shapesInColumn(shapes: readonly Shape[], yawDeg: number): Shape[] {
  const slack = 0.04;
  return shapes.filter((s) => {
    if (!s.bound) return true;
    const [x, , z] = s.bound.center;
    const horizontal = Math.hypot(x, z);
    const reach = s.bound.radius + slack;
    if (horizontal <= reach) return true;
    const diff = Math.abs(((((Math.atan2(x, z) / DEG - yawDeg) % 360) + 540) % 360) - 180);
    return diff <= Math.asin(reach / horizontal) / DEG + 0.5;
  });
}

/** Colour seen along one ray, or null if it hits nothing. */
export function trace(scene: RasterScene, origin: Vec3, dir: Vec3, candidates: readonly Shape[] = scene.shapes): Rgb | null {
  let nearest: SurfaceHit | null = null;
  let shape: Shape | null = null;
  let tMax = Infinity;
  for (const s of candidates) {
    const hit = s.intersect(origin, dir, tMax);
    if (hit) {
      nearest = hit;
      shape = s;
      tMax = hit.t;
    }
  }
  if (!nearest || !shape) return null;
  const base = shape.material.color(nearest);
  let rgb: [number, number, number] = [base[0], base[1], base[2]];
  const emissive = shape.material.emissive;
  if (!(typeof emissive === 'function' ? emissive(nearest) : emissive)) {
    const light = lightAt(scene, nearest);
    rgb = [rgb[0] * light[0], rgb[1] * light[1], rgb[2] * light[2]];
  }
  if (scene.haze) {
    const k = 1 - Math.exp(-nearest.t / scene.haze.distance);
    rgb = [rgb[0] + (scene.haze.color[0] - rgb[0]) * k, rgb[1] + (scene.haze.color[1] - rgb[1]) * k, rgb[2] + (scene.haze.color[2] - rgb[2]) * k];
  }
  return rgb;
}

export interface PixelWindow {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderOptions {
  scene: RasterScene;
  eye: EyeName;
  image: EyeImage;
  /** Part of the image to render (default all of it). */
  window?: PixelWindow;
  /** Samples per pixel side (2 → 4 rays per pixel), for clean edges. */
  samples?: number;
  /** rgb24 (nothing hit = black) or rgba (nothing hit = transparent, edges partly so). */
  format: 'rgb24' | 'rgba';
}

/** Renders one eye's equirect image (or a window of it) into a packed rgb24/rgba buffer. */
export function renderEquirect(options: RenderOptions): Buffer {
  const { scene, eye, image, format } = options;
  const win = options.window ?? { x: 0, y: 0, width: image.width, height: image.height };
  const n = options.samples ?? 2;
  const pixels = win.width * win.height;
  // Sums in floats (r, g, b, hits per pixel), averaged at the end.
  const acc = new Float32Array(pixels * 4);
  const pitchSin: number[] = [];
  const pitchCos: number[] = [];
  for (let row = 0; row < win.height * n; row++) {
    const pitch = yToPitch(win.y + (row + 0.5) / n, image) * DEG;
    pitchSin.push(Math.sin(pitch));
    pitchCos.push(Math.cos(pitch));
  }
  for (let px = 0; px < win.width; px++) {
    for (let sx = 0; sx < n; sx++) {
      const yawDeg = xToYaw(win.x + px + (sx + 0.5) / n, image);
      const origin = eyeOrigin(eye, yawDeg);
      const sinYaw = Math.sin(yawDeg * DEG);
      const cosYaw = Math.cos(yawDeg * DEG);
      const candidates = shapesInColumn(scene.shapes, yawDeg);
      for (let py = 0; py < win.height; py++) {
        const i = (py * win.width + px) * 4;
        for (let sy = 0; sy < n; sy++) {
          const row = py * n + sy;
          const cp = pitchCos[row] ?? 1;
          const rgb = trace(scene, origin, [sinYaw * cp, pitchSin[row] ?? 0, cosYaw * cp], candidates);
          if (!rgb) continue;
          acc[i] = (acc[i] ?? 0) + rgb[0];
          acc[i + 1] = (acc[i + 1] ?? 0) + rgb[1];
          acc[i + 2] = (acc[i + 2] ?? 0) + rgb[2];
          acc[i + 3] = (acc[i + 3] ?? 0) + 1;
        }
      }
    }
  }

  const samples = n * n;
  const channels = format === 'rgba' ? 4 : 3;
  const out = Buffer.alloc(pixels * channels);
  for (let p = 0; p < pixels; p++) {
    const hits = acc[p * 4 + 3] ?? 0;
    const o = p * channels;
    if (format === 'rgb24') {
      // Rays that hit nothing count as black.
      for (let c = 0; c < 3; c++) out[o + c] = clampByte((acc[p * 4 + c] ?? 0) / samples);
    } else if (hits > 0) {
      // Straight (not premultiplied) alpha, as ffmpeg's overlay expects.
      for (let c = 0; c < 3; c++) out[o + c] = clampByte((acc[p * 4 + c] ?? 0) / hits);
      out[o + 3] = clampByte((255 * hits) / samples);
    }
  }
  return out;
}

export function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** Pixel rectangle that covers every world point in `points` for `eye` (plus a margin), clamped to the image. */
export function windowAround(points: readonly Vec3[], eye: EyeName, image: EyeImage, marginPx: number, project: (p: Vec3, e: EyeName) => { yawDeg: number; pitchDeg: number }): PixelWindow {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    const { yawDeg, pitchDeg } = project(p, eye);
    const x = (yawDeg / image.spanDeg + 0.5) * image.width;
    const y = pitchToY(pitchDeg, image);
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const x = Math.max(0, Math.floor(x0 - marginPx));
  const y = Math.max(0, Math.floor(y0 - marginPx));
  const width = Math.min(image.width, Math.ceil(x1 + marginPx)) - x;
  const height = Math.min(image.height, Math.ceil(y1 + marginPx)) - y;
  // Even sizes and offsets keep yuv420p overlays aligned.
  return { x: x - (x % 2), y: y - (y % 2), width: width + (width % 2) + (x % 2), height: height + (height % 2) + (y % 2) };
}
