// The circle storage contract against both engines (SQLite file, real PostgreSQL 15): what survives a reopen
// (a restart), the size limit held by joins from several connections at once, and the rev compare-and-set that
// keeps two nodes from losing each other's change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CircleMessageRecord, CircleRecord, CircleStorage, MemberRecord } from '../../src/server/storage/circle-storage';
import { PostgresCircleStorage } from '../../src/server/storage/postgres-circle-storage';
import { SqliteCircleStorage } from '../../src/server/storage/sqlite-circle-storage';
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

const engines: { name: string; fresh(): Promise<{ open(): Promise<CircleStorage> }> }[] = [
  {
    name: 'SQLite',
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'setvisit-circles-'));
      dirs.push(dir);
      return Promise.resolve({ open: () => Promise.resolve(new SqliteCircleStorage(join(dir, 'feed.sqlite'))) });
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await postgres.createDatabase(`circles_${++databases}`);
      return { open: () => PostgresCircleStorage.connect({ connectionString: url, poolSize: 4 }) };
    },
  },
];

const circle = (id: string, code: string): CircleRecord => ({
  id,
  code,
  projectId: 'film-a',
  hostId: `m_host${id}`,
  control: 'anyone',
  maxMembers: 4,
  playback: { locationId: 'backlot', playing: true, mediaTime: 12.5, at: 1_765_000_000_000 },
  status: 'open',
  rev: 1,
  createdAt: 1_765_000_000_000,
  activeAt: 1_765_000_000_000,
});
const memberOf = (circleId: string, id: string, joinedAt = 1): MemberRecord => ({ circleId, id, name: `N ${id}`, device: 'tv', keyHash: 'ab'.repeat(32), joinedAt, removed: false });

for (const engine of engines) {
  describe(`${engine.name} circle storage contract`, () => {
    it('stores a circle and its members, keeps them across a reopen, and refuses a taken code', async () => {
      const db = await engine.fresh();
      const first = await db.open();
      const c = circle('c_one', 'ABCDEFGH');
      expect(await first.createCircle(c, memberOf(c.id, c.hostId, 0))).toBe('created');
      expect(await first.createCircle(circle('c_two', 'ABCDEFGH'), memberOf('c_two', 'm_x'))).toBe('code-taken');
      expect(await first.getCircle('c_two')).toBeUndefined();
      const changed = await first.updateCircle(c.id, 1, { playback: { ...c.playback, playing: false }, waiting: { memberId: c.hostId, reason: 'buffering', until: 5 } });
      expect(changed).toMatchObject({ rev: 2, playback: { playing: false }, waiting: { until: 5 } });
      // A change made against an older rev (another node got in first) is not applied.
      expect(await first.updateCircle(c.id, 1, { hostId: 'm_late' })).toBeUndefined();
      expect((await first.updateCircle(c.id, 2, { waiting: null }))?.waiting).toBeUndefined();
      await first.close();
      const reopened = await db.open();
      try {
        expect(await reopened.findByCode('ABCDEFGH')).toEqual({ ...c, rev: 3, playback: { ...c.playback, playing: false } });
        expect(await reopened.members(c.id)).toEqual([memberOf(c.id, c.hostId, 0)]);
      } finally {
        await reopened.close();
      }
    });

    it('holds the size limit against joins from several connections at once; removed members stay out', async () => {
      const db = await engine.fresh();
      const nodes = await Promise.all([db.open(), db.open(), db.open()]);
      try {
        const c = circle('c_full', 'FULLFULL');
        await nodes[0].createCircle(c, memberOf(c.id, c.hostId, 0));
        const results = await Promise.all(Array.from({ length: 9 }, (_, i) => nodes[i % 3]!.addMember(memberOf(c.id, `m_${i}`, i + 1), c.maxMembers)));
        expect(results.filter((r) => r === 'added').length).toBe(3);
        expect(results.filter((r) => r === 'full').length).toBe(6);
        const members = await nodes[1].members(c.id);
        expect(members.length).toBe(4);
        expect(await nodes[2].markRemoved(c.id, members[1]!.id)).toBe(true);
        expect((await nodes[0].members(c.id)).length).toBe(3);
        expect((await nodes[0].getMember(c.id, members[1]!.id))?.removed).toBe(true);
        expect(await nodes[0].deleteMember(c.id, members[2]!.id)).toBe(true);
        await nodes[0].updateCircle(c.id, 1, { status: 'ended' });
        expect(await nodes[1].addMember(memberOf(c.id, 'm_after'), 10)).toBe('closed');
        expect(await nodes[1].idleCircles(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    });

    it('keeps a short tail of a circle’s messages across a reopen and another connection; reports, removals, and nothing after the end', async () => {
      const db = await engine.fresh();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      try {
        const c = circle('c_talk', 'TALKTALK');
        await a.createCircle(c, memberOf(c.id, c.hostId, 0));
        const said = (i: number, extra: Partial<CircleMessageRecord> = {}): CircleMessageRecord => ({ circleId: c.id, id: `g_msg${i}`, memberId: c.hostId, name: 'Ana', at: 1000 + i, text: `line ${i}`, reported: false, ...extra });
        for (let i = 0; i < 5; i++) await (i % 2 ? a : b).addMessage(said(i), 3);
        await b.addMessage(said(5, { text: undefined, phrase: 'wow' }), 3);
        // The newest three, oldest first, whichever connection wrote them.
        expect(await a.recentMessages(c.id, 10)).toEqual([said(3), said(4), said(5, { text: undefined, phrase: 'wow' })]);
        expect(await b.recentMessages(c.id, 2)).toHaveLength(2);
        expect(await a.getMessage(c.id, 'g_msg0')).toBeUndefined();
        expect(await b.markReported(c.id, 'g_msg4')).toBe(true);
        expect(await b.markReported(c.id, 'g_nothing')).toBe(false);
        expect((await a.getMessage(c.id, 'g_msg4'))?.reported).toBe(true);
        expect(await a.deleteMessage(c.id, 'g_msg3')).toBe(true);
        expect(await a.deleteMessage(c.id, 'g_msg3')).toBe(false);
        // Another circle's id finds nothing here.
        expect(await a.getMessage('c_other', 'g_msg4')).toBeUndefined();
        await a.close();
        const reopened = await db.open();
        try {
          expect((await reopened.recentMessages(c.id, 10)).map((m) => m.id)).toEqual(['g_msg4', 'g_msg5']);
          await reopened.deleteMessages(c.id);
          expect(await reopened.recentMessages(c.id, 10)).toEqual([]);
        } finally {
          await reopened.close();
        }
      } finally {
        await b.close();
      }
    });
  });
}
