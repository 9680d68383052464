// The headset's pose as a view direction: plain math on the viewer pose's orientation quaternion (XRRigidTransform
// .orientation, or a three.js Quaternion's fields), so it is testable without a headset and allocates nothing.
const DEG = 180 / Math.PI;

/** Below this horizontal length of the forward vector the head looks nearly straight up or down: no heading. */
const MIN_HEADING_LENGTH = 0.2;

export interface HeadsetAngles {
  /** Degrees, 0 down −Z, positive to the right (like a hotspot's yaw). */
  yaw: number;
  /** Degrees, positive up. */
  pitch: number;
}

/**
 * Yaw and pitch the viewer faces for a unit quaternion (x, y, z, w) in the view's space (−Z forward, +Y up).
 * Looking nearly straight up or down the heading is undefined, so `previousYaw` is kept. Written into `out`.
 */
export function headsetAngles(x: number, y: number, z: number, w: number, previousYaw: number, out: HeadsetAngles): HeadsetAngles {
  const length = Math.hypot(x, y, z, w) || 1;
  const qx = x / length;
  const qy = y / length;
  const qz = z / length;
  const qw = w / length;
  // The rotated (0, 0, −1): minus the rotation matrix's third column.
  const fx = -2 * (qx * qz + qw * qy);
  const fy = -2 * (qy * qz - qw * qx);
  const fz = -(1 - 2 * (qx * qx + qy * qy));
  return headingOf(fx, fy, fz, previousYaw, out);
}

/** Yaw and pitch of a forward vector (need not be unit length), keeping `previousYaw` near the poles. */
export function headingOf(fx: number, fy: number, fz: number, previousYaw: number, out: HeadsetAngles): HeadsetAngles {
  const horizontal = Math.hypot(fx, fz);
  const length = Math.hypot(horizontal, fy) || 1;
  out.yaw = horizontal / length > MIN_HEADING_LENGTH ? Math.atan2(fx, -fz) * DEG : previousYaw;
  out.pitch = Math.asin(Math.min(1, Math.max(-1, fy / length))) * DEG;
  return out;
}

/** Vertical field of view, degrees, of a column-major perspective projection matrix (an XRView's projectionMatrix). */
export function verticalFovOf(projectionMatrix: ArrayLike<number>): number {
  const focal = projectionMatrix[5];
  return focal === undefined || !(focal > 0) ? NaN : 2 * Math.atan(1 / focal) * DEG;
}
