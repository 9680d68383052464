// Where the targets drawn on a canvas panel are as seen from the head (yaw/pitch, degrees, as in the tour file):
// what tests aim the emulated controller at, and what a stats overlay could show.
import { Vector3, type Object3D } from 'three';
import { targetCentreUv, type PickableDrawing } from '../../xr/meetup-board';
import type { HeadPose } from './head-pose';
import type { AimPoint } from './xr-hook';

const DEG = 180 / Math.PI;
const point = new Vector3();

/** `mesh` is a plane of `size` metres showing `drawing`. */
export function aimPointsOf(mesh: Object3D, size: readonly [number, number], drawing: PickableDrawing, head: HeadPose): AimPoint[] {
  return drawing.targets.map((target) => {
    const { u, v } = targetCentreUv(drawing, target);
    mesh.localToWorld(point.set((u - 0.5) * size[0], (v - 0.5) * size[1], 0)).sub(head.position);
    return { id: target.id, yaw: Math.atan2(point.x, -point.z) * DEG, pitch: Math.asin(point.y / point.length()) * DEG };
  });
}
