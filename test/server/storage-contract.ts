// What every storage engine must do, as one suite run against each (storage.test.ts): SQLite and PostgreSQL
// must be interchangeable behind FeedStorage & AccessStorage.
import { describe, expect, it } from 'vitest';
import type { Project, ProjectUpdateInput } from '../../src/protocol';
import type { AccessStorage, FeedStorage } from '../../src/server/storage/feed-storage';

const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const anyString: unknown = expect.any(String);

export type Storage = FeedStorage & AccessStorage;

/** One empty database; `open` may be called several times for several connections (nodes) to it. */
export interface StorageDatabase {
  open(): Promise<Storage>;
}

export interface StorageEngine {
  name: string;
  /** A fresh, empty database for one test. */
  freshDatabase(): Promise<StorageDatabase>;
}

export const project = (id: string, overrides: Partial<Project> = {}): Project => ({
  id,
  title: { en: `Film ${id}`, 'zh-CN': `电影 ${id}` },
  currency: 'CNY',
  fundingGoal: 1_000_000,
  fundingRaised: 0,
  backers: 0,
  phase: 'shooting',
  shootingDays: { done: 0, planned: 30 },
  visibility: 'public',
  annotations: [],
  ...overrides,
});

export const milestone = (n: number): ProjectUpdateInput => ({ type: 'milestone', kind: 'scene-wrapped', title: { en: `Scene ${n} wrapped`, 'zh-CN': `第 ${n} 场杀青` } });
const claim = (key: string, requestHash = `hash-of-${key}`) => ({ callerId: 'operator:abc', key, requestHash });
const DAY_MS = 24 * 60 * 60 * 1000;

