// Where a spot on the sphere is from the head: inside the view, or off to one side, and which way round the edge
// an arrow should point to lead the head there. Plain math on three.js vectors, no rendering.
import { Quaternion, Vector3 } from 'three';
import { directionOf } from '../../../panorama/projection';

/** Half the view a marker counts as seen within (degrees): well inside any headset's field of view. */
export const IN_VIEW = { yawDeg: 32, pitchDeg: 26 } as const;
const DEG = 180 / Math.PI;
const local = new Vector3();
const inverse = new Quaternion();

export interface WhereInView {
  inView: boolean;
  /** The way round the view's edge to the spot (radians, 0 to the right, π/2 up), in the head's own frame. */
  edgeAngle: number;
  /** Degrees between where the head looks and the spot. */
  offDeg: number;
}

/** The spot at yaw/pitch (degrees, as in the tour file) seen from a head turned by `head`. */
export function whereInView(head: Quaternion, yaw: number, pitch: number, out: WhereInView = { inView: false, edgeAngle: 0, offDeg: 0 }): WhereInView {
  const [x, y, z] = directionOf(yaw, pitch);
  local.set(x, y, z).applyQuaternion(inverse.copy(head).invert());
  const ahead = -local.z;
  out.offDeg = Math.acos(Math.max(-1, Math.min(1, ahead))) * DEG;
  out.inView = ahead > 0 && Math.abs(Math.atan2(local.x, ahead) * DEG) <= IN_VIEW.yawDeg && Math.abs(Math.atan2(local.y, ahead) * DEG) <= IN_VIEW.pitchDeg;
  // Straight behind, any way round will do: to the right.
  out.edgeAngle = Math.abs(local.x) < 1e-6 && Math.abs(local.y) < 1e-6 ? 0 : Math.atan2(local.y, local.x);
  return out;
}

/** Yaw/pitch (degrees) of a point seen from the sphere's centre, rounded to the protocol's 0.1° and kept in (−180, 180]. */
export function directionTo(point: { x: number; y: number; z: number }): { yaw: number; pitch: number } {
  const length = Math.hypot(point.x, point.y, point.z) || 1;
  let yaw = Math.round(Math.atan2(point.x, -point.z) * DEG * 10) / 10;
  if (yaw <= -180) yaw += 360;
  const pitch = Math.round(Math.asin(Math.max(-1, Math.min(1, point.y / length))) * DEG * 10) / 10;
  return { yaw, pitch };
}
