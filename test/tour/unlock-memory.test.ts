// Where a lock stopped the viewer is kept for the next player of the same tour, once, with the moment they were at
// when their player went; nothing is kept for a viewer no lock stopped, nor handed to another tour.
import { describe, expect, it } from 'vitest';
import { UnlockMemory } from '../../src/tour/unlock-memory';

describe('the unlock memory', () => {
  it('hands the place a lock stopped the viewer at to the next player of that tour, once, as of when they left', () => {
    const memory = new UnlockMemory();
    memory.lockedAt('tour-a', { locationId: 'stage-a', mediaTime: 4 });
    memory.left('tour-a', { locationId: 'stage-a', mediaTime: 9.5 });
    expect(memory.take('tour-b')).toBeUndefined();
    expect(memory.take('tour-a')).toEqual({ locationId: 'stage-a', mediaTime: 9.5 });
    expect(memory.take('tour-a')).toBeUndefined();
  });

  it('keeps nothing for a viewer no lock stopped', () => {
    const memory = new UnlockMemory();
    memory.left('tour-a', { locationId: 'backlot', mediaTime: 3 });
    expect(memory.take('tour-a')).toBeUndefined();
  });
});
