// Owns the geometry of one eye's equirect image: yaw/pitch ↔ pixels, view rays, and where each eye sees a point.
//
// World axes (metres, camera at the origin): x to the right of yaw 0, y up, z straight ahead (yaw 0).
// Image convention the viewer relies on: x = width/2 is yaw 0, yaw grows to the right; a 360° eye spans
// yaw −180…180, a 180° eye yaw −90…90; y = 0 is pitch +90, the bottom row pitch −90.

export type Vec3 = readonly [number, number, number];
export type Eye = 'left' | 'right';
/** `mono` sees from the centre; the two stereo eyes sit half the interpupillary distance to either side. */
export type EyeName = Eye | 'mono';

export const DEG = Math.PI / 180;
/** Interpupillary distance the stereo scenes are rendered with, metres. */
export const IPD = 0.064;

export interface EyeImage {
  width: number;
  height: number;
  /** Yaw the image spans: 360 or 180. */
  spanDeg: number;
}

export function yawToX(yawDeg: number, eye: EyeImage): number {
  return eye.width * (0.5 + yawDeg / eye.spanDeg);
}

export function pitchToY(pitchDeg: number, eye: EyeImage): number {
  return eye.height * (0.5 - pitchDeg / 180);
}

export function xToYaw(x: number, eye: EyeImage): number {
  return (x / eye.width - 0.5) * eye.spanDeg;
}

export function yToPitch(y: number, eye: EyeImage): number {
  return 90 - (y / eye.height) * 180;
}

/** Unit view direction for yaw/pitch in degrees. */
export function direction(yawDeg: number, pitchDeg: number): Vec3 {
  const yaw = yawDeg * DEG;
  const pitch = pitchDeg * DEG;
  return [Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), Math.cos(yaw) * Math.cos(pitch)];
}

/** −1 for the left eye, +1 for the right, 0 for mono: which way the eye sits from the centre. */
export function eyeSide(eye: EyeName): number {
  return eye === 'left' ? -1 : eye === 'right' ? 1 : 0;
}

/**
 * Where the ray for `yawDeg` starts, omni-directional-stereo style: each eye sits IPD/2 to its side of
 * the centre, perpendicular to the direction it looks, so every yaw has correct (horizontal) disparity.
 */
export function eyeOrigin(eye: EyeName, yawDeg: number): Vec3 {
  const offset = (eyeSide(eye) * IPD) / 2;
  const yaw = yawDeg * DEG;
  return [offset * Math.cos(yaw), 0, -offset * Math.sin(yaw)];
}

/**
 * The yaw/pitch at which `eye` sees the world point `p`: the left eye sees a near point further right than
 * the centre does, the right eye further left (by asin(IPD / 2 / distance)); points far away do not shift.
 */
export function apparentDirection(p: Vec3, eye: EyeName): { yawDeg: number; pitchDeg: number } {
  const [x, y, z] = p;
  const horizontal = Math.hypot(x, z);
  const yaw = Math.atan2(x, z);
  const half = IPD / 2;
  const shift = horizontal > half ? Math.asin(half / horizontal) : 0;
  // The eye's ray reaches the point after sqrt(r² − (IPD/2)²) metres of horizontal travel.
  const travel = Math.sqrt(Math.max(horizontal * horizontal - half * half, 1e-9));
  return { yawDeg: wrapYaw((yaw - eyeSide(eye) * shift) / DEG), pitchDeg: Math.atan2(y, travel) / DEG };
}

export function wrapYaw(yawDeg: number): number {
  const wrapped = ((((yawDeg + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && yawDeg > 0 ? 180 : wrapped;
}

/** The world point at yaw/pitch and horizontal distance (metres) from the camera. */
export function pointAt(yawDeg: number, pitchDeg: number, distance: number): Vec3 {
  return [distance * Math.sin(yawDeg * DEG), distance * Math.tan(pitchDeg * DEG), distance * Math.cos(yawDeg * DEG)];
}
