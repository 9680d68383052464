// Attention aggregates in PostgreSQL, for several nodes sharing one database: the SQLite table
// (sqlite-attention-storage.ts) with a row lock around each read-modify-write, taken in key order, so two nodes
// flushing the same bucket at once both count and never deadlock.
import type pg from 'pg';
import { sketchToBase64 } from '../attention/viewer-sketch';
import { openSchemaPool, type PostgresPoolOptions } from './postgres-schema';
import { bucketOfRow, mergeInto, type AttentionRow } from './sqlite-attention-storage';
import { cellsToJson, type AttentionBucket, type AttentionStorage } from './attention-storage';
import { inTransaction } from './postgres-transaction';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS attention_buckets (
    project_id text NOT NULL,
    location_id text NOT NULL,
    bucket_start double precision NOT NULL,
    viewers_sketch text NOT NULL,
    turned_sketch text NOT NULL,
    cells_json text NOT NULL,
    PRIMARY KEY (project_id, location_id, bucket_start)
  );
`;

export class PostgresAttentionStorage implements AttentionStorage {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(options: PostgresPoolOptions): Promise<PostgresAttentionStorage> {
    return new PostgresAttentionStorage(await openSchemaPool(options, 2, SCHEMA));
  }

  async mergeBuckets(buckets: AttentionBucket[]): Promise<void> {
    if (buckets.length === 0) return;
    const ordered = [...buckets].sort((a, b) => a.projectId.localeCompare(b.projectId) || a.locationId.localeCompare(b.locationId) || a.bucketStart - b.bucketStart);
    await inTransaction(this.pool, async (client) => {
      for (const bucket of ordered) {
        const key = [bucket.projectId, bucket.locationId, bucket.bucketStart];
        await client.query(
          `INSERT INTO attention_buckets (project_id, location_id, bucket_start, viewers_sketch, turned_sketch, cells_json) VALUES ($1, $2, $3, '', '', '{}')
           ON CONFLICT DO NOTHING`,
          key,
        );
        const had = (await client.query<AttentionRow>('SELECT * FROM attention_buckets WHERE project_id = $1 AND location_id = $2 AND bucket_start = $3 FOR UPDATE', key)).rows[0]!;
        const merged = mergeInto(bucketOfRow(had), bucket);
        await client.query('UPDATE attention_buckets SET viewers_sketch = $4, turned_sketch = $5, cells_json = $6 WHERE project_id = $1 AND location_id = $2 AND bucket_start = $3', [
          ...key,
          sketchToBase64(merged.viewers),
          sketchToBase64(merged.turned),
          cellsToJson(merged.cells),
        ]);
      }
    });
  }

  async readBuckets(projectId: string, locationId: string, from: number, to: number): Promise<AttentionBucket[]> {
    const rows = await this.pool.query<AttentionRow>('SELECT * FROM attention_buckets WHERE project_id = $1 AND location_id = $2 AND bucket_start >= $3 AND bucket_start < $4 ORDER BY bucket_start', [
      projectId,
      locationId,
      from,
      to,
    ]);
    return rows.rows.map(bucketOfRow);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

