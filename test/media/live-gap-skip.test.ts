import { describe, expect, it } from 'vitest';
import { liveGapTarget } from '../../src/media/live-gap-skip';

describe('liveGapTarget: where a stalled live playhead goes', () => {
  it('jumps over footage that left the live window to just inside the next buffered range', () => {
    // Seen in a browser: the playhead at the end of what played before the outage, the next footage 4 s on.
    expect(liveGapTarget(21.99, [{ start: 12.07, end: 22.03 }, { start: 26.05, end: 34.11 }])).toBeCloseTo(26.15, 5);
  });

  it('jumps over the frame-long hole at a loop wrap', () => {
    expect(liveGapTarget(20.04, [{ start: 8.1, end: 20.09 }, { start: 20.13, end: 22.09 }])).toBeCloseTo(20.23, 5);
  });

  it('stays when there is footage to play at the playhead (the element only needs to decode it)', () => {
    expect(liveGapTarget(21.5, [{ start: 12.07, end: 22.03 }, { start: 26.05, end: 34.11 }])).toBeNull();
  });

  it('stays when nothing is buffered ahead', () => {
    expect(liveGapTarget(22.0, [{ start: 12.07, end: 22.03 }])).toBeNull();
    expect(liveGapTarget(5, [])).toBeNull();
  });

  it('never goes backwards, and picks the nearest range ahead whatever their order', () => {
    const target = liveGapTarget(30, [{ start: 40, end: 44 }, { start: 10, end: 20 }, { start: 32, end: 36 }]);
    expect(target).toBeCloseTo(32.1, 5);
  });

  it('lands inside a range too short for the usual landing', () => {
    expect(liveGapTarget(10, [{ start: 10.5, end: 10.6 }])).toBeCloseTo(10.55, 5);
  });
});
