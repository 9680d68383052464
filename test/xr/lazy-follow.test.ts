// The milestone panel follows the person lazily: still while they look around it, easing round once they have
// turned more than 35° away, and settling where they look.
import { describe, expect, it } from 'vitest';
import { LazyFollow, wrapDegrees } from '../../src/xr/lazy-follow';

function run(follow: LazyFollow, gaze: number, ms: number): number {
  for (let t = 0; t < ms; t += 11) follow.update(gaze, 11);
  return follow.yaw;
}

describe('lazy follow', () => {
  it('stays put while the gaze is within 35°', () => {
    const follow = new LazyFollow(0);
    expect(run(follow, 30, 3000)).toBe(0);
    expect(run(follow, -34, 3000)).toBe(0);
    expect(follow.isFollowing).toBe(false);
  });

  it('eases towards the gaze once it is more than 35° away, without jumping, and settles there', () => {
    const follow = new LazyFollow(0);
    const first = follow.update(60, 11);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(5);
    expect(Math.abs(60 - run(follow, 60, 3000))).toBeLessThanOrEqual(follow.config.settleDeg);
    expect(follow.isFollowing).toBe(false);
    // Settled: small looks around it no longer move it.
    const settled = follow.yaw;
    expect(run(follow, settled + 20, 2000)).toBe(settled);
  });

  it('goes the short way round across ±180°', () => {
    const follow = new LazyFollow(170);
    follow.update(-150, 100);
    // From 170° towards -150° is +40° through 180°, not -320°.
    expect(follow.yaw > 170 || follow.yaw < -170).toBe(true);
    expect(Math.abs(wrapDegrees(run(follow, -150, 4000) + 150))).toBeLessThan(3);
  });

  it('wraps angles into (-180, 180]', () => {
    expect(wrapDegrees(190)).toBe(-170);
    expect(wrapDegrees(-180)).toBe(180);
    expect(wrapDegrees(540)).toBe(180);
    expect(wrapDegrees(-30)).toBe(-30);
  });
});

describe('lazy follow, called over by news', () => {
  it('eases to the gaze when asked even within 35°, then stays put again', () => {
    const follow = new LazyFollow(0);
    expect(run(follow, 20, 1000)).toBe(0);
    follow.beginFollowing();
    const after = run(follow, 20, 3000);
    expect(Math.abs(after - 20)).toBeLessThanOrEqual(2);
    expect(follow.isFollowing).toBe(false);
    expect(run(follow, 0, 1000)).toBe(after);
  });
});
