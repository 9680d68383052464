// The pairing storage contract against both engines (SQLite file, real PostgreSQL 15): what survives a reopen (a
// restart), a taken code, the phone limit held by joins from several connections at once, ending and expiry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairingRecord, PairingStorage, PhoneRecord } from '../../src/server/storage/pairing-storage';
import { PostgresPairingStorage } from '../../src/server/storage/postgres-pairing-storage';
import { SqlitePairingStorage } from '../../src/server/storage/sqlite-pairing-storage';
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

const engines: { name: string; fresh(): Promise<{ open(): Promise<PairingStorage> }> }[] = [
  {
    name: 'SQLite',
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'setvisit-pairings-'));
      dirs.push(dir);
      return Promise.resolve({ open: () => Promise.resolve(new SqlitePairingStorage(join(dir, 'feed.sqlite'))) });
    },
  },
  {
    name: 'PostgreSQL',
    async fresh() {
      const url = await postgres.createDatabase(`pairings_${++databases}`);
      return { open: () => PostgresPairingStorage.connect({ connectionString: url, poolSize: 4 }) };
    },
  },
];

const T0 = 1_765_000_000_000;
const pairing = (id: string, code: string, expiresAt = T0 + 1000): PairingRecord => ({
  id,
  code,
  projectId: 'film-a',
  tvName: 'Living room',
  tvKeyHash: 'cd'.repeat(32),
  status: 'open',
  createdAt: T0,
  expiresAt,
});
const phone = (pairingId: string, id: string, pairedAt = T0 + 1): PhoneRecord => ({ pairingId, id, name: `Phone ${id}`, keyHash: 'ab'.repeat(32), pairedAt });

for (const engine of engines) {
  describe(`${engine.name} pairing storage contract`, () => {
    it('stores a pairing and its phones, keeps them across a reopen, refuses a taken code, ends and expires', async () => {
      const db = await engine.fresh();
      const first = await db.open();
      const p = pairing('p_one', 'ABCDEF');
      expect(await first.createPairing(p)).toBe('created');
      expect(await first.createPairing(pairing('p_two', 'ABCDEF'))).toBe('code-taken');
      expect(await first.getPairing('p_two')).toBeUndefined();
      expect(await first.addPhone(phone(p.id, 'ph_a', T0 + 2), 4)).toBe('added');
      expect(await first.addPhone(phone(p.id, 'ph_b', T0 + 3), 4)).toBe('added');
      await first.close();
      const reopened = await db.open();
      try {
        expect(await reopened.findByCode('ABCDEF')).toEqual(p);
        expect((await reopened.phones(p.id)).map((x) => x.id)).toEqual(['ph_a', 'ph_b']);
        expect(await reopened.getPhone(p.id, 'ph_b')).toEqual(phone(p.id, 'ph_b', T0 + 3));
        expect(await reopened.removePhone(p.id, 'ph_a')).toBe(true);
        expect(await reopened.removePhone(p.id, 'ph_a')).toBe(false);
        expect(await reopened.getPhone(p.id, 'ph_a')).toBeUndefined();
        // Expiry: only open pairings past their time.
        await reopened.createPairing(pairing('p_later', 'GHJKMN', T0 + 5000));
        expect(await reopened.expiredPairings(T0 + 1000, 10)).toEqual(['p_one']);
        expect(await reopened.endPairing('p_one', 'expired')).toBe(true);
        expect(await reopened.endPairing('p_one', 'revoked')).toBe(false);
        expect((await reopened.getPairing('p_one'))?.status).toBe('expired');
        expect(await reopened.expiredPairings(T0 + 1000, 10)).toEqual([]);
        expect(await reopened.addPhone(phone('p_one', 'ph_late'), 4)).toBe('closed');
        expect(await reopened.addPhone(phone('p_nobody', 'ph_x'), 4)).toBe('closed');
      } finally {
        await reopened.close();
      }
    });

    it('holds the phone limit against joins from several connections at once', async () => {
      const db = await engine.fresh();
      const nodes = await Promise.all([db.open(), db.open(), db.open()]);
      try {
        const p = pairing('p_full', 'PQRSTU');
        await nodes[0].createPairing(p);
        const results = await Promise.all(Array.from({ length: 9 }, (_, i) => nodes[i % 3]!.addPhone(phone(p.id, `ph_${i}`, T0 + i), 4)));
        expect(results.filter((r) => r === 'added').length).toBe(4);
        expect(results.filter((r) => r === 'full').length).toBe(5);
        expect((await nodes[1].phones(p.id)).length).toBe(4);
      } finally {
        await Promise.all(nodes.map((n) => n.close()));
      }
    });
  });
}
