// The PostgreSQL tables: the SQLite ones (sqlite-storage.ts) in PostgreSQL's types. JSON is kept as text, so
// both engines store and return exactly the same bytes.
import pg from 'pg';
import { inTransaction } from './postgres-transaction';

/** Taken while the schema is created, so nodes starting together do not race on CREATE TABLE. */
export const SCHEMA_LOCK_ID = 7_432_009;

export const POSTGRES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS projects (
    id text PRIMARY KEY,
    data text NOT NULL,             -- Project as JSON, as of last_seq
    last_seq integer NOT NULL       -- sequence number of the project's latest event
  );
  CREATE TABLE IF NOT EXISTS events (
    project_id text NOT NULL REFERENCES projects(id),
    seq integer NOT NULL,
    type text NOT NULL,
    payload text NOT NULL,          -- FeedEvent as JSON
    PRIMARY KEY (project_id, seq)
  );
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    caller text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    project_id text NOT NULL,
    seq integer NOT NULL,
    created_at bigint NOT NULL,     -- ms since epoch; keys older than a day are forgotten
    PRIMARY KEY (caller, key)
  );
  CREATE TABLE IF NOT EXISTS backer_tokens (
    token_hash text PRIMARY KEY,    -- sha256 of the token; the token itself is never stored
    grant_json text NOT NULL
  );
  -- Added with backer-code management; older databases get the columns and an id per code here.
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS id text;
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS created_at bigint;
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS revoked_at bigint;
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS hint text;          -- the code's last four characters
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS replaces text;
  ALTER TABLE backer_tokens ADD COLUMN IF NOT EXISTS replaced_by text;
  UPDATE backer_tokens SET id = 'bc_' || substr(md5(random()::text || token_hash), 1, 16),
    created_at = coalesce(created_at, (extract(epoch FROM now()) * 1000)::bigint) WHERE id IS NULL;
  CREATE UNIQUE INDEX IF NOT EXISTS backer_tokens_id ON backer_tokens (id);
  CREATE TABLE IF NOT EXISTS backer_code_keys (
    caller text NOT NULL,
    key_hash text NOT NULL,         -- sha256 of the Idempotency-Key
    request_hash text NOT NULL,
    code_id text NOT NULL,
    sealed text NOT NULL,           -- the issued code, sealed with a key derived from the Idempotency-Key
    created_at bigint NOT NULL,
    PRIMARY KEY (caller, key_hash)
  );
`;

export interface PostgresPoolOptions {
  connectionString: string;
  poolSize?: number;
  onError?: (err: Error) => void;
}

/**
 * A pool for one PostgreSQL store, its tables created (each statement in `schemas`, in order) under the schema lock.
 * A pool whose schema cannot be made is closed before the error is thrown.
 */
export async function openSchemaPool(options: PostgresPoolOptions, defaultPoolSize: number, ...schemas: string[]): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? defaultPoolSize });
  // Without a listener, an idle connection's error would crash the process.
  pool.on('error', (err) => options.onError?.(err));
  try {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_ID]);
      for (const schema of schemas) await client.query(schema);
    });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return pool;
}
