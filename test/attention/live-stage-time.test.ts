import { describe, expect, it } from 'vitest';
import { LiveStageClock } from '../../src/attention/live-stage-time';

const START = Date.UTC(2026, 11, 7, 16, 0, 0);

describe('LiveStageClock', () => {
  it('is null until a live position anchors it, then the seconds since the start the picture shows', () => {
    const clock = new LiveStageClock(START);
    expect(clock.read(START + 100_000, null, 4)).toBeNull();
    // Joined 100 s in, 6 s behind the edge; the player's own timeline says 4 s.
    expect(clock.read(START + 100_000, { latencySeconds: 6, currentSeconds: 4 }, 4)).toBe(94);
  });

  it('moves with the media time, not with the live edge’s sawtooth', () => {
    const clock = new LiveStageClock(START);
    expect(clock.read(START + 60_000, { latencySeconds: 5, currentSeconds: 10 }, 10)).toBe(55);
    // 1.5 s later a new segment is out (latency jumps by 2 s): the time still moves by the 1.5 s played.
    expect(clock.read(START + 61_500, { latencySeconds: 5.5, currentSeconds: 11.5 }, 11.5)).toBe(56.5);
    // A seek back 10 s shows as such.
    expect(clock.read(START + 62_000, { latencySeconds: 16, currentSeconds: 2 }, 2)).toBe(47);
  });

  it('never says before the start, and stays null without a start time', () => {
    expect(new LiveStageClock(START).read(START + 1_000, { latencySeconds: 9, currentSeconds: 0 }, 0)).toBe(0);
    expect(new LiveStageClock(Number.NaN).read(START, { latencySeconds: 1, currentSeconds: 1 }, 1)).toBeNull();
  });
});
