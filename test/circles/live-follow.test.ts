// The live follow target: the live edge minus the circle's latency, from the frame's playing date on the shared
// clock, and the follow policy driving a simulated live player onto it (a large drift by one seek, a small one by
// the playback rate), from behind and from ahead.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CIRCLE_CONFIG } from '../../src/circles/circle-config';
import { decideFollow } from '../../src/circles/follow-policy';
import { liveLatencyOf, liveTarget } from '../../src/circles/live-follow';

const SERVER_NOW = 1_800_000_000_000;

describe('live follow target', () => {
  it('is this player’s media time that is the circle’s latency behind live', () => {
    // 9 s behind live, the circle watches 6 s behind: 3 s further on in this player's own timeline.
    expect(liveTarget({ currentTime: 100, playingDateMs: SERVER_NOW - 9_000, serverNowMs: SERVER_NOW, latencyS: 6 })).toBeCloseTo(103, 6);
    // 4 s behind: 2 s back.
    expect(liveTarget({ currentTime: 100, playingDateMs: SERVER_NOW - 4_000, serverNowMs: SERVER_NOW, latencyS: 6 })).toBeCloseTo(98, 6);
    expect(liveLatencyOf({ playingDateMs: SERVER_NOW - 6_250, serverNowMs: SERVER_NOW })).toBeCloseTo(6.25, 6);
    // Before the first segment's date is known there is no target (the player keeps its own live start).
    expect(liveTarget({ currentTime: 100, playingDateMs: null, serverNowMs: SERVER_NOW, latencyS: 6 })).toBeNull();
    expect(liveTarget({ currentTime: 100, playingDateMs: Number.NaN, serverNowMs: SERVER_NOW, latencyS: 6 })).toBeNull();
  });

  /** A live player whose frame at media time t is dated `dateAtZero + t` (its own timeline), ticked every 100 ms. */
  function simulate(startLatencyS: number, seconds: number) {
    const dateAtZeroMs = SERVER_NOW - 50_000;
    let serverNow = SERVER_NOW;
    let time = (serverNow - startLatencyS * 1000 - dateAtZeroMs) / 1000;
    let rate = 1;
    let seeks = 0;
    let rateChanges = 0;
    const latencies: number[] = [];
    for (let tick = 0; tick < seconds * 10; tick++) {
      const playingDateMs = dateAtZeroMs + time * 1000;
      const target = liveTarget({ currentTime: time, playingDateMs, serverNowMs: serverNow, latencyS: 6 })!;
      const commands = decideFollow({ target, advancing: true, actual: time, paused: false, rate, duration: Infinity, seeking: false }, DEFAULT_CIRCLE_CONFIG);
      if (commands.seek !== undefined) {
        time = commands.seek;
        seeks++;
      }
      if (commands.rate !== undefined) {
        rate = commands.rate;
        rateChanges++;
      }
      serverNow += 100;
      time += 0.1 * rate;
      latencies.push(liveLatencyOf({ playingDateMs: dateAtZeroMs + time * 1000, serverNowMs: serverNow })!);
    }
    return { seeks, rateChanges, latency: latencies.at(-1)!, rate };
  }

  it('takes a player 4 s too far behind to the circle’s latency with one seek', () => {
    const run = simulate(10, 5);
    expect(run.seeks).toBe(1);
    expect(Math.abs(run.latency - 6)).toBeLessThan(0.03);
  });

  it('takes a player 3 s too close to live back with one seek', () => {
    const run = simulate(3, 5);
    expect(run.seeks).toBe(1);
    expect(Math.abs(run.latency - 6)).toBeLessThan(0.03);
  });

  it('absorbs a small drift (0.4 s) by the playback rate, without a seek, and ends at rate 1', () => {
    const run = simulate(6.4, 8);
    expect(run.seeks).toBe(0);
    expect(run.rateChanges).toBeGreaterThan(0);
    expect(Math.abs(run.latency - 6)).toBeLessThan(0.03);
    expect(run.rate).toBe(1);
  });
});
