// The default storage: one SQLite file (WAL), so the demo needs no database server and a restart loses nothing.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FeedEvent, Project, type Milestone, type MilestoneInput, type ProjectSnapshot } from '../../protocol';
import type { FeedStorage } from './feed-storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projects (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,          -- Project as JSON
    last_seq INTEGER NOT NULL    -- sequence number of the project's latest event
  );
  CREATE TABLE IF NOT EXISTS events (
    project_id TEXT NOT NULL REFERENCES projects(id),
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,       -- FeedEvent as JSON
    PRIMARY KEY (project_id, seq)
  ) WITHOUT ROWID;
`;

export class SqliteFeedStorage implements FeedStorage {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL + NORMAL survives a killed process (only a power cut can lose the last commits) and keeps writes fast.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      getProject: this.db.prepare<[string], { data: string; last_seq: number }>('SELECT data, last_seq FROM projects WHERE id = ?'),
      insertProject: this.db.prepare('INSERT OR IGNORE INTO projects (id, data, last_seq) VALUES (?, ?, 0)'),
      nextSeq: this.db.prepare<[string], { last_seq: number }>('UPDATE projects SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq'),
      insertEvent: this.db.prepare('INSERT INTO events (project_id, seq, type, payload) VALUES (?, ?, ?, ?)'),
      eventsAfter: this.db.prepare<[string, number, number], { payload: string }>(
        'SELECT payload FROM events WHERE project_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      latestMilestones: this.db.prepare<[string, number], { payload: string }>(
        "SELECT payload FROM events WHERE project_id = ? AND type = 'milestone' ORDER BY seq DESC LIMIT ?",
      ),
    };
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

  appendMilestone(projectId: string, input: MilestoneInput, receivedAt: Date): Promise<FeedEvent | undefined> {
    const append = this.db.transaction((): FeedEvent | undefined => {
      const next = this.statements.nextSeq.get(projectId);
      if (!next) return undefined;
      const seq = next.last_seq;
      const received = receivedAt.toISOString();
      const milestone: Milestone = {
        id: `${projectId}-${seq}`,
        seq,
        kind: input.kind,
        title: input.title,
        ...(input.body ? { body: input.body } : {}),
        occurredAt: input.occurredAt ?? received,
        receivedAt: received,
      };
      const event: FeedEvent = { type: 'milestone', projectId, seq, milestone };
      this.statements.insertEvent.run(projectId, seq, event.type, JSON.stringify(event));
      return event;
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
        .map((r) => FeedEvent.parse(JSON.parse(r.payload)).milestone)
        .reverse();
      return { project: Project.parse(JSON.parse(row.data)), milestones, seq: row.last_seq };
    });
    return Promise.resolve(read());
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
