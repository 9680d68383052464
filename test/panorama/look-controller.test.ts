// Looking around: drag direction, limits, wrap-around and held-key acceleration.
import { describe, expect, it } from 'vitest';
import { LookController, wrapDegrees } from '../../src/panorama/look-controller';

describe('look controller', () => {
  it('starts at the initial view', () => {
    const look = new LookController({ yaw: 90, pitch: -10 });
    expect([look.yaw, look.pitch]).toEqual([90, -10]);
  });

  it('follows the finger: dragging right turns the view left, dragging down tilts it up', () => {
    const look = new LookController({ fov: 60 });
    look.dragBy(100, 0, 600); // 100 px at 0.1°/px
    expect(look.yaw).toBeCloseTo(-10);
    look.dragBy(0, 60, 600);
    expect(look.pitch).toBeCloseTo(6);
  });

  it('wraps yaw and stops pitch short of the poles', () => {
    const look = new LookController({ yaw: 170 });
    look.lookAt(190, 120);
    expect(look.yaw).toBe(-170);
    expect(look.pitch).toBe(85);
    expect(wrapDegrees(-180)).toBe(180);
    expect(wrapDegrees(540)).toBe(180);
  });

  it('pans while an arrow key is held, faster the longer it is held, and stops on release', () => {
    const look = new LookController();
    expect(look.keyDown('ArrowRight', 0)).toBe(true);
    look.keyDown('ArrowRight', 50); // key repeat must not restart the ramp
    look.update(100, 100);
    const early = look.yaw;
    const beforeLate = look.yaw;
    look.update(100, 1_000);
    const late = look.yaw - beforeLate;
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early * 2);
    look.keyUp('ArrowRight');
    expect(look.update(100, 1_100)).toBe(false);
    expect(look.keyDown('a', 0)).toBe(false);
  });

  it('caps the step of a long frame so the view never jumps', () => {
    const look = new LookController();
    look.keyDown('ArrowLeft', 0);
    look.update(5_000, 5_000);
    expect(look.yaw).toBeGreaterThan(-20);
  });
});
