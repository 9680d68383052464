// The shared clock's estimate and the follow decision, as pure functions: the numbers they must produce.
import { describe, expect, it } from 'vitest';
import { ClockSync } from '../../src/circles/clock-sync';
import { DEFAULT_CIRCLE_CONFIG } from '../../src/circles/circle-config';
import { decideFollow, driftOf } from '../../src/circles/follow-policy';

const base = { target: 10, advancing: true, actual: 10, paused: false, rate: 1, duration: Number.NaN, seeking: false };

describe('clock sync', () => {
  it('takes the offset from the sample with the shortest round trip', () => {
    let local = 1_000;
    const clock = new ClockSync(8, () => local);
    clock.add(1_000, 6_100, 1_400); // rtt 400: offset 4 900 ± 200
    clock.add(2_000, 7_020, 2_040); // rtt 40: offset 5 000 ± 20
    clock.add(3_000, 8_300, 3_300); // rtt 300
    expect(clock.best).toEqual({ offsetMs: 5_000, rttMs: 40 });
    local = 10_000;
    expect(clock.serverNow()).toBe(15_000);
  });
});

describe('follow policy', () => {
  it('leaves a player within the dead band alone and puts its rate back to 1', () => {
    expect(decideFollow({ ...base, actual: 10.01 }, DEFAULT_CIRCLE_CONFIG)).toEqual({ drift: expect.closeTo(0.01, 6) as unknown });
    expect(decideFollow({ ...base, rate: 1.05 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1);
  });

  it('absorbs small drift by rate (slower when ahead, faster when behind), within ±50 %', () => {
    expect(decideFollow({ ...base, actual: 10.2 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(0.6);
    expect(decideFollow({ ...base, actual: 9.9 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.2);
    expect(decideFollow({ ...base, actual: 9.4 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.5);
  });

  it('seeks on large drift, but never on top of a seek still landing', () => {
    expect(decideFollow({ ...base, actual: 14 }, DEFAULT_CIRCLE_CONFIG)).toMatchObject({ seek: 10, drift: 4 });
    expect(decideFollow({ ...base, actual: 14, seeking: true }, DEFAULT_CIRCLE_CONFIG).seek).toBeUndefined();
    // Aimed ahead by how long seeks have been taking, so it lands where the circle will be.
    expect(decideFollow({ ...base, actual: 14, seekLead: 0.3 }, DEFAULT_CIRCLE_CONFIG).seek).toBeCloseTo(10.3);
  });

  it('matches a paused circle exactly and starts a paused player where the circle is', () => {
    expect(decideFollow({ ...base, advancing: false, actual: 10.3 }, DEFAULT_CIRCLE_CONFIG)).toMatchObject({ pause: true, seek: 10 });
    expect(decideFollow({ ...base, paused: true, actual: 3 }, DEFAULT_CIRCLE_CONFIG)).toMatchObject({ play: true, seek: 10 });
  });

  it('compares looping footage around the loop', () => {
    expect(driftOf(0.1, 29.9, 30)).toBeCloseTo(0.2);
    expect(driftOf(29.9, 0.1, 30)).toBeCloseTo(-0.2);
    // The circle's time past the footage's end is a place in the loop.
    expect(decideFollow({ ...base, target: 65, actual: 20, duration: 30 }, DEFAULT_CIRCLE_CONFIG)).toMatchObject({ seek: 5 });
  });
});
