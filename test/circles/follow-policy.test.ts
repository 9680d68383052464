// The shared clock's estimate and the follow decision, as pure functions: the numbers they must produce.
import { describe, expect, it } from 'vitest';
import { ClockSync } from '../../src/circles/clock-sync';
import { DEFAULT_CIRCLE_CONFIG } from '../../src/circles/circle-config';
import { decideFollow, driftOf } from '../../src/circles/follow-policy';
import { SpeedEstimate } from '../../src/circles/speed-estimate';

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
    expect(decideFollow({ ...base, actual: 10.06 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(0.88);
    // Beyond 0.1 s (a stall at a segment's edge): the full change at once.
    expect(decideFollow({ ...base, actual: 10.2 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(0.5);
    expect(decideFollow({ ...base, actual: 9.85 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.5);
    expect(decideFollow({ ...base, actual: 9.9 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.2);
    expect(decideFollow({ ...base, actual: 9.4 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.5);
  });

  it('asks a player that plays slow for its rate for more, so it keeps the pace instead of lagging for ever', () => {
    // Plays 0.8 s a second at rate 1: in the dead band it is asked for 1 / 0.8, behind by 0.1 s for more still.
    expect(decideFollow({ ...base, speed: 0.8 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.25);
    expect(decideFollow({ ...base, actual: 9.9, speed: 0.8 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.5);
    // A speed past what is believable is held to the trim's bound.
    expect(decideFollow({ ...base, speed: 0.1 }, DEFAULT_CIRCLE_CONFIG).rate).toBe(1.35);
  });

  it('seeks on large drift, but never on top of a seek still landing', () => {
    expect(decideFollow({ ...base, actual: 14 }, DEFAULT_CIRCLE_CONFIG)).toMatchObject({ seek: 10, drift: 4 });
    expect(decideFollow({ ...base, actual: 14, seeking: true }, DEFAULT_CIRCLE_CONFIG).seek).toBeUndefined();
    // Aimed ahead by how long seeks have been taking, so it lands where the circle will be.
    expect(decideFollow({ ...base, actual: 14, seekLead: 0.3 }, DEFAULT_CIRCLE_CONFIG).seek).toBeCloseTo(10.3);
    // Never more than maxSeekLeadS ahead: one slow seek must not throw the next one far past the circle.
    expect(decideFollow({ ...base, actual: 14, seekLead: 1.8 }, DEFAULT_CIRCLE_CONFIG).seek).toBeCloseTo(10.5);
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

  it('makes the loop itself near the footage’s end, aimed ahead by how long seeks take, never backwards', () => {
    // 0.05 s before the end of a 10 s loop, seeks taking 0.3 s: to where the circle will be when it lands.
    expect(decideFollow({ ...base, target: 9.96, actual: 9.95, duration: 10, seekLead: 0.3 }, DEFAULT_CIRCLE_CONFIG).seek).toBeCloseTo(0.26, 5);
    // Seeks taking longer than maxSeekLeadS are aimed at most that far ahead.
    expect(decideFollow({ ...base, target: 19.96, actual: 9.95, duration: 10, seekLead: 2 }, DEFAULT_CIRCLE_CONFIG).seek).toBeCloseTo(0.46, 5);
    // Not yet round the loop (no seek measured, the circle a little behind): no seek back, the rate deals with it.
    expect(decideFollow({ ...base, target: 9.93, actual: 9.95, duration: 10 }, DEFAULT_CIRCLE_CONFIG).seek).toBeUndefined();
    // Far from the end, or a seek still landing: nothing of the kind.
    expect(decideFollow({ ...base, target: 5.3, actual: 5, duration: 10, seekLead: 0.3 }, DEFAULT_CIRCLE_CONFIG).seek).toBeUndefined();
    expect(decideFollow({ ...base, target: 9.96, actual: 9.95, duration: 10, seekLead: 0.3, seeking: true }, DEFAULT_CIRCLE_CONFIG).seek).toBeUndefined();
  });
});

describe('speed estimate', () => {
  it('learns how fast a player really plays for its rate, and ignores loops, seeks and long gaps', () => {
    const speed = new SpeedEstimate(3, 0.35);
    let media = 0; // 20 s of readings: the average (3 s) has settled
    for (let wall = -10_000; wall <= 10_000; wall += 100) {
      speed.sample(media, wall, 1.1);
      media += 0.1 * 1.1 * 0.85; // 85 % of what the rate asks
    }
    expect(speed.speed).toBeCloseTo(0.85, 2);
    // A jump back (the loop), a leap ahead (a seek) and a 5 s gap change nothing.
    speed.sample(0.5, 10_200, 1.1);
    speed.sample(9, 10_300, 1.1);
    speed.sample(9.1, 15_300, 1.1);
    expect(speed.speed).toBeCloseTo(0.85, 2);
    // A player that stands still (a stall not yet said, the picture held at a loop's edge) is no reading at all.
    for (let wall = 15_400; wall < 20_000; wall += 100) speed.sample(9.1, wall, 1);
    expect(speed.speed).toBeCloseTo(0.85, 2);
    // A player that moves at 60 % of its rate is read as slow, but never slower than the bound.
    media = 9.1;
    for (let wall = 20_000; wall < 45_000; wall += 100) {
      speed.sample(media, wall, 1);
      media += 0.1 * 0.6;
    }
    expect(speed.speed).toBeCloseTo(1 / 1.35, 3);
  });
});
