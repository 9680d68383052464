// The default storage: one SQLite file (WAL), so the demo needs no database server and a restart loses nothing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FeedEvent, Project, type ProjectSnapshot, type ProjectUpdateInput } from '../../protocol';
import { applyToProject } from '../../protocol/project-state';
import { buildEvent } from './build-event';
import { newBackerToken } from './backer-code-storage';
import type { AccessStorage, AppendResult, BackerGrant, FeedStorage, IdempotencyClaim } from './feed-storage';
import { SqliteBackerCodes } from './sqlite-backer-codes';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projects (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,          -- Project as JSON, as of last_seq
    last_seq INTEGER NOT NULL    -- sequence number of the project's latest event
  );
  CREATE TABLE IF NOT EXISTS events (
    project_id TEXT NOT NULL REFERENCES projects(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,       -- FeedEvent as JSON
    PRIMARY KEY (project_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    caller TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    project_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL, -- ms since epoch; keys older than KEY_TTL_MS are forgotten
    PRIMARY KEY (caller, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS backer_tokens (
    token_hash TEXT PRIMARY KEY, -- sha256 of the token; the token itself is never stored
    grant_json TEXT NOT NULL     -- further columns: sqlite-backer-codes.ts
  );
`;

/** How long a retry with the same idempotency key is recognized. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

export class SqliteFeedStorage implements FeedStorage, AccessStorage {
  private readonly db: Database.Database;
  private readonly statements;
  readonly backerCodes: SqliteBackerCodes;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL + NORMAL survives a killed process (only a power cut can lose the last commits) and keeps writes fast.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      getProject: this.db.prepare<[string], { data: string; last_seq: number }>('SELECT data, last_seq FROM projects WHERE id = ?'),
      insertProject: this.db.prepare('INSERT OR IGNORE INTO projects (id, data, last_seq) VALUES (?, ?, 0)'),
      updateProject: this.db.prepare('UPDATE projects SET data = ?, last_seq = ? WHERE id = ?'),
      insertEvent: this.db.prepare('INSERT INTO events (project_id, seq, type, payload) VALUES (?, ?, ?, ?)'),
      getEvent: this.db.prepare<[string, number], { payload: string }>('SELECT payload FROM events WHERE project_id = ? AND seq = ?'),
      eventsAfter: this.db.prepare<[string, number, number], { payload: string }>(
        'SELECT payload FROM events WHERE project_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      latestMilestones: this.db.prepare<[string, number], { payload: string }>(
        "SELECT payload FROM events WHERE project_id = ? AND type = 'milestone' ORDER BY seq DESC LIMIT ?",
      ),
      findKey: this.db.prepare<[string, string, number], { request_hash: string; project_id: string; seq: number }>(
        'SELECT request_hash, project_id, seq FROM idempotency_keys WHERE caller = ? AND key = ? AND created_at > ?',
      ),
      putKey: this.db.prepare('INSERT OR REPLACE INTO idempotency_keys (caller, key, request_hash, project_id, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      expireKeys: this.db.prepare('DELETE FROM idempotency_keys WHERE created_at <= ?'),
    };
    this.backerCodes = new SqliteBackerCodes(this.db);
  }

  getProject(projectId: string): Promise<Project | undefined> {
    const row = this.statements.getProject.get(projectId);
    return Promise.resolve(row ? Project.parse(JSON.parse(row.data)) : undefined);
  }

  latestSeq(projectId: string): Promise<number | undefined> {
    return Promise.resolve(this.statements.getProject.get(projectId)?.last_seq);
  }

  ensureProject(project: Project): Promise<boolean> {
    const result = this.statements.insertProject.run(project.id, JSON.stringify(Project.parse(project)));
    return Promise.resolve(result.changes === 1);
  }

  appendEvent(projectId: string, input: ProjectUpdateInput, receivedAt: Date, idempotency?: IdempotencyClaim): Promise<AppendResult> {
    const now = receivedAt.getTime();
    // IMMEDIATE: take the write lock first, so two writers can never read the same last_seq.
    const append = this.db.transaction((): AppendResult => {
      if (idempotency) {
        const previous = this.statements.findKey.get(idempotency.callerId, idempotency.key, now - KEY_TTL_MS);
        if (previous) {
          if (previous.request_hash !== idempotency.requestHash) return { kind: 'key-conflict' };
          const row = this.statements.getEvent.get(previous.project_id, previous.seq);
          if (row) return { kind: 'replayed', event: FeedEvent.parse(JSON.parse(row.payload)) };
        }
      }
      const row = this.statements.getProject.get(projectId);
      if (!row) return { kind: 'unknown-project' };
      const seq = row.last_seq + 1;
      const event = buildEvent(projectId, seq, input, receivedAt.toISOString());
      const project = applyToProject(Project.parse(JSON.parse(row.data)), event);
      this.statements.insertEvent.run(projectId, seq, event.type, JSON.stringify(event));
      this.statements.updateProject.run(JSON.stringify(project), seq, projectId);
      if (idempotency) {
        this.statements.putKey.run(idempotency.callerId, idempotency.key, idempotency.requestHash, projectId, seq, now);
        if (seq % 1000 === 0) this.statements.expireKeys.run(now - KEY_TTL_MS);
      }
      return { kind: 'stored', event };
    });
    return Promise.resolve(append.immediate());
  }

  eventsAfter(projectId: string, afterSeq: number, limit: number): Promise<FeedEvent[]> {
    const rows = this.statements.eventsAfter.all(projectId, afterSeq, limit);
    return Promise.resolve(rows.map((row) => FeedEvent.parse(JSON.parse(row.payload))));
  }

  snapshot(projectId: string, milestoneLimit: number): Promise<ProjectSnapshot | undefined> {
    // One read transaction, so the project row, its milestones and seq describe the same moment.
    const read = this.db.transaction((): ProjectSnapshot | undefined => {
      const row = this.statements.getProject.get(projectId);
      if (!row) return undefined;
      const milestones = this.statements.latestMilestones
        .all(projectId, milestoneLimit)
        .map((r) => FeedEvent.parse(JSON.parse(r.payload)))
        .flatMap((event) => (event.type === 'milestone' ? [event.milestone] : []))
        .reverse();
      return { project: Project.parse(JSON.parse(row.data)), milestones, seq: row.last_seq };
    });
    return Promise.resolve(read());
  }

  async createBackerToken(grant: BackerGrant): Promise<string> {
    const token = newBackerToken();
    await this.backerCodes.issueBackerCode(token, grant, new Date());
    return token;
  }

  ensureBackerToken(token: string, grant: BackerGrant): Promise<void> {
    this.backerCodes.ensure(token, grant);
    return Promise.resolve();
  }

  async findBackerToken(token: string): Promise<BackerGrant | undefined> {
    return (await this.backerCodes.findBackerCode(token))?.grant;
  }


  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

