// A circle's recent messages in SQLite, on the circle store's own connection (sqlite-circle-storage.ts).
import type Database from 'better-sqlite3';
import { MESSAGE_COLUMNS, messageOfRow, messageValues, type CircleMessageRecord, type CircleMessageStorage, type MessageRow } from './circle-message-storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS circle_messages (
    circle_id TEXT NOT NULL,
    id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    at INTEGER NOT NULL,           -- ms since the epoch
    text TEXT,                     -- a typed message, or
    phrase TEXT,                   -- a quick reply's id
    reported INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (circle_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS circle_messages_at ON circle_messages (circle_id, at);
`;

export class SqliteCircleMessages implements CircleMessageStorage {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = {
      insert: db.prepare(`INSERT INTO circle_messages (${MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      // Keeps the newest `keep` (by time, then id): older ones go as new ones come.
      prune: db.prepare(
        'DELETE FROM circle_messages WHERE circle_id = ? AND id NOT IN (SELECT id FROM circle_messages WHERE circle_id = ? ORDER BY at DESC, id DESC LIMIT ?)',
      ),
      recent: db.prepare<[string, number], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM circle_messages WHERE circle_id = ? ORDER BY at DESC, id DESC LIMIT ?`),
      get: db.prepare<[string, string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM circle_messages WHERE circle_id = ? AND id = ?`),
      report: db.prepare('UPDATE circle_messages SET reported = 1 WHERE circle_id = ? AND id = ?'),
      delete: db.prepare('DELETE FROM circle_messages WHERE circle_id = ? AND id = ?'),
      deleteAll: db.prepare('DELETE FROM circle_messages WHERE circle_id = ?'),
    };
  }

  addMessage(message: CircleMessageRecord, keep: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.insert.run(...messageValues(message));
      this.statements.prune.run(message.circleId, message.circleId, keep);
    }).immediate();
    return Promise.resolve();
  }

  recentMessages(circleId: string, limit: number): Promise<CircleMessageRecord[]> {
    return Promise.resolve(this.statements.recent.all(circleId, limit).map(messageOfRow).reverse());
  }

  getMessage(circleId: string, messageId: string): Promise<CircleMessageRecord | undefined> {
    const row = this.statements.get.get(circleId, messageId);
    return Promise.resolve(row ? messageOfRow(row) : undefined);
  }

  markReported(circleId: string, messageId: string): Promise<boolean> {
    return Promise.resolve(this.statements.report.run(circleId, messageId).changes === 1);
  }

  deleteMessage(circleId: string, messageId: string): Promise<boolean> {
    return Promise.resolve(this.statements.delete.run(circleId, messageId).changes === 1);
  }

  deleteMessages(circleId: string): Promise<void> {
    this.statements.deleteAll.run(circleId);
    return Promise.resolve();
  }
}
