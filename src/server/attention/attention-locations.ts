// Which locations a project has, for refusing reports about unknown ones: the tour file's locations (scenes/
// <projectId>.json, re-read when it changes) and the project's meet-up stages (`meetup:<id>`, 360°, once live).
// Answers are kept a couple of seconds, so a flood of reports costs no file or database reads.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Projection } from '../../protocol/tour-schema';
import { parseTour } from '../../protocol/tour-schema';
import type { MeetupStorage } from '../storage/meetup-storage';

export interface AttentionLocations {
  /** The location's projection, or undefined when the project has no such location. */
  projectionOf(projectId: string, locationId: string): Promise<Projection | undefined>;
}

const FRESH_MS = 2_000;

export function createAttentionLocations(scenesDir: string | undefined, meetups: Pick<MeetupStorage, 'getMeetup'> | undefined): AttentionLocations {
  const tours = new Map<string, { checkedAt: number; mtimeMs: number; locations: Map<string, Projection> }>();
  const stages = new Map<string, { checkedAt: number; ok: boolean }>();

  async function tourOf(projectId: string): Promise<Map<string, Projection>> {
    const now = performance.now();
    const known = tours.get(projectId);
    if (known && now - known.checkedAt < FRESH_MS) return known.locations;
    if (!scenesDir) return new Map();
    const file = join(scenesDir, `${projectId}.json`);
    const mtimeMs = await stat(file).then((s) => s.mtimeMs, () => -1);
    if (known && known.mtimeMs === mtimeMs) {
      known.checkedAt = now;
      return known.locations;
    }
    const locations = new Map<string, Projection>();
    if (mtimeMs >= 0) {
      try {
        const parsed = parseTour(JSON.parse(await readFile(file, 'utf8')));
        if (parsed.kind === 'tour') for (const l of parsed.tour.locations) locations.set(l.id, l.projection);
      } catch {
        // An unreadable tour has no locations to report on.
      }
    }
    tours.set(projectId, { checkedAt: now, mtimeMs, locations });
    return locations;
  }

  async function stageOpen(projectId: string, meetupId: string): Promise<boolean> {
    const key = `${projectId}/${meetupId}`;
    const now = performance.now();
    const known = stages.get(key);
    if (known && now - known.checkedAt < FRESH_MS) return known.ok;
    const meetup = meetups ? await meetups.getMeetup(meetupId) : undefined;
    const ok = meetup !== undefined && meetup.projectId === projectId && meetup.state !== 'scheduled';
    stages.set(key, { checkedAt: now, ok });
    return ok;
  }

  return {
    async projectionOf(projectId, locationId) {
      if (locationId.startsWith('meetup:')) return (await stageOpen(projectId, locationId.slice('meetup:'.length))) ? 'equirect360' : undefined;
      return (await tourOf(projectId)).get(locationId);
    },
  };
}
