// Where a point on the sphere (yaw/pitch) appears on screen for the current view: pure math, so hotspot
// overlays can follow the view without loading three.js into the page's first chunk.
import type { ViewAngles } from '../view';

export type { ViewAngles };

const DEG = Math.PI / 180;

export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * Normalized device coordinates (−1…1, y up) of the point, or null when it is behind the viewer. Pass `out` to have
 * them written there (the hotspot overlays do, once per drawn frame, so nothing is allocated per frame).
 */
export function projectToScreen(yaw: number, pitch: number, view: ViewAngles, aspect: number, out: ScreenPoint = { x: 0, y: 0 }): ScreenPoint | null {
  // The view direction (projection.ts's directionOf, inlined to allocate nothing): yaw 0 looks down −Z, +90 to +X.
  const cosPitch = Math.cos(pitch * DEG);
  const dx = Math.sin(yaw * DEG) * cosPitch;
  const dy = Math.sin(pitch * DEG);
  const dz = -Math.cos(yaw * DEG) * cosPitch;
  // Into camera space: undo the view's yaw, then its pitch.
  const cy = Math.cos(view.yaw * DEG);
  const sy = Math.sin(view.yaw * DEG);
  const x1 = dx * cy + dz * sy;
  const z1 = -dx * sy + dz * cy;
  const cp = Math.cos(-view.pitch * DEG);
  const sp = Math.sin(-view.pitch * DEG);
  const y2 = dy * cp - z1 * sp;
  const z2 = dy * sp + z1 * cp;
  if (z2 >= -1e-3) return null;
  const tanHalf = Math.tan((view.fov * DEG) / 2);
  out.x = x1 / -z2 / (tanHalf * aspect);
  out.y = y2 / -z2 / tanHalf;
  return out;
}