export function describeStorageContract(engine: StorageEngine): void {
  describe(`${engine.name} storage contract`, () => {
    async function openFresh(): Promise<Storage> {
      return (await engine.freshDatabase()).open();
    }

    it('creates a project once and leaves an existing one and its log alone', async () => {
      const storage = await openFresh();
      try {
        expect(await storage.ensureProject(project('film-a'))).toBe(true);
        await storage.appendEvent('film-a', milestone(1), new Date());
        expect(await storage.ensureProject(project('film-a', { fundingGoal: 5 }))).toBe(false);
        expect((await storage.getProject('film-a'))?.fundingGoal).toBe(1_000_000);
        expect(await storage.latestSeq('film-a')).toBe(1);
        expect(await storage.getProject('nope')).toBeUndefined();
        expect(await storage.latestSeq('nope')).toBeUndefined();
        expect(await storage.snapshot('nope', 10)).toBeUndefined();
      } finally {
        await storage.close();
      }
    });

    it('numbers events 1, 2, 3… per project and applies them to the project record', async () => {
      const storage = await openFresh();
      try {
        await storage.ensureProject(project('film-a'));
        await storage.ensureProject(project('film-b'));
        const at = new Date('2026-11-25T10:00:00.000Z');
        const a1 = await storage.appendEvent('film-a', milestone(1), at);
        const b1 = await storage.appendEvent('film-b', { type: 'funding', fundingRaised: 500, backers: 7 }, at);
        const a2 = await storage.appendEvent('film-a', { type: 'phase', phase: 'post-production' }, at);
        expect([a1, b1, a2].map((r) => (r.kind === 'stored' ? r.event.seq : r.kind))).toEqual([1, 1, 2]);
        expect(a1.kind === 'stored' && a1.event).toMatchObject({ type: 'milestone', projectId: 'film-a', at: at.toISOString(), milestone: { id: 'film-a-1', seq: 1, receivedAt: at.toISOString() } });
        expect((await storage.getProject('film-a'))?.phase).toBe('post-production');
        expect(await storage.getProject('film-b')).toMatchObject({ fundingRaised: 500, backers: 7 });
        expect(await storage.appendEvent('missing', milestone(1), at)).toEqual({ kind: 'unknown-project' });
      } finally {
        await storage.close();
      }
    });

    it('pages events after a sequence number, oldest first, and snapshots the latest milestones', async () => {
      const storage = await openFresh();
      try {
        await storage.ensureProject(project('film-a'));
        for (let n = 1; n <= 12; n++) {
          await storage.appendEvent('film-a', n % 4 === 0 ? { type: 'funding', fundingRaised: n * 100, backers: n } : milestone(n), new Date());
        }
        expect((await storage.eventsAfter('film-a', 0, 5)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
        expect((await storage.eventsAfter('film-a', 9, 100)).map((e) => e.seq)).toEqual([10, 11, 12]);
        expect(await storage.eventsAfter('film-a', 12, 100)).toEqual([]);
        const snapshot = await storage.snapshot('film-a', 4);
        expect(snapshot?.seq).toBe(12);
        // Milestones only (4, 8, 12 were funding), newest four, oldest first.
        expect(snapshot?.milestones.map((m) => m.seq)).toEqual([7, 9, 10, 11]);
        expect(snapshot?.project).toMatchObject({ fundingRaised: 1200, backers: 12 });
      } finally {
        await storage.close();
      }
    });

    it('stores a retried post once, answers what it stored, and refuses a key reused for another request', async () => {
      const storage = await openFresh();
      try {
        await storage.ensureProject(project('film-a'));
        const first = await storage.appendEvent('film-a', milestone(1), new Date(), claim('k1'));
        const retry = await storage.appendEvent('film-a', milestone(1), new Date(), claim('k1'));
        expect(first.kind).toBe('stored');
        expect(retry).toEqual({ kind: 'replayed', event: first.kind === 'stored' ? first.event : undefined });
        expect(await storage.appendEvent('film-a', milestone(2), new Date(), claim('k1', 'another-hash'))).toEqual({ kind: 'key-conflict' });
        expect(await storage.latestSeq('film-a')).toBe(1);
        // A different caller may use the same key.
        const other = await storage.appendEvent('film-a', milestone(1), new Date(), { ...claim('k1'), callerId: 'operator:other' });
        expect(other.kind === 'stored' && other.event.seq).toBe(2);
        // After a day the key is forgotten: the same request is a new event.
        const later = await storage.appendEvent('film-a', milestone(1), new Date(Date.now() + DAY_MS + 1000), claim('k1'));
        expect(later.kind === 'stored' && later.event.seq).toBe(3);
      } finally {
        await storage.close();
      }
    });

    it('keeps backer tokens by hash only and finds them again', async () => {
      const storage = await openFresh();
      try {
        const token = await storage.createBackerToken({ label: 'Gold', tier: 'gold', projects: ['film-a'] });
        expect(token).toMatch(/^sv_[A-Za-z0-9_-]{32}$/);
        expect(await storage.findBackerToken(token)).toEqual({ label: 'Gold', tier: 'gold', projects: ['film-a'] });
        expect(await storage.findBackerToken(`${token}x`)).toBeUndefined();
        await storage.ensureBackerToken('demo-code', { label: 'Demo', tier: 'supporter', projects: '*' });
        await storage.ensureBackerToken('demo-code', { label: 'Changed', tier: 'gold', projects: [] });
        expect(await storage.findBackerToken('demo-code')).toEqual({ label: 'Demo', tier: 'supporter', projects: '*' });
      } finally {
        await storage.close();
      }
    });

    it('manages codes through storage.backerCodes: the same codes access finds, never a readable code', async () => {
      const storage = await openFresh();
      try {
        const token = await storage.createBackerToken({ label: 'Zhang Min', tier: 'supporter', projects: ['film-a'] });
        const listed = await storage.backerCodes.listBackerCodes();
        expect(listed).toHaveLength(1);
        expect(listed[0]).toMatchObject({ label: 'Zhang Min', tier: 'supporter', hint: token.slice(-4), revokedAt: null });
        expect(JSON.stringify(listed)).not.toContain(token.slice(0, -4));
        expect(await storage.backerCodes.findBackerCode(token)).toEqual({ id: listed[0]!.id, grant: { label: 'Zhang Min', tier: 'supporter', projects: ['film-a'] } });
        expect((await storage.backerCodes.revokeBackerCode(listed[0]!.id, new Date())).kind).toBe('revoked');
        // What access asks (findBackerToken) sees the revocation made through backerCodes.
        expect(await storage.findBackerToken(token)).toBeUndefined();
      } finally {
        await storage.close();
      }
    });

    it('lists backer codes without the codes, revokes them, and a revoked code opens nothing', async () => {
      const storage = await openFresh();
      try {
        const at = new Date('2026-12-01T09:00:00.000Z');
        const token = 'sv_first-code-ABCD';
        const issued = await storage.backerCodes.issueBackerCode(token, { label: 'Li Wei', tier: 'gold', projects: ['film-a'] }, at);
        expect(issued.kind).toBe('issued');
        const code = issued.kind === 'issued' ? issued.code : undefined;
        expect(code).toEqual({ id: matching(/^bc_[0-9a-f]{16}$/), label: 'Li Wei', tier: 'gold', projects: ['film-a'], createdAt: at.toISOString(), revokedAt: null, hint: 'ABCD', replaces: null, replacedBy: null });
        await storage.ensureBackerToken('demo-code', { label: 'Demo', tier: 'supporter', projects: '*' });
        const listed = await storage.backerCodes.listBackerCodes();
        expect(listed.map((c) => c.label).sort()).toEqual(['Demo', 'Li Wei']);
        expect(JSON.stringify(listed)).not.toContain(token);
        expect(JSON.stringify(listed)).not.toContain('demo-code');
        expect(await storage.backerCodes.findBackerCode(token)).toEqual({ id: code!.id, grant: { label: 'Li Wei', tier: 'gold', projects: ['film-a'] } });
        expect(await storage.backerCodes.isBackerTokenActive(token)).toBe(true);

        const later = new Date('2026-12-02T09:00:00.000Z');
        const revoked = await storage.backerCodes.revokeBackerCode(code!.id, later);
        expect(revoked).toEqual({ kind: 'revoked', code: { ...code, revokedAt: later.toISOString() } });
        expect(await storage.backerCodes.revokeBackerCode(code!.id, new Date())).toEqual({ kind: 'already-revoked', code: { ...code, revokedAt: later.toISOString() } });
        expect(await storage.backerCodes.revokeBackerCode('bc_0000000000000000', new Date())).toEqual({ kind: 'unknown-code' });
        expect(await storage.findBackerToken(token)).toBeUndefined();
        expect(await storage.backerCodes.findBackerCode(token)).toBeUndefined();
        expect(await storage.backerCodes.isBackerTokenActive(token)).toBe(false);
        expect(await storage.backerCodes.isBackerTokenActive('never-issued')).toBe(false);
        const demoId = listed.find((c) => c.label === 'Demo')!.id;
        expect(await storage.backerCodes.activeBackerCodes([code!.id, demoId, 'bc_unknown'])).toEqual(new Set([demoId]));
        expect(await storage.backerCodes.activeBackerCodes([])).toEqual(new Set());
      } finally {
        await storage.close();
      }
    });

    it('issues once per Idempotency-Key, refuses the key for another request, and re-issues a code once', async () => {
      const storage = await openFresh();
      try {
        const grant = { label: 'Zhang Min', tier: 'silver' as const, projects: '*' as const };
        const claimOf = (requestHash: string, sealed: string) => ({ callerId: 'operator:abc', keyHash: 'key-hash-1', requestHash, sealed });
        const first = await storage.backerCodes.issueBackerCode('sv_code-one-1111', grant, new Date(), claimOf('req-1', 'sealed-one'));
        const retry = await storage.backerCodes.issueBackerCode('sv_code-two-2222', grant, new Date(), claimOf('req-1', 'sealed-two'));
        expect(first.kind).toBe('issued');
        expect(retry).toEqual({ kind: 'replayed', code: first.kind === 'issued' ? first.code : undefined, sealed: 'sealed-one' });
        expect(await storage.backerCodes.issueBackerCode('sv_code-three-3333', grant, new Date(), claimOf('req-other', 'x'))).toEqual({ kind: 'key-conflict' });
        expect(await storage.backerCodes.listBackerCodes()).toHaveLength(1);
        expect(await storage.backerCodes.isBackerTokenActive('sv_code-two-2222')).toBe(false);

        const oldId = first.kind === 'issued' ? first.code.id : '';
        const reissued = await storage.backerCodes.reissueBackerCode(oldId, 'sv_code-new-4444', new Date());
        expect(reissued).toMatchObject({ kind: 'issued', code: { ...grant, hint: '4444', replaces: oldId, revokedAt: null } });
        const newId = reissued.kind === 'issued' ? reissued.code.id : '';
        expect(await storage.backerCodes.isBackerTokenActive('sv_code-one-1111')).toBe(false);
        expect(await storage.findBackerToken('sv_code-new-4444')).toEqual(grant);
        const old = (await storage.backerCodes.listBackerCodes()).find((c) => c.id === oldId);
        expect(old).toMatchObject({ replacedBy: newId, revokedAt: anyString });
        expect(await storage.backerCodes.reissueBackerCode(oldId, 'sv_code-again-5555', new Date())).toMatchObject({ kind: 'already-reissued', code: { id: oldId } });
        expect(await storage.backerCodes.reissueBackerCode('bc_nope', 'sv_code-again-6666', new Date())).toEqual({ kind: 'unknown-code' });
        expect(await storage.backerCodes.listBackerCodes()).toHaveLength(2);
      } finally {
        await storage.close();
      }
    });

    it('issues one code when the same keyed request arrives through several connections at once', async () => {
      const database = await engine.freshDatabase();
      const writers = await Promise.all([1, 2, 3].map(() => database.open()));
      try {
        const claimed = { callerId: 'operator:abc', keyHash: 'same', requestHash: 'same-request', sealed: 's' };
        const results = await Promise.all(
          writers.flatMap((w, i) => [0, 1].map((j) => w.backerCodes.issueBackerCode(`sv_racing-${i}-${j}`, { label: 'race', tier: 'gold', projects: '*' }, new Date(), claimed))),
        );
        expect(results.filter((r) => r.kind === 'issued')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(5);
        expect(await writers[0]!.backerCodes.listBackerCodes()).toHaveLength(1);
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    });

    it('keeps everything across closing and reopening', async () => {
      const database = await engine.freshDatabase();
      const first = await database.open();
      await first.ensureProject(project('film-a'));
      for (let n = 1; n <= 3; n++) await first.appendEvent('film-a', milestone(n), new Date(), claim(`k${n}`));
      const before = await first.snapshot('film-a', 10);
      await first.close();
      const second = await database.open();
      try {
        expect(await second.snapshot('film-a', 10)).toEqual(before);
        expect((await second.appendEvent('film-a', milestone(3), new Date(), claim('k3'))).kind).toBe('replayed');
        const next = await second.appendEvent('film-a', milestone(4), new Date());
        expect(next.kind === 'stored' && next.event.seq).toBe(4);
      } finally {
        await second.close();
      }
    });

    it('numbers 1…N with no gap or duplicate when several connections append to one project at once', { timeout: 60_000 }, async () => {
      const database = await engine.freshDatabase();
      const writers = await Promise.all([1, 2, 3, 4].map(() => database.open()));
      try {
        await writers[0]!.ensureProject(project('film-a'));
        const perWriter = 40;
        const results = await Promise.all(
          writers.flatMap((writer, w) =>
            Array.from({ length: perWriter }, (_, i) => writer.appendEvent('film-a', milestone(w * 1000 + i), new Date())),
          ),
        );
        const seqs = results.map((r) => (r.kind === 'stored' ? r.event.seq : -1)).sort((a, b) => a - b);
        const total = writers.length * perWriter;
        expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        const log = await writers[1]!.eventsAfter('film-a', 0, 1000);
        expect(log.map((e) => e.seq)).toEqual(seqs);
        // Each stored title appears exactly once in the log.
        expect(new Set(log.map((e) => (e.type === 'milestone' ? e.milestone.title.en : ''))).size).toBe(total);
        expect(await writers[2]!.latestSeq('film-a')).toBe(total);
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    });

    it('stores a retry sent through several connections at once exactly once', async () => {
      const database = await engine.freshDatabase();
      const writers = await Promise.all([1, 2, 3].map(() => database.open()));
      try {
        await writers[0]!.ensureProject(project('film-a'));
        const results = await Promise.all(writers.flatMap((w) => [w, w].map((writer) => writer.appendEvent('film-a', milestone(1), new Date(), claim('same-key')))));
        expect(results.filter((r) => r.kind === 'stored')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(5);
        expect(new Set(results.map((r) => (r.kind === 'stored' || r.kind === 'replayed' ? r.event.seq : -1)))).toEqual(new Set([1]));
        expect(await writers[0]!.latestSeq('film-a')).toBe(1);
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    });
  });
}
