// Which locations stay locked for a viewer: from the tour's tiers and the viewer's media pass; the tour format's
// rule that the start location is never gated; and the headset's location list naming the tier on a locked row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';
import { parseTour } from '../../src/protocol/tour-schema';
import { locksOf } from '../../src/tour/media-pass';
import { locationListModel } from '../../src/xr/location-list';
import { REPO_ROOT } from '../helpers/test-server';

const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')) as { start: string; locations: { id: string; tier?: string }[] };
const parsed = parseTour(sample);
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const tour = parsed.tour;

describe('location locks', () => {
  it('locks the sample’s Video village for supporters and up, and nothing else, without a pass', () => {
    expect(locksOf(tour.locations, undefined)).toEqual({ monitor: 'supporter' });
  });

  it('opens what the pass opens and keeps the tier the server names for the rest', () => {
    const pass = { expiresAt: Date.now() + 60_000, locations: [{ locationId: 'monitor', requiredTier: 'supporter' as const, open: true }] };
    expect(locksOf(tour.locations, pass)).toEqual({});
    const refused = { ...pass, locations: [{ locationId: 'monitor', requiredTier: 'gold' as const, open: false }] };
    expect(locksOf(tour.locations, refused)).toEqual({ monitor: 'gold' });
  });

  it('refuses a tour whose start location has a tier', () => {
    const gatedStart = { ...sample, locations: sample.locations.map((l) => (l.id === sample.start ? { ...l, tier: 'gold' } : l)) };
    const result = parseTour(gatedStart);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain('start');
  });

  it('names the tier on a locked row of the headset’s location list, in both languages', () => {
    const en = locationListModel(tour, tour.start, createTranslator('en'));
    expect(en.entries.find((e) => e.id === 'monitor')!.name).toBe('Video village (locked: Supporter backers)');
    expect(en.entries.find((e) => e.id === 'stage-a')!.name).toBe('Stage A, the lantern shop');
    const zh = locationListModel(tour, tour.start, createTranslator('zh-CN'));
    expect(zh.entries.find((e) => e.id === 'monitor')!.name).toBe('监视器区（锁定：「支持者」档）');
  });
});
