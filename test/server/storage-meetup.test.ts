// The meet-up storage contract against both engines (SQLite file, real PostgreSQL 15), including what several
// nodes do to one database at once: reaction windows from several connections add up exactly, a caller's
// votes sent through several connections count once, and only one spotlight survives concurrent moderation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetupInput } from '../../src/protocol/meetup';
import type { MeetupStorage } from '../../src/server/storage/meetup-storage';
import { PostgresMeetupStorage } from '../../src/server/storage/postgres-meetup-storage';
import { SqliteMeetupStorage } from '../../src/server/storage/sqlite-meetup-storage';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';

const dirs: string[] = [];
let postgres: PostgresProcess;
let databases = 0;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

interface Engine {
  name: string;
  /** A fresh database; `open` gives another connection (a node) to it. */
  fresh(): Promise<{ open(): Promise<MeetupStorage> }>;
}

const engines: Engine[] = [
  {
    name: 'SQLite',
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'setvisit-meetups-'));
      dirs.push(dir);
      return Promise.resolve({ open: () => Promise.resolve(new SqliteMeetupStorage(join(dir, 'feed.sqlite'))) });
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await postgres.createDatabase(`meetups_${++databases}`);
      return { open: () => PostgresMeetupStorage.connect({ connectionString: url, poolSize: 4 }) };
    },
  },
];

const input = (id: string, overrides: Partial<MeetupInput> = {}): MeetupInput => ({
  id,
  title: { en: 'Meet the cast' },
  star: { en: 'Lin Yue' },
  scheduledStart: '2026-12-01T12:00:00.000Z',
  requiredTier: 'gold',
  ...overrides,
});
const claim = (key: string, requestHash = key) => ({ callerId: 'operator:x', key, requestHash });

for (const engine of engines) {
  describe(`${engine.name} meet-up storage contract`, () => {
    it('schedules once, recognizes a retry, refuses a taken id, and moves scheduled → live → ended once', async () => {
      const storage = await (await engine.fresh()).open();
      try {
        const first = await storage.scheduleMeetup('film-a', input('m1'), 'key-1');
        expect(first).toMatchObject({ kind: 'stored', meetup: { id: 'm1', projectId: 'film-a', state: 'scheduled', streamKey: 'key-1' } });
        expect((await storage.scheduleMeetup('film-a', input('m1'), 'key-2')).kind).toBe('replayed');
        expect((await storage.scheduleMeetup('film-a', input('m1', { requiredTier: 'supporter' }), 'key-3')).kind).toBe('id-taken');
        expect((await storage.findByStreamKey('key-1'))?.id).toBe('m1');
        expect(await storage.findByStreamKey('key-2')).toBeUndefined();

        const at = new Date('2026-12-01T12:01:00.000Z');
        expect(await storage.transition('m1', 'live', at, claim('start-1'))).toMatchObject({ kind: 'changed', meetup: { state: 'live', startedAt: at.toISOString() } });
        expect((await storage.transition('m1', 'live', at, claim('start-1'))).kind).toBe('replayed');
        expect((await storage.transition('m1', 'live', at, claim('start-1', 'other'))).kind).toBe('key-conflict');
        expect((await storage.transition('m1', 'live', at)).kind).toBe('wrong-state');
        expect((await storage.transition('m1', 'ended', at)).kind).toBe('changed');
        expect((await storage.transition('nope', 'ended', at)).kind).toBe('not-found');
        await storage.scheduleMeetup('film-a', input('m0', { scheduledStart: '2026-11-30T12:00:00.000Z' }), 'key-0');
        expect((await storage.listMeetups('film-a')).map((m) => m.id)).toEqual(['m0', 'm1']);
      } finally {
        await storage.close();
      }
    });

    it('keeps questions in board order, one vote per caller, one spotlight, dismissed hidden', async () => {
      const storage = await (await engine.fresh()).open();
      try {
        await storage.scheduleMeetup('film-a', input('m1'), 'k');
        const ask = (id: string, n: number) => storage.addQuestion('m1', { id, text: `Question ${n}?`, callerId: `backer:${n}`, askedAt: `2026-12-01T12:0${n}:00.000Z` });
        await ask('q1', 1);
        await ask('q2', 2);
        await ask('q3', 3);
        expect((await storage.upvote('m1', 'q2', 'backer:9')).kind).toBe('voted');
        expect((await storage.upvote('m1', 'q2', 'backer:9')).kind).toBe('already-voted');
        expect((await storage.upvote('m1', 'q9', 'backer:9')).kind).toBe('not-found');
        expect((await storage.questions('m1', false)).map((q) => [q.id, q.votes])).toEqual([['q2', 1], ['q1', 0], ['q3', 0]]);
        await storage.moderate('m1', 'q3', 'spotlight');
        const moved = await storage.moderate('m1', 'q1', 'spotlight');
        expect(moved.kind === 'changed' && moved.questions.map((q) => [q.id, q.status])).toEqual([['q1', 'spotlight'], ['q3', 'answered']]);
        await storage.moderate('m1', 'q2', 'dismiss');
        expect((await storage.questions('m1', false)).map((q) => q.id)).toEqual(['q1', 'q3']);
        expect((await storage.questions('m1', true)).map((q) => q.id)).toContain('q2');
        expect((await storage.upvote('m1', 'q2', 'backer:8')).kind).toBe('not-found');
      } finally {
        await storage.close();
      }
    });

    it('adds reaction windows into exact totals and a timeline, also when several connections append at once', async () => {
      const database = await engine.fresh();
      const nodes = await Promise.all([1, 2, 3].map(() => database.open()));
      try {
        await nodes[0]!.scheduleMeetup('film-a', input('m1'), 'k');
        await Promise.all(nodes.flatMap((node, n) => Array.from({ length: 10 }, (_, i) => node.appendReactionWindow('m1', n * 1000 + i * 250, { heart: 2, wow: n + 1 }))));
        expect(await nodes[1]!.reactionTotals('m1')).toEqual({ heart: 60, wow: 60 });
        const timeline = await nodes[2]!.reactionTimeline('m1');
        expect(timeline.windows).toHaveLength(30);
        expect(timeline.windows.map((w) => w.at)).toEqual([...timeline.windows.map((w) => w.at)].sort((a, b) => a - b));
        expect(timeline.totals).toEqual({ heart: 60, wow: 60 });
      } finally {
        await Promise.all(nodes.map((node) => node.close()));
      }
    });

    it('counts one caller\'s vote once when it arrives through several connections at once', async () => {
      const database = await engine.fresh();
      const nodes = await Promise.all([1, 2, 3].map(() => database.open()));
      try {
        await nodes[0]!.scheduleMeetup('film-a', input('m1'), 'k');
        await nodes[0]!.addQuestion('m1', { id: 'q1', text: 'Hi?', callerId: 'backer:1', askedAt: '2026-12-01T12:00:00.000Z' });
        const results = await Promise.all(nodes.flatMap((node) => [node, node].map((n) => n.upvote('m1', 'q1', 'backer:7'))));
        expect(results.filter((r) => r.kind === 'voted')).toHaveLength(1);
        expect((await nodes[2]!.questions('m1', false))[0]?.votes).toBe(1);
      } finally {
        await Promise.all(nodes.map((node) => node.close()));
      }
    });
  });
}
