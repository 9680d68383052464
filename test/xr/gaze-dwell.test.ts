// Selecting by looking: the dwell fills while the head ray rests on one hotspot, survives a brief slip, starts
// over on another target, and selects once per look.
import { describe, expect, it } from 'vitest';
import { GazeDwell } from '../../src/xr/gaze-dwell';

/** Feeds one target per 10 ms frame from `from` to `to` (exclusive) and returns every selection made. */
function feed(dwell: GazeDwell<string>, target: string | null, from: number, to: number): string[] {
  const selected: string[] = [];
  for (let t = from; t < to; t += 10) {
    const state = dwell.update(target, t);
    if (state.selected) selected.push(state.selected);
  }
  return selected;
}

describe('gaze dwell', () => {
  it('selects a target after 1.2 s of looking at it, reporting progress on the way', () => {
    const dwell = new GazeDwell<string>();
    expect(feed(dwell, 'stage-a', 0, 600)).toEqual([]);
    expect(dwell.update('stage-a', 600).progress).toBeCloseTo(0.5, 1);
    expect(feed(dwell, 'stage-a', 610, 1190)).toEqual([]);
    const done = dwell.update('stage-a', 1200);
    expect(done.selected).toBe('stage-a');
    expect(done.progress).toBe(1);
  });

  it('selects only once while the gaze stays, and again after looking away and back', () => {
    const dwell = new GazeDwell<string>();
    expect(feed(dwell, 'a', 0, 3000)).toEqual(['a']);
    expect(dwell.update('a', 3000).progress).toBe(0);
    feed(dwell, null, 3010, 3400);
    expect(feed(dwell, 'a', 3400, 4700)).toEqual(['a']);
  });

  it('keeps the dwell through a slip shorter than the grace period, without counting the slip', () => {
    const dwell = new GazeDwell<string>({ dwellMs: 1000, graceMs: 150 });
    feed(dwell, 'a', 0, 500);
    const slipping = dwell.update(null, 500);
    expect(slipping.target).toBe('a');
    feed(dwell, null, 510, 600);
    // 500 ms counted before the slip; the 100 ms slip does not count.
    expect(feed(dwell, 'a', 600, 1090)).toEqual([]);
    expect(feed(dwell, 'a', 1090, 1120)).toEqual(['a']);
  });

  it('starts over after a longer slip, or on another target', () => {
    const dwell = new GazeDwell<string>({ dwellMs: 1000, graceMs: 150 });
    feed(dwell, 'a', 0, 900);
    feed(dwell, null, 900, 1100);
    expect(dwell.update(null, 1100)).toEqual({ target: null, progress: 0, selected: null });
    feed(dwell, 'a', 1110, 1500);
    const other = dwell.update('b', 1500);
    expect(other.target).toBe('b');
    expect(other.progress).toBe(0);
    expect(feed(dwell, 'b', 1510, 2490)).toEqual([]);
    expect(feed(dwell, 'b', 2490, 2520)).toEqual(['b']);
  });

  it('forgets everything on reset (a location change)', () => {
    const dwell = new GazeDwell<string>();
    feed(dwell, 'a', 0, 1000);
    dwell.reset();
    expect(dwell.update('a', 5000).progress).toBe(0);
    expect(feed(dwell, 'a', 5010, 6200)).toEqual([]);
    expect(feed(dwell, 'a', 6200, 6220)).toEqual(['a']);
  });
});
