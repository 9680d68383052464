// A circle's recent messages in PostgreSQL, on the circle store's pool (postgres-circle-storage.ts): the SQLite
// table and rules (sqlite-circle-messages.ts). Its schema is created with the circles' own, under the same lock.
import type pg from 'pg';
import { MESSAGE_COLUMNS, messageOfRow, messageValues, type CircleMessageRecord, type CircleMessageStorage, type MessageRow } from './circle-message-storage';
import { inTransaction } from './postgres-transaction';

export const CIRCLE_MESSAGES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS circle_messages (
    circle_id text NOT NULL,
    id text NOT NULL,
    member_id text NOT NULL,
    name text NOT NULL,
    at bigint NOT NULL,
    text text,
    phrase text,
    reported integer NOT NULL DEFAULT 0,
    PRIMARY KEY (circle_id, id)
  );
  CREATE INDEX IF NOT EXISTS circle_messages_at ON circle_messages (circle_id, at);
`;

export class PostgresCircleMessages implements CircleMessageStorage {
  constructor(private readonly pool: pg.Pool) {}

  addMessage(message: CircleMessageRecord, keep: number): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO circle_messages (${MESSAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, messageValues(message));
      await client.query(
        'DELETE FROM circle_messages WHERE circle_id = $1 AND id NOT IN (SELECT id FROM circle_messages WHERE circle_id = $1 ORDER BY at DESC, id DESC LIMIT $2)',
        [message.circleId, keep],
      );
    });
  }

  async recentMessages(circleId: string, limit: number): Promise<CircleMessageRecord[]> {
    const { rows } = await this.pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM circle_messages WHERE circle_id = $1 ORDER BY at DESC, id DESC LIMIT $2`, [circleId, limit]);
    return rows.map(messageOfRow).reverse();
  }

  async getMessage(circleId: string, messageId: string): Promise<CircleMessageRecord | undefined> {
    const row = (await this.pool.query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM circle_messages WHERE circle_id = $1 AND id = $2`, [circleId, messageId])).rows[0];
    return row ? messageOfRow(row) : undefined;
  }

  async markReported(circleId: string, messageId: string): Promise<boolean> {
    return ((await this.pool.query('UPDATE circle_messages SET reported = 1 WHERE circle_id = $1 AND id = $2', [circleId, messageId])).rowCount ?? 0) === 1;
  }

  async deleteMessage(circleId: string, messageId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM circle_messages WHERE circle_id = $1 AND id = $2', [circleId, messageId])).rowCount ?? 0) === 1;
  }

  async deleteMessages(circleId: string): Promise<void> {
    await this.pool.query('DELETE FROM circle_messages WHERE circle_id = $1', [circleId]);
  }
}
