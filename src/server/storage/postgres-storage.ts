// PostgreSQL storage (DATABASE_URL=postgres://…) for several feed nodes sharing one database. Same tables and
// rules as the SQLite default; what changes is how concurrent writers on different nodes are kept in line:
// each append locks its project's row (SELECT … FOR UPDATE) in the transaction that numbers, stores and
// records the event, so sequence numbers stay gap-free and strictly increasing per project whatever the number
// of nodes, and an idempotency key is locked (advisory lock) before the project, so a retry sent to two nodes
// at once is stored once.
import type pg from 'pg';
import { FeedEvent, Project, type ProjectSnapshot, type ProjectUpdateInput } from '../../protocol';
import { applyToProject } from '../../protocol/project-state';
import { buildEvent } from './build-event';
import { newBackerToken } from './backer-code-storage';
import type { AccessStorage, AppendResult, BackerGrant, FeedStorage, IdempotencyClaim } from './feed-storage';
import { PostgresBackerCodes } from './postgres-backer-codes';
import { openSchemaPool, POSTGRES_SCHEMA } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

/** How long a retry with the same idempotency key is recognized (as in SQLite). */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface PostgresStorageOptions {
  connectionString: string;
  /** Connections this node keeps open; every node has its own pool, so mind the server's max_connections. */
  poolSize?: number;
  /** Called when an idle pooled connection fails (the database restarted, the network dropped). */
  onError?: (err: Error) => void;
}


export class PostgresFeedStorage implements FeedStorage, AccessStorage {
  readonly backerCodes: PostgresBackerCodes;

  private constructor(private readonly pool: pg.Pool) {
    this.backerCodes = new PostgresBackerCodes(pool, (work) => inTransaction(pool, work));
  }

  /** Connects and creates the tables when missing (several nodes starting at once take turns). */
  static async connect(options: PostgresStorageOptions): Promise<PostgresFeedStorage> {
    return new PostgresFeedStorage(await openSchemaPool(options, 10, POSTGRES_SCHEMA));
  }

  async getProject(projectId: string): Promise<Project | undefined> {
    const { rows } = await this.pool.query<{ data: string }>('SELECT data FROM projects WHERE id = $1', [projectId]);
    return rows[0] ? Project.parse(JSON.parse(rows[0].data)) : undefined;
  }

  async latestSeq(projectId: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ last_seq: number }>('SELECT last_seq FROM projects WHERE id = $1', [projectId]);
    return rows[0]?.last_seq;
  }

  async ensureProject(project: Project): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO projects (id, data, last_seq) VALUES ($1, $2, 0) ON CONFLICT (id) DO NOTHING', [
      project.id,
      JSON.stringify(Project.parse(project)),
    ]);
    return result.rowCount === 1;
  }

  appendEvent(projectId: string, input: ProjectUpdateInput, receivedAt: Date, idempotency?: IdempotencyClaim): Promise<AppendResult> {
    const now = receivedAt.getTime();
    return inTransaction(this.pool, async (client): Promise<AppendResult> => {
      if (idempotency) {
        // Always the key before the project: one lock order, so two appends never wait on each other in a circle.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${idempotency.callerId}\n${idempotency.key}`]);
        const previous = await client.query<{ request_hash: string; project_id: string; seq: number }>(
          'SELECT request_hash, project_id, seq FROM idempotency_keys WHERE caller = $1 AND key = $2 AND created_at > $3',
          [idempotency.callerId, idempotency.key, now - KEY_TTL_MS],
        );
        const row = previous.rows[0];
        if (row) {
          if (row.request_hash !== idempotency.requestHash) return { kind: 'key-conflict' };
          const stored = await client.query<{ payload: string }>('SELECT payload FROM events WHERE project_id = $1 AND seq = $2', [row.project_id, row.seq]);
          if (stored.rows[0]) return { kind: 'replayed', event: FeedEvent.parse(JSON.parse(stored.rows[0].payload)) };
        }
      }
      // The row lock makes writers on every node take turns on this project; the next one reads our last_seq.
      const current = await client.query<{ data: string; last_seq: number }>('SELECT data, last_seq FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
      const row = current.rows[0];
      if (!row) return { kind: 'unknown-project' };
      const seq = row.last_seq + 1;
      const event = buildEvent(projectId, seq, input, receivedAt.toISOString());
      const project = applyToProject(Project.parse(JSON.parse(row.data)), event);
      await client.query('INSERT INTO events (project_id, seq, type, payload) VALUES ($1, $2, $3, $4)', [projectId, seq, event.type, JSON.stringify(event)]);
      await client.query('UPDATE projects SET data = $1, last_seq = $2 WHERE id = $3', [JSON.stringify(project), seq, projectId]);
      if (idempotency) {
        await client.query(
          `INSERT INTO idempotency_keys (caller, key, request_hash, project_id, seq, created_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (caller, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, project_id = EXCLUDED.project_id,
             seq = EXCLUDED.seq, created_at = EXCLUDED.created_at`,
          [idempotency.callerId, idempotency.key, idempotency.requestHash, projectId, seq, now],
        );
        if (seq % 1000 === 0) await client.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [now - KEY_TTL_MS]);
      }
      return { kind: 'stored', event };
    });
  }

  async eventsAfter(projectId: string, afterSeq: number, limit: number): Promise<FeedEvent[]> {
    const { rows } = await this.pool.query<{ payload: string }>(
      'SELECT payload FROM events WHERE project_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [projectId, afterSeq, limit],
    );
    return rows.map((row) => FeedEvent.parse(JSON.parse(row.payload)));
  }

  snapshot(projectId: string, milestoneLimit: number): Promise<ProjectSnapshot | undefined> {
    // One repeatable-read transaction, so the project row, its milestones and seq describe the same moment
    // even while another node appends.
    return inTransaction(
      this.pool,
      async (client) => {
        const current = await client.query<{ data: string; last_seq: number }>('SELECT data, last_seq FROM projects WHERE id = $1', [projectId]);
        const row = current.rows[0];
        if (!row) return undefined;
        const latest = await client.query<{ payload: string }>(
          "SELECT payload FROM events WHERE project_id = $1 AND type = 'milestone' ORDER BY seq DESC LIMIT $2",
          [projectId, milestoneLimit],
        );
        const milestones = latest.rows
          .map((r) => FeedEvent.parse(JSON.parse(r.payload)))
          .flatMap((event) => (event.type === 'milestone' ? [event.milestone] : []))
          .reverse();
        return { project: Project.parse(JSON.parse(row.data)), milestones, seq: row.last_seq };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async createBackerToken(grant: BackerGrant): Promise<string> {
    const token = newBackerToken();
    await this.backerCodes.issueBackerCode(token, grant, new Date());
    return token;
  }

  ensureBackerToken(token: string, grant: BackerGrant): Promise<void> {
    return this.backerCodes.ensure(token, grant);
  }

  async findBackerToken(token: string): Promise<BackerGrant | undefined> {
    return (await this.backerCodes.findBackerCode(token))?.grant;
  }


  /** Connections open and waiting callers, for /metrics. */
  poolStats(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

