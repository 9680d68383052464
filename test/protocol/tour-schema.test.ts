// Tour files: the sample tour is valid, and a broken one is refused with the path of what is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTour } from '../../src/protocol/tour-schema';
import { REPO_ROOT } from '../helpers/test-server';

const sample = () => JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')) as Record<string, unknown> & { locations: Record<string, unknown>[] };

describe('tour files', () => {
  it('accepts the sample tour', () => {
    expect(parseTour(sample()).kind).toBe('tour');
  });

  it('refuses a start that is not one of the locations', () => {
    const result = parseTour({ ...sample(), start: 'nowhere' });
    expect(result).toEqual({ kind: 'invalid', reason: expect.stringMatching(/^start: must name one of/) as unknown });
  });

  it('names the location field that is out of range or missing', () => {
    const tour = sample();
    tour.locations[0] = { ...tour.locations[0], initialView: { yaw: 400, pitch: 0 }, stream: undefined };
    const result = parseTour(tour);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.reason).toMatch(/locations\[0\]\.initialView\.yaw: must be at most 180/);
    expect(result.reason).toMatch(/locations\[0\]\.stream: expected string/);
  });
});
