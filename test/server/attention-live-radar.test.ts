// The node's live radar tells when a viewer turns (so the node publishes soon, not at its next tick), and only then:
// a still viewer's report every 20 s publishes nothing extra.
import { describe, expect, it } from 'vitest';
import { LocalRadar } from '../../src/server/attention/live-radar';

describe('LocalRadar', () => {
  it('calls onMove for a new viewer or a turn to another cell, not for the same look again', () => {
    let moves = 0;
    const radar = new LocalRadar(25_000, () => moves++);
    radar.look('p/backlot', 'a', 100, 0);
    expect(moves).toBe(1);
    radar.look('p/backlot', 'a', 100, 1_000);
    expect(moves).toBe(1);
    radar.look('p/backlot', 'a', 101, 2_000);
    expect(moves).toBe(2);
    radar.look('p/backlot', 'b', 101, 2_000);
    expect(moves).toBe(3);
    expect(radar.parts(2_000).get('p/backlot')).toEqual({ at: 2_000, viewers: 2, cells: [101, 2] });
  });
});
