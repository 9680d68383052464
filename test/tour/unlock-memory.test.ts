// Where a lock stopped the viewer is kept for the next player of the same tour, once, with the moment they were at
// when their player went; nothing is kept for a viewer no lock stopped, nor handed to another tour.
import { describe, expect, it } from 'vitest';
import { rememberPlace, takePlace } from '../../src/tour/unlock-memory';

describe('the unlock memory', () => {
  it('hands the place a lock stopped the viewer at to the next player of that tour, once, as of when they left', () => {
    rememberPlace('tour-a', { locationId: 'stage-a', mediaTime: 4 });
    rememberPlace('tour-a', { locationId: 'stage-a', mediaTime: 9.5 }, true);
    expect(takePlace('tour-b')).toBeUndefined();
    expect(takePlace('tour-a')).toEqual({ locationId: 'stage-a', mediaTime: 9.5 });
    expect(takePlace('tour-a')).toBeUndefined();
  });

  it('keeps nothing for a viewer no lock stopped', () => {
    rememberPlace('tour-c', { locationId: 'backlot', mediaTime: 3 }, true);
    expect(takePlace('tour-c')).toBeUndefined();
  });
});
