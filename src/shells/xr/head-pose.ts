// Where the head is this frame, read straight from the XRFrame's viewer pose (the pose the frame is rendered
// with), not from the camera, whose matrices are one frame old until three.js renders. Head-locked captions, the
// gaze ray and the lazily following panel all read it, so they agree with each other and with the eyes.
import { Matrix4, Quaternion, Vector3, type Camera } from 'three';

const DEG = 180 / Math.PI;

export class HeadPose {
  readonly matrix = new Matrix4();
  readonly position = new Vector3();
  readonly quaternion = new Quaternion();
  readonly forward = new Vector3(0, 0, -1);
  /** Views in the last viewer pose: 2 in a headset, 0 outside a session. */
  views = 0;
  private readonly scale = new Vector3();
  private lastYaw = 0;

  /** From the frame's viewer pose in `space`, or (outside a session) from the camera. */
  update(frame: XRFrame | undefined, space: XRReferenceSpace | null, camera: Camera): void {
    const pose = frame && space ? frame.getViewerPose(space) : undefined;
    if (pose) {
      this.matrix.fromArray(pose.transform.matrix);
      this.views = pose.views.length;
    } else {
      camera.updateMatrixWorld();
      this.matrix.copy(camera.matrixWorld);
      this.views = 0;
    }
    this.matrix.decompose(this.position, this.quaternion, this.scale);
    this.forward.set(0, 0, -1).applyQuaternion(this.quaternion);
  }

  /**
   * The heading the head faces, degrees like a hotspot's yaw (0 down −Z, positive to the right). Looking nearly
   * straight up or down the heading is undefined, so the last one is kept.
   */
  get yawDeg(): number {
    const { x, z } = this.forward;
    if (Math.hypot(x, z) > 0.2) this.lastYaw = Math.atan2(x, -z) * DEG;
    return this.lastYaw;
  }
}
