// Where the head is this frame, read straight from the XRFrame's viewer pose (the pose the frame is rendered
// with), not from the camera, whose matrices are one frame old until three.js renders. Head-locked captions, the
// gaze ray and the lazily following panel all read it, so they agree with each other and with the eyes; in a
// session it is also the app's view direction (src/view), written by the XR scene each frame.
import { Matrix4, Quaternion, Vector3, type Camera } from 'three';
import { headingOf, verticalFovOf, type HeadsetAngles } from '../../view';

export class HeadPose {
  readonly matrix = new Matrix4();
  readonly position = new Vector3();
  readonly quaternion = new Quaternion();
  readonly forward = new Vector3(0, 0, -1);
  /** Views in the last viewer pose: 2 in a headset, 0 outside a session. */
  views = 0;
  /** Vertical field of view of the first eye (or the preview camera), degrees. */
  fovDeg = 75;
  private readonly scale = new Vector3();
  private readonly angles: HeadsetAngles = { yaw: 0, pitch: 0 };

  /** From the frame's viewer pose in `space`, or (outside a session) from the camera. */
  update(frame: XRFrame | undefined, space: XRReferenceSpace | null, camera: Camera): void {
    const pose = frame && space ? frame.getViewerPose(space) : undefined;
    if (pose) {
      this.matrix.fromArray(pose.transform.matrix);
      this.views = pose.views.length;
      const fov = pose.views[0] ? verticalFovOf(pose.views[0].projectionMatrix) : NaN;
      if (Number.isFinite(fov)) this.fovDeg = fov;
    } else {
      camera.updateMatrixWorld();
      this.matrix.copy(camera.matrixWorld);
      this.views = 0;
      if ('fov' in camera && typeof camera.fov === 'number') this.fovDeg = camera.fov;
    }
    this.matrix.decompose(this.position, this.quaternion, this.scale);
    this.forward.set(0, 0, -1).applyQuaternion(this.quaternion);
    const { x, y, z } = this.forward;
    headingOf(x, y, z, this.angles.yaw, this.angles);
  }

  /**
   * The heading the head faces, degrees like a hotspot's yaw (0 down −Z, positive to the right). Looking nearly
   * straight up or down the heading is undefined, so the last one is kept.
   */
  get yawDeg(): number {
    return this.angles.yaw;
  }

  /** Degrees above the horizon the head faces. */
  get pitchDeg(): number {
    return this.angles.pitch;
  }
}
