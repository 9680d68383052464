// Circles in SQLite (WAL), in the same file as the feed by default but through their own connection and tables.
// Every change is one transaction: a restart loses nothing that was acknowledged, so a circle's playback, host
// and members are there again after it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CIRCLE_COLUMNS, MEMBER_COLUMNS, applyChanges, circleOfRow, circleValues, memberOfRow, memberValues, type CircleRow, type MemberRow } from './circle-rows';
import type { AddMemberResult, CircleChanges, CircleMessageRecord, CircleRecord, CircleStorage, MemberRecord } from './circle-storage';
import { SqliteCircleMessages } from './sqlite-circle-messages';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS circles (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    host_id TEXT NOT NULL,
    control TEXT NOT NULL,
    max_members INTEGER NOT NULL,
    playback_json TEXT NOT NULL,   -- CirclePlayback: the shared anchor
    waiting_json TEXT,             -- who the circle waits for, while it does
    status TEXT NOT NULL,          -- open | ended | expired
    rev INTEGER NOT NULL,
    created_at INTEGER NOT NULL,   -- ms since the epoch
    active_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS circles_idle ON circles (status, active_at);
  CREATE TABLE IF NOT EXISTS circle_members (
    circle_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    device TEXT NOT NULL,
    key_hash TEXT NOT NULL,        -- sha256 of the member key
    joined_at INTEGER NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (circle_id, id)
  ) WITHOUT ROWID;
`;

export class SqliteCircleStorage implements CircleStorage {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly messages: SqliteCircleMessages;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // The feed's and the meet-ups' connections write the same file: wait for their lock rather than fail.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.messages = new SqliteCircleMessages(this.db);
    this.statements = {
      insertCircle: this.db.prepare(`INSERT OR IGNORE INTO circles (${CIRCLE_COLUMNS}) VALUES (${marks(12)})`),
      get: this.db.prepare<[string], CircleRow>(`SELECT ${CIRCLE_COLUMNS} FROM circles WHERE id = ?`),
      byCode: this.db.prepare<[string], CircleRow>(`SELECT ${CIRCLE_COLUMNS} FROM circles WHERE code = ?`),
      update: this.db.prepare(
        'UPDATE circles SET host_id = ?, control = ?, playback_json = ?, waiting_json = ?, status = ?, rev = ?, active_at = ? WHERE id = ? AND rev = ?',
      ),
      idle: this.db.prepare<[number, number], { id: string }>("SELECT id FROM circles WHERE status = 'open' AND active_at < ? LIMIT ?"),
      insertMember: this.db.prepare(`INSERT INTO circle_members (${MEMBER_COLUMNS}) VALUES (${marks(7)})`),
      members: this.db.prepare<[string], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM circle_members WHERE circle_id = ? AND removed = 0 ORDER BY joined_at, id`),
      allMembers: this.db.prepare<[string], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM circle_members WHERE circle_id = ? ORDER BY joined_at, id`),
      member: this.db.prepare<[string, string], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM circle_members WHERE circle_id = ? AND id = ?`),
      count: this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM circle_members WHERE circle_id = ? AND removed = 0'),
      deleteMember: this.db.prepare('DELETE FROM circle_members WHERE circle_id = ? AND id = ?'),
      markRemoved: this.db.prepare('UPDATE circle_members SET removed = 1 WHERE circle_id = ? AND id = ? AND removed = 0'),
    };
  }

  createCircle(circle: CircleRecord, host: MemberRecord): Promise<'created' | 'code-taken'> {
    const create = this.db.transaction(() => {
      // Ids are random (never taken in practice); a taken code is the case that happens.
      if (this.statements.insertCircle.run(...circleValues(circle)).changes === 0) return 'code-taken' as const;
      this.statements.insertMember.run(...memberValues(host));
      return 'created' as const;
    });
    return Promise.resolve(create.immediate());
  }

  getCircle(circleId: string): Promise<CircleRecord | undefined> {
    const row = this.statements.get.get(circleId);
    return Promise.resolve(row ? circleOfRow(row) : undefined);
  }

  findByCode(code: string): Promise<CircleRecord | undefined> {
    const row = this.statements.byCode.get(code);
    return Promise.resolve(row ? circleOfRow(row) : undefined);
  }

  members(circleId: string, includeRemoved = false): Promise<MemberRecord[]> {
    return Promise.resolve((includeRemoved ? this.statements.allMembers : this.statements.members).all(circleId).map(memberOfRow));
  }

  getMember(circleId: string, memberId: string): Promise<MemberRecord | undefined> {
    const row = this.statements.member.get(circleId, memberId);
    return Promise.resolve(row ? memberOfRow(row) : undefined);
  }

  addMember(member: MemberRecord, maxMembers: number): Promise<AddMemberResult> {
    const add = this.db.transaction((): AddMemberResult => {
      if (this.statements.get.get(member.circleId)?.status !== 'open') return 'closed';
      if (this.statements.count.get(member.circleId)!.n >= maxMembers) return 'full';
      this.statements.insertMember.run(...memberValues(member));
      return 'added';
    });
    return Promise.resolve(add.immediate());
  }

  deleteMember(circleId: string, memberId: string): Promise<boolean> {
    return Promise.resolve(this.statements.deleteMember.run(circleId, memberId).changes === 1);
  }

  markRemoved(circleId: string, memberId: string): Promise<boolean> {
    return Promise.resolve(this.statements.markRemoved.run(circleId, memberId).changes === 1);
  }

  updateCircle(circleId: string, expectedRev: number, changes: CircleChanges): Promise<CircleRecord | undefined> {
    const update = this.db.transaction((): CircleRecord | undefined => {
      const row = this.statements.get.get(circleId);
      if (!row || Number(row.rev) !== expectedRev) return undefined;
      const next = applyChanges(circleOfRow(row), changes);
      const written = this.statements.update.run(
        next.hostId, next.control, JSON.stringify(next.playback), next.waiting ? JSON.stringify(next.waiting) : null, next.status, next.rev, next.activeAt, circleId, expectedRev,
      );
      return written.changes === 1 ? next : undefined;
    });
    return Promise.resolve(update.immediate());
  }

  idleCircles(before: number, limit: number): Promise<string[]> {
    return Promise.resolve(this.statements.idle.all(before, limit).map((r) => r.id));
  }

  addMessage(message: CircleMessageRecord, keep: number): Promise<void> {
    return this.messages.addMessage(message, keep);
  }

  recentMessages(circleId: string, limit: number): Promise<CircleMessageRecord[]> {
    return this.messages.recentMessages(circleId, limit);
  }

  getMessage(circleId: string, messageId: string): Promise<CircleMessageRecord | undefined> {
    return this.messages.getMessage(circleId, messageId);
  }

  markReported(circleId: string, messageId: string): Promise<boolean> {
    return this.messages.markReported(circleId, messageId);
  }

  deleteMessage(circleId: string, messageId: string): Promise<boolean> {
    return this.messages.deleteMessage(circleId, messageId);
  }

  deleteMessages(circleId: string): Promise<void> {
    return this.messages.deleteMessages(circleId);
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
