// Attention aggregates in SQLite (WAL), in the feed's file by default through a connection of their own. One row
// per project, location and bucket of media time: cells as JSON, the two viewer sketches as base64 text (the same
// bytes PostgreSQL keeps). A merge reads and rewrites its rows in one transaction (SQLite has one writer).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { mergeSketch, sketchFromBase64, sketchToBase64 } from '../attention/viewer-sketch';
import { addCells, cellsFromJson, cellsToJson, type AttentionBucket, type AttentionStorage } from './attention-storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS attention_buckets (
    project_id TEXT NOT NULL,
    location_id TEXT NOT NULL,
    bucket_start REAL NOT NULL,   -- media seconds
    viewers_sketch TEXT NOT NULL, -- base64 of a 1,024-bit distinct-viewer sketch; no viewer id is stored
    turned_sketch TEXT NOT NULL,
    cells_json TEXT NOT NULL,     -- {"cell": [viewers, samples]}
    PRIMARY KEY (project_id, location_id, bucket_start)
  ) WITHOUT ROWID;
`;

export interface AttentionRow {
  project_id: string;
  location_id: string;
  bucket_start: number;
  viewers_sketch: string;
  turned_sketch: string;
  cells_json: string;
}

export class SqliteAttentionStorage implements AttentionStorage {
  private readonly db: Database.Database;
  private readonly merge: (buckets: AttentionBucket[]) => void;
  private readonly select: Database.Statement<[string, string, number, number], AttentionRow>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const one = this.db.prepare<[string, string, number], AttentionRow>('SELECT * FROM attention_buckets WHERE project_id = ? AND location_id = ? AND bucket_start = ?');
    const upsert = this.db.prepare(
      `INSERT INTO attention_buckets (project_id, location_id, bucket_start, viewers_sketch, turned_sketch, cells_json) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (project_id, location_id, bucket_start) DO UPDATE SET viewers_sketch = excluded.viewers_sketch, turned_sketch = excluded.turned_sketch, cells_json = excluded.cells_json`,
    );
    this.select = this.db.prepare('SELECT * FROM attention_buckets WHERE project_id = ? AND location_id = ? AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start');
    this.merge = this.db.transaction((buckets: AttentionBucket[]) => {
      for (const bucket of buckets) {
        const had = one.get(bucket.projectId, bucket.locationId, bucket.bucketStart);
        const merged = had ? mergeInto(bucketOfRow(had), bucket) : bucket;
        upsert.run(bucket.projectId, bucket.locationId, bucket.bucketStart, sketchToBase64(merged.viewers), sketchToBase64(merged.turned), cellsToJson(merged.cells));
      }
    });
  }

  mergeBuckets(buckets: AttentionBucket[]): Promise<void> {
    this.merge(buckets);
    return Promise.resolve();
  }

  readBuckets(projectId: string, locationId: string, from: number, to: number): Promise<AttentionBucket[]> {
    return Promise.resolve(this.select.all(projectId, locationId, from, to).map(bucketOfRow));
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

export function bucketOfRow(row: AttentionRow): AttentionBucket {
  return {
    projectId: row.project_id,
    locationId: row.location_id,
    bucketStart: Number(row.bucket_start),
    viewers: sketchFromBase64(row.viewers_sketch),
    turned: sketchFromBase64(row.turned_sketch),
    cells: cellsFromJson(row.cells_json),
  };
}

/** `into` with `delta` added: cells summed, sketches ORed. */
export function mergeInto(into: AttentionBucket, delta: AttentionBucket): AttentionBucket {
  mergeSketch(into.viewers, delta.viewers);
  mergeSketch(into.turned, delta.turned);
  addCells(into.cells, delta.cells);
  return into;
}
