// The headset pose as a view direction: the quaternion → yaw/pitch conversion agrees with three.js rotating −Z,
// keeps the heading when looking straight up or down, and the eye's field of view comes from its projection.
import { Euler, Matrix4, PerspectiveCamera, Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { headingOf, headsetAngles, verticalFovOf, type HeadsetAngles } from '../../src/view';

const DEG = Math.PI / 180;

/** The head turned by yaw (right positive) then pitched (up positive), as a headset reports it. */
function headAt(yawDeg: number, pitchDeg: number, rollDeg = 0): Quaternion {
  return new Quaternion().setFromEuler(new Euler(pitchDeg * DEG, -yawDeg * DEG, rollDeg * DEG, 'YXZ'));
}

describe('headset direction', () => {
  it('reads yaw and pitch back from the head orientation, roll ignored', () => {
    const out: HeadsetAngles = { yaw: 0, pitch: 0 };
    for (const [yaw, pitch, roll] of [
      [0, 0, 0],
      [90, 0, 0],
      [-90, 10, 0],
      [135, -30, 20],
      [-170, 45, -40],
      [180, 0, 0],
    ] as const) {
      const q = headAt(yaw, pitch, roll);
      headsetAngles(q.x, q.y, q.z, q.w, 0, out);
      expect(Math.abs(((out.yaw - yaw + 540) % 360) - 180)).toBeLessThan(1e-6);
      expect(out.pitch).toBeCloseTo(pitch, 6);
    }
  });

  it('agrees with three.js rotating the forward vector, for any orientation', () => {
    const out: HeadsetAngles = { yaw: 0, pitch: 0 };
    const reference: HeadsetAngles = { yaw: 0, pitch: 0 };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 200; i++) {
      const q = new Quaternion(random(), random(), random(), random()).normalize();
      const forward = new Vector3(0, 0, -1).applyQuaternion(q);
      headingOf(forward.x, forward.y, forward.z, 0, reference);
      headsetAngles(q.x, q.y, q.z, q.w, 0, out);
      expect(out.yaw).toBeCloseTo(reference.yaw, 6);
      expect(out.pitch).toBeCloseTo(reference.pitch, 6);
      expect(out.pitch).toBeCloseTo(Math.asin(forward.y) / DEG, 6);
    }
  });

  it('normalises a quaternion that is not unit length', () => {
    const q = headAt(60, 20);
    const out = headsetAngles(q.x * 3, q.y * 3, q.z * 3, q.w * 3, 0, { yaw: 0, pitch: 0 });
    expect(out.yaw).toBeCloseTo(60, 6);
    expect(out.pitch).toBeCloseTo(20, 6);
  });

  it('keeps the last heading when looking straight up or down', () => {
    const out: HeadsetAngles = { yaw: 0, pitch: 0 };
    const up = headAt(30, 89);
    headsetAngles(up.x, up.y, up.z, up.w, 42, out);
    expect(out.yaw).toBe(42);
    expect(out.pitch).toBeCloseTo(89, 6);
    const down = headAt(-120, -75); // cos 75° ≈ 0.26: still a heading
    headsetAngles(down.x, down.y, down.z, down.w, 42, out);
    expect(out.yaw).toBeCloseTo(-120, 6);
  });

  it("reads an eye's vertical field of view from its projection matrix, and refuses a broken one", () => {
    const camera = new PerspectiveCamera(90, 1.1, 0.1, 100);
    expect(verticalFovOf(camera.projectionMatrix.elements)).toBeCloseTo(90, 6);
    expect(verticalFovOf(new Matrix4().makeScale(0, 0, 0).elements)).toBeNaN();
    expect(verticalFovOf([])).toBeNaN();
  });
});
