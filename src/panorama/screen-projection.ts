// Where a point on the sphere (yaw/pitch) appears on screen for the current view: pure math, so hotspot
// overlays can follow the view without loading three.js into the page's first chunk.
import { directionOf } from './projection';

const DEG = Math.PI / 180;

export interface ViewAngles {
  yaw: number;
  pitch: number;
  /** Vertical field of view, degrees. */
  fov: number;
}

/** Normalized device coordinates (−1…1, y up) of the point, or null when it is behind the viewer. */
export function projectToScreen(yaw: number, pitch: number, view: ViewAngles, aspect: number): { x: number; y: number } | null {
  const [dx, dy, dz] = directionOf(yaw, pitch);
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
  return { x: x1 / -z2 / (tanHalf * aspect), y: y2 / -z2 / tanHalf };
}
