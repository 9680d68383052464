// Circles in PostgreSQL, for several nodes sharing one database: the SQLite tables (sqlite-circle-storage.ts)
// and rules. A member is added under a lock on the circle's row (so joins on two nodes cannot pass the size
// limit together); a change of the circle is a compare-and-set on its `rev`.
import type pg from 'pg';
import { CIRCLE_COLUMNS, MEMBER_COLUMNS, applyChanges, circleOfRow, circleValues, memberOfRow, memberValues, type CircleRow, type MemberRow } from './circle-rows';
import type { AddMemberResult, CircleChanges, CircleMessageRecord, CircleRecord, CircleStorage, MemberRecord } from './circle-storage';
import { CIRCLE_MESSAGES_SCHEMA, PostgresCircleMessages } from './postgres-circle-messages';
import { openSchemaPool, type PostgresPoolOptions } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS circles (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    project_id text NOT NULL,
    host_id text NOT NULL,
    control text NOT NULL,
    max_members integer NOT NULL,
    playback_json text NOT NULL,
    waiting_json text,
    status text NOT NULL,
    rev integer NOT NULL,
    created_at bigint NOT NULL,
    active_at bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS circles_idle ON circles (status, active_at);
  CREATE TABLE IF NOT EXISTS circle_members (
    circle_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    device text NOT NULL,
    key_hash text NOT NULL,
    joined_at bigint NOT NULL,
    removed integer NOT NULL DEFAULT 0,
    PRIMARY KEY (circle_id, id)
  );
`;

const params = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

export class PostgresCircleStorage implements CircleStorage {
  private readonly messages: PostgresCircleMessages;

  private constructor(private readonly pool: pg.Pool) {
    this.messages = new PostgresCircleMessages(pool);
  }

  static async connect(options: PostgresPoolOptions): Promise<PostgresCircleStorage> {
    return new PostgresCircleStorage(await openSchemaPool(options, 4, SCHEMA, CIRCLE_MESSAGES_SCHEMA));
  }

  createCircle(circle: CircleRecord, host: MemberRecord): Promise<'created' | 'code-taken'> {
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query(`INSERT INTO circles (${CIRCLE_COLUMNS}) VALUES (${params(12)}) ON CONFLICT DO NOTHING`, circleValues(circle));
      if (inserted.rowCount === 0) return 'code-taken' as const;
      await client.query(`INSERT INTO circle_members (${MEMBER_COLUMNS}) VALUES (${params(7)})`, memberValues(host));
      return 'created' as const;
    });
  }

  async getCircle(circleId: string): Promise<CircleRecord | undefined> {
    const row = (await this.pool.query<CircleRow>(`SELECT ${CIRCLE_COLUMNS} FROM circles WHERE id = $1`, [circleId])).rows[0];
    return row ? circleOfRow(row) : undefined;
  }

  async findByCode(code: string): Promise<CircleRecord | undefined> {
    const row = (await this.pool.query<CircleRow>(`SELECT ${CIRCLE_COLUMNS} FROM circles WHERE code = $1`, [code])).rows[0];
    return row ? circleOfRow(row) : undefined;
  }

  async members(circleId: string, includeRemoved = false): Promise<MemberRecord[]> {
    const filter = includeRemoved ? '' : 'AND removed = 0';
    const { rows } = await this.pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM circle_members WHERE circle_id = $1 ${filter} ORDER BY joined_at, id`, [circleId]);
    return rows.map(memberOfRow);
  }

  async getMember(circleId: string, memberId: string): Promise<MemberRecord | undefined> {
    const row = (await this.pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM circle_members WHERE circle_id = $1 AND id = $2`, [circleId, memberId])).rows[0];
    return row ? memberOfRow(row) : undefined;
  }

  addMember(member: MemberRecord, maxMembers: number): Promise<AddMemberResult> {
    return inTransaction(this.pool, async (client): Promise<AddMemberResult> => {
      const circle = (await client.query<{ status: string }>('SELECT status FROM circles WHERE id = $1 FOR UPDATE', [member.circleId])).rows[0];
      if (circle?.status !== 'open') return 'closed';
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM circle_members WHERE circle_id = $1 AND removed = 0', [member.circleId]);
      if (Number(rows[0]!.n) >= maxMembers) return 'full';
      await client.query(`INSERT INTO circle_members (${MEMBER_COLUMNS}) VALUES (${params(7)})`, memberValues(member));
      return 'added';
    });
  }

  async deleteMember(circleId: string, memberId: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM circle_members WHERE circle_id = $1 AND id = $2', [circleId, memberId])).rowCount ?? 0) === 1;
  }

  async markRemoved(circleId: string, memberId: string): Promise<boolean> {
    return ((await this.pool.query('UPDATE circle_members SET removed = 1 WHERE circle_id = $1 AND id = $2 AND removed = 0', [circleId, memberId])).rowCount ?? 0) === 1;
  }

  async updateCircle(circleId: string, expectedRev: number, changes: CircleChanges): Promise<CircleRecord | undefined> {
    const current = await this.getCircle(circleId);
    if (!current || current.rev !== expectedRev) return undefined;
    const next = applyChanges(current, changes);
    const written = await this.pool.query(
      'UPDATE circles SET host_id = $1, control = $2, playback_json = $3, waiting_json = $4, status = $5, rev = $6, active_at = $7 WHERE id = $8 AND rev = $9',
      [next.hostId, next.control, JSON.stringify(next.playback), next.waiting ? JSON.stringify(next.waiting) : null, next.status, next.rev, next.activeAt, circleId, expectedRev],
    );
    return written.rowCount === 1 ? next : undefined;
  }

  async idleCircles(before: number, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>("SELECT id FROM circles WHERE status = 'open' AND active_at < $1 LIMIT $2", [before, limit]);
    return rows.map((r) => r.id);
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

  async close(): Promise<void> {
    await this.pool.end();
  }
}

