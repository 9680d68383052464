// Meet-ups in PostgreSQL, for several nodes sharing one database: the SQLite tables (sqlite-meetup-storage.ts)
// and rules, with row locks where SQLite relied on its single writer: a transition, a vote, a spotlight and a
// reaction window each lock the rows they read-modify-write, so nodes acting at once never lose an update.
import type pg from 'pg';
import { REACTION_KINDS, type MeetupInput, type Question } from '../../protocol/meetup';
import { canonicalJson } from '../http/canonical-json';
import { BOARD_ORDER, MEETUP_COLUMNS, QUESTION_COLUMNS, meetupOfRow, parseCounts, questionOfRow, type MeetupRow, type QuestionRow } from './meetup-rows';
import type { IdempotencyClaim } from './feed-storage';
import type {
  MeetupRecord,
  MeetupStorage,
  ModerateAction,
  ModerateResult,
  NewQuestion,
  ReactionCounts,
  ScheduleResult,
  TransitionResult,
  VoteResult,
} from './meetup-storage';
import { openSchemaPool, type PostgresPoolOptions } from './postgres-schema';
import { inTransaction } from './postgres-transaction';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meetups (
    id text PRIMARY KEY,
    project_id text NOT NULL,
    input_json text NOT NULL,
    state text NOT NULL,
    started_at text,
    ended_at text,
    stream_key text NOT NULL UNIQUE,
    totals_json text NOT NULL DEFAULT '{}'
  );
  CREATE INDEX IF NOT EXISTS meetups_by_project ON meetups (project_id);
  CREATE TABLE IF NOT EXISTS meetup_transitions (
    caller text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    meetup_id text NOT NULL,
    PRIMARY KEY (caller, key)
  );
  CREATE TABLE IF NOT EXISTS meetup_questions (
    n bigserial PRIMARY KEY,
    meetup_id text NOT NULL,
    id text NOT NULL UNIQUE,
    text text NOT NULL,
    asked_by text,
    caller text NOT NULL,
    votes integer NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'open',
    asked_at text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS questions_by_meetup ON meetup_questions (meetup_id, status);
  CREATE TABLE IF NOT EXISTS meetup_votes (
    question_id text NOT NULL,
    caller text NOT NULL,
    PRIMARY KEY (question_id, caller)
  );
  CREATE TABLE IF NOT EXISTS meetup_reaction_windows (
    n bigserial PRIMARY KEY,
    meetup_id text NOT NULL,
    at bigint NOT NULL,
    counts_json text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS windows_by_meetup ON meetup_reaction_windows (meetup_id, at);
`;




export class PostgresMeetupStorage implements MeetupStorage {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(options: PostgresPoolOptions): Promise<PostgresMeetupStorage> {
    return new PostgresMeetupStorage(await openSchemaPool(options, 5, SCHEMA));
  }

  async scheduleMeetup(projectId: string, input: MeetupInput, streamKey: string): Promise<ScheduleResult> {
    const inputJson = canonicalJson(input);
    const inserted = await this.pool.query<MeetupRow>(
      `INSERT INTO meetups (id, project_id, input_json, state, stream_key) VALUES ($1, $2, $3, 'scheduled', $4)
       ON CONFLICT (id) DO NOTHING RETURNING ${MEETUP_COLUMNS}`,
      [input.id, projectId, inputJson, streamKey],
    );
    if (inserted.rows[0]) return { kind: 'stored', meetup: meetupOfRow(inserted.rows[0]) };
    const existing = (await this.pool.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE id = $1`, [input.id])).rows[0]!;
    const same = existing.project_id === projectId && existing.input_json === inputJson;
    return { kind: same ? 'replayed' : 'id-taken', meetup: meetupOfRow(existing) };
  }

  async getMeetup(meetupId: string): Promise<MeetupRecord | undefined> {
    const row = (await this.pool.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE id = $1`, [meetupId])).rows[0];
    return row ? meetupOfRow(row) : undefined;
  }

  async findByStreamKey(streamKey: string): Promise<MeetupRecord | undefined> {
    const row = (await this.pool.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE stream_key = $1`, [streamKey])).rows[0];
    return row ? meetupOfRow(row) : undefined;
  }

  async replaceStreamKey(meetupId: string, streamKey: string): Promise<MeetupRecord | undefined> {
    const row = (await this.pool.query<MeetupRow>(`UPDATE meetups SET stream_key = $2 WHERE id = $1 RETURNING ${MEETUP_COLUMNS}`, [meetupId, streamKey])).rows[0];
    return row ? meetupOfRow(row) : undefined;
  }

  async listMeetups(projectId: string): Promise<MeetupRecord[]> {
    const records = (await this.pool.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE project_id = $1`, [projectId])).rows.map(meetupOfRow);
    records.sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart) || a.id.localeCompare(b.id));
    return records;
  }

  transition(meetupId: string, to: 'live' | 'ended', at: Date, idempotency?: IdempotencyClaim): Promise<TransitionResult> {
    return inTransaction(this.pool, async (client): Promise<TransitionResult> => {
      if (idempotency) {
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [`${idempotency.callerId}\n${idempotency.key}`]);
        const claim = (await client.query<{ request_hash: string; meetup_id: string }>('SELECT request_hash, meetup_id FROM meetup_transitions WHERE caller = $1 AND key = $2', [idempotency.callerId, idempotency.key])).rows[0];
        if (claim) {
          if (claim.request_hash !== idempotency.requestHash) return { kind: 'key-conflict' };
          const row = (await client.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE id = $1`, [claim.meetup_id])).rows[0];
          if (row) return { kind: 'replayed', meetup: meetupOfRow(row) };
        }
      }
      const row = (await client.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE id = $1 FOR UPDATE`, [meetupId])).rows[0];
      if (!row) return { kind: 'not-found' };
      const update =
        to === 'live'
          ? "UPDATE meetups SET state = 'live', started_at = $1 WHERE id = $2 AND state = 'scheduled'"
          : "UPDATE meetups SET state = 'ended', ended_at = $1 WHERE id = $2 AND state = 'live'";
      if ((await client.query(update, [at.toISOString(), meetupId])).rowCount !== 1) return { kind: 'wrong-state', meetup: meetupOfRow(row) };
      if (idempotency) {
        await client.query('INSERT INTO meetup_transitions (caller, key, request_hash, meetup_id) VALUES ($1, $2, $3, $4)', [idempotency.callerId, idempotency.key, idempotency.requestHash, meetupId]);
      }
      return { kind: 'changed', meetup: meetupOfRow((await client.query<MeetupRow>(`SELECT ${MEETUP_COLUMNS} FROM meetups WHERE id = $1`, [meetupId])).rows[0]!) };
    });
  }

  async addQuestion(meetupId: string, question: NewQuestion): Promise<Question> {
    const { rows } = await this.pool.query<QuestionRow>(
      `INSERT INTO meetup_questions (meetup_id, id, text, asked_by, caller, asked_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${QUESTION_COLUMNS}`,
      [meetupId, question.id, question.text, question.askedBy ?? null, question.callerId, question.askedAt],
    );
    return questionOfRow(rows[0]!);
  }

  async questions(meetupId: string, includeDismissed: boolean): Promise<Question[]> {
    const filter = includeDismissed ? '' : "AND status != 'dismissed'";
    const { rows } = await this.pool.query<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = $1 ${filter} ${BOARD_ORDER}`, [meetupId]);
    return rows.map(questionOfRow);
  }

  upvote(meetupId: string, questionId: string, callerId: string): Promise<VoteResult> {
    return inTransaction(this.pool, async (client): Promise<VoteResult> => {
      const row = (await client.query<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = $1 AND id = $2 FOR UPDATE`, [meetupId, questionId])).rows[0];
      if (!row || row.status === 'dismissed') return { kind: 'not-found' };
      const vote = await client.query('INSERT INTO meetup_votes (question_id, caller) VALUES ($1, $2) ON CONFLICT DO NOTHING', [questionId, callerId]);
      if (vote.rowCount === 0) return { kind: 'already-voted', question: questionOfRow(row) };
      const updated = await client.query<QuestionRow>(`UPDATE meetup_questions SET votes = votes + 1 WHERE meetup_id = $1 AND id = $2 RETURNING ${QUESTION_COLUMNS}`, [meetupId, questionId]);
      return { kind: 'voted', question: questionOfRow(updated.rows[0]!) };
    });
  }

  moderate(meetupId: string, questionId: string, action: ModerateAction): Promise<ModerateResult> {
    const status = action === 'dismiss' ? 'dismissed' : action;
    return inTransaction(this.pool, async (client): Promise<ModerateResult> => {
      // The meet-up row serializes moderation, so two hosts on two nodes never leave two spotlights.
      await client.query('SELECT id FROM meetups WHERE id = $1 FOR UPDATE', [meetupId]);
      const row = (await client.query<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = $1 AND id = $2`, [meetupId, questionId])).rows[0];
      if (!row) return { kind: 'not-found' };
      const previous =
        status === 'spotlight'
          ? (await client.query<{ id: string }>("SELECT id FROM meetup_questions WHERE meetup_id = $1 AND status = 'spotlight' AND id != $2", [meetupId, questionId])).rows
          : [];
      for (const q of previous) await client.query("UPDATE meetup_questions SET status = 'answered' WHERE meetup_id = $1 AND id = $2", [meetupId, q.id]);
      await client.query('UPDATE meetup_questions SET status = $1 WHERE meetup_id = $2 AND id = $3', [status, meetupId, questionId]);
      const changed: Question[] = [];
      for (const id of [questionId, ...previous.map((q) => q.id)]) {
        changed.push(questionOfRow((await client.query<QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = $1 AND id = $2`, [meetupId, id])).rows[0]!));
      }
      return { kind: 'changed', questions: changed };
    });
  }

  appendReactionWindow(meetupId: string, at: number, counts: ReactionCounts): Promise<ReactionCounts> {
    return inTransaction(this.pool, async (client) => {
      const current = (await client.query<{ totals_json: string }>('SELECT totals_json FROM meetups WHERE id = $1 FOR UPDATE', [meetupId])).rows[0];
      const totals = parseCounts(current?.totals_json ?? '{}');
      for (const kind of REACTION_KINDS) {
        const n = counts[kind];
        if (n) totals[kind] = (totals[kind] ?? 0) + n;
      }
      await client.query('INSERT INTO meetup_reaction_windows (meetup_id, at, counts_json) VALUES ($1, $2, $3)', [meetupId, at, JSON.stringify(counts)]);
      await client.query('UPDATE meetups SET totals_json = $1 WHERE id = $2', [JSON.stringify(totals), meetupId]);
      return totals;
    });
  }

  async reactionTotals(meetupId: string): Promise<ReactionCounts> {
    const row = (await this.pool.query<{ totals_json: string }>('SELECT totals_json FROM meetups WHERE id = $1', [meetupId])).rows[0];
    return parseCounts(row?.totals_json ?? '{}');
  }

  reactionTimeline(meetupId: string): Promise<{ windows: { at: number; counts: ReactionCounts }[]; totals: ReactionCounts }> {
    return inTransaction(
      this.pool,
      async (client) => {
        const windows = await client.query<{ at: string; counts_json: string }>('SELECT at, counts_json FROM meetup_reaction_windows WHERE meetup_id = $1 ORDER BY at, n', [meetupId]);
        const totals = (await client.query<{ totals_json: string }>('SELECT totals_json FROM meetups WHERE id = $1', [meetupId])).rows[0];
        return {
          windows: windows.rows.map((w) => ({ at: Number(w.at), counts: parseCounts(w.counts_json) })),
          totals: parseCounts(totals?.totals_json ?? '{}'),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

