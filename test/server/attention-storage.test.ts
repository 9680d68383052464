// Attention aggregates in both engines (a real PostgreSQL server here too): merges add cells and OR the viewer
// sketches, two nodes merging the same bucket at once both count, and a range reads back in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySketch, estimateViewers, setBit, ViewerBits } from '../../src/server/attention/viewer-sketch';
import type { AttentionBucket, AttentionStorage } from '../../src/server/storage/attention-storage';
import { PostgresAttentionStorage } from '../../src/server/storage/postgres-attention-storage';
import { SqliteAttentionStorage } from '../../src/server/storage/sqlite-attention-storage';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';

let postgres: PostgresProcess;
const dir = mkdtempSync(join(tmpdir(), 'setvisit-attention-storage-'));
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Each test viewer holds a bit of its own, as connected viewers on a node do.
const bits = new ViewerBits();
const bitOf = (viewer: string) => bits.bitOf(viewer) ?? bits.hold(viewer);

function bucket(bucketStart: number, viewers: string[], cells: [number, number, number][], turned: string[] = []): AttentionBucket {
  const sketch = emptySketch();
  viewers.forEach((v) => setBit(sketch, bitOf(v)));
  const back = emptySketch();
  turned.forEach((v) => setBit(back, bitOf(v)));
  return { projectId: 'p', locationId: 'l', bucketStart, viewers: sketch, turned: back, cells: new Map(cells.map(([c, v, s]) => [c, { viewers: v, samples: s }])) };
}

const engines: { name: string; open(): Promise<[AttentionStorage, AttentionStorage]> }[] = [
  {
    name: 'sqlite',
    open: () => {
      const file = join(dir, `a-${Math.random()}.sqlite`);
      return Promise.resolve([new SqliteAttentionStorage(file), new SqliteAttentionStorage(file)]);
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const url = await postgres.createDatabase(`attention_${Date.now()}`);
      return [await PostgresAttentionStorage.connect({ connectionString: url }), await PostgresAttentionStorage.connect({ connectionString: url })];
    },
  },
];

describe.each(engines)('attention storage: $name', (engine) => {
  it('merges flushes of two nodes into one row per bucket, counting each viewer once', async () => {
    const [a, b] = await engine.open();
    try {
      await Promise.all([
        a.mergeBuckets([bucket(0, ['v1', 'v2'], [[10, 2, 8]], ['v2']), bucket(10, ['v1'], [[11, 1, 3]])]),
        b.mergeBuckets([bucket(0, ['v3', 'v4', 'v1'], [[10, 1, 2], [12, 2, 4]])]),
      ]);
      await a.mergeBuckets([bucket(0, ['v5'], [[10, 1, 1]])]);
      const rows = await b.readBuckets('p', 'l', 0, 100);
      expect(rows.map((r) => r.bucketStart)).toEqual([0, 10]);
      expect(estimateViewers(rows[0]!.viewers)).toBe(5);
      expect(estimateViewers(rows[0]!.turned)).toBe(1);
      expect(Object.fromEntries(rows[0]!.cells)).toEqual({ 10: { viewers: 4, samples: 11 }, 12: { viewers: 2, samples: 4 } });
      expect(await a.readBuckets('p', 'l', 5, 100)).toHaveLength(1);
      expect(await a.readBuckets('p', 'other', 0, 100)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('ViewerBits', () => {
  it('gives each connected viewer its own bit while there are bits to spare, and frees it when the last connection closes', () => {
    const viewerBits = new ViewerBits();
    const held = Array.from({ length: 1024 }, (_, i) => viewerBits.hold(`viewer-${i}`));
    expect(new Set(held).size).toBe(1024);
    const sketch = emptySketch();
    held.forEach((bit) => setBit(sketch, bit));
    expect(estimateViewers(sketch)).toBeGreaterThan(1024);
    // Two tabs of one backer: one bit, held until both close.
    expect(viewerBits.hold('viewer-0')).toBe(held[0]);
    viewerBits.release('viewer-0');
    expect(viewerBits.bitOf('viewer-0')).toBe(held[0]);
    viewerBits.release('viewer-0');
    expect(viewerBits.bitOf('viewer-0')).toBeUndefined();
    expect(viewerBits.hold('newcomer')).toBe(held[0]);
  });
});
