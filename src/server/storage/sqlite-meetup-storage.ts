// Meet-ups in SQLite (WAL), in the same file as the feed by default but through their own connection and
// tables, so nothing here depends on the feed's storage. Every change is one transaction: a restart loses
// nothing that was acknowledged.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meetups (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    input_json TEXT NOT NULL,     -- the MeetupInput as scheduled (canonical JSON), to recognize a retry
    state TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    stream_key TEXT NOT NULL UNIQUE,
    totals_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX IF NOT EXISTS meetups_by_project ON meetups (project_id);
  CREATE TABLE IF NOT EXISTS meetup_transitions (
    caller TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    meetup_id TEXT NOT NULL,
    PRIMARY KEY (caller, key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS meetup_questions (
    n INTEGER PRIMARY KEY AUTOINCREMENT, -- arrival order
    meetup_id TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    asked_by TEXT,
    caller TEXT NOT NULL,
    votes INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    asked_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS questions_by_meetup ON meetup_questions (meetup_id, status);
  CREATE TABLE IF NOT EXISTS meetup_votes (
    question_id TEXT NOT NULL,
    caller TEXT NOT NULL,
    PRIMARY KEY (question_id, caller)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS meetup_reaction_windows (
    meetup_id TEXT NOT NULL,
    at INTEGER NOT NULL,          -- ms since the meet-up started, at the window's end
    counts_json TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS windows_by_meetup ON meetup_reaction_windows (meetup_id, at);
`;




export class SqliteMeetupStorage implements MeetupStorage {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // The feed's connection writes the same file: wait for its lock rather than fail.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const columns = MEETUP_COLUMNS;
    this.statements = {
      insert: this.db.prepare('INSERT INTO meetups (id, project_id, input_json, state, stream_key) VALUES (?, ?, ?, ?, ?)'),
      get: this.db.prepare<[string], MeetupRow>(`SELECT ${columns} FROM meetups WHERE id = ?`),
      byKey: this.db.prepare<[string], MeetupRow>(`SELECT ${columns} FROM meetups WHERE stream_key = ?`),
      setKey: this.db.prepare('UPDATE meetups SET stream_key = ? WHERE id = ?'),
      list: this.db.prepare<[string], MeetupRow>(`SELECT ${columns} FROM meetups WHERE project_id = ?`),
      start: this.db.prepare("UPDATE meetups SET state = 'live', started_at = ? WHERE id = ? AND state = 'scheduled'"),
      end: this.db.prepare("UPDATE meetups SET state = 'ended', ended_at = ? WHERE id = ? AND state = 'live'"),
      findClaim: this.db.prepare<[string, string], { request_hash: string; meetup_id: string }>('SELECT request_hash, meetup_id FROM meetup_transitions WHERE caller = ? AND key = ?'),
      putClaim: this.db.prepare('INSERT INTO meetup_transitions (caller, key, request_hash, meetup_id) VALUES (?, ?, ?, ?)'),
      insertQuestion: this.db.prepare('INSERT INTO meetup_questions (meetup_id, id, text, asked_by, caller, asked_at) VALUES (?, ?, ?, ?, ?, ?)'),
      question: this.db.prepare<[string, string], QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = ? AND id = ?`),
      questions: this.db.prepare<[string], QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = ? AND status != 'dismissed' ${BOARD_ORDER}`),
      allQuestions: this.db.prepare<[string], QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = ? ${BOARD_ORDER}`),
      spotlighted: this.db.prepare<[string], QuestionRow>(`SELECT ${QUESTION_COLUMNS} FROM meetup_questions WHERE meetup_id = ? AND status = 'spotlight'`),
      setStatus: this.db.prepare('UPDATE meetup_questions SET status = ? WHERE meetup_id = ? AND id = ?'),
      putVote: this.db.prepare('INSERT OR IGNORE INTO meetup_votes (question_id, caller) VALUES (?, ?)'),
      addVote: this.db.prepare('UPDATE meetup_questions SET votes = votes + 1 WHERE meetup_id = ? AND id = ?'),
      insertWindow: this.db.prepare('INSERT INTO meetup_reaction_windows (meetup_id, at, counts_json) VALUES (?, ?, ?)'),
      totals: this.db.prepare<[string], { totals_json: string }>('SELECT totals_json FROM meetups WHERE id = ?'),
      setTotals: this.db.prepare('UPDATE meetups SET totals_json = ? WHERE id = ?'),
      windows: this.db.prepare<[string], { at: number; counts_json: string }>('SELECT at, counts_json FROM meetup_reaction_windows WHERE meetup_id = ? ORDER BY at, rowid'),
    };
  }

  scheduleMeetup(projectId: string, input: MeetupInput, streamKey: string): Promise<ScheduleResult> {
    const inputJson = canonicalJson(input);
    const schedule = this.db.transaction((): ScheduleResult => {
      const existing = this.statements.get.get(input.id);
      if (existing) {
        const same = existing.project_id === projectId && existing.input_json === inputJson;
        return { kind: same ? 'replayed' : 'id-taken', meetup: meetupOfRow(existing) };
      }
      this.statements.insert.run(input.id, projectId, inputJson, 'scheduled', streamKey);
      return { kind: 'stored', meetup: meetupOfRow(this.statements.get.get(input.id)!) };
    });
    return Promise.resolve(schedule.immediate());
  }

  getMeetup(meetupId: string): Promise<MeetupRecord | undefined> {
    const row = this.statements.get.get(meetupId);
    return Promise.resolve(row ? meetupOfRow(row) : undefined);
  }

  findByStreamKey(streamKey: string): Promise<MeetupRecord | undefined> {
    const row = this.statements.byKey.get(streamKey);
    return Promise.resolve(row ? meetupOfRow(row) : undefined);
  }

  replaceStreamKey(meetupId: string, streamKey: string): Promise<MeetupRecord | undefined> {
    if (this.statements.setKey.run(streamKey, meetupId).changes === 0) return Promise.resolve(undefined);
    return this.getMeetup(meetupId);
  }

  listMeetups(projectId: string): Promise<MeetupRecord[]> {
    const records = this.statements.list.all(projectId).map(meetupOfRow);
    records.sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart) || a.id.localeCompare(b.id));
    return Promise.resolve(records);
  }

  transition(meetupId: string, to: 'live' | 'ended', at: Date, idempotency?: IdempotencyClaim): Promise<TransitionResult> {
    const run = this.db.transaction((): TransitionResult => {
      if (idempotency) {
        const claim = this.statements.findClaim.get(idempotency.callerId, idempotency.key);
        if (claim) {
          if (claim.request_hash !== idempotency.requestHash) return { kind: 'key-conflict' };
          const row = this.statements.get.get(claim.meetup_id);
          if (row) return { kind: 'replayed', meetup: meetupOfRow(row) };
        }
      }
      const row = this.statements.get.get(meetupId);
      if (!row) return { kind: 'not-found' };
      const changed = (to === 'live' ? this.statements.start : this.statements.end).run(at.toISOString(), meetupId).changes === 1;
      if (!changed) return { kind: 'wrong-state', meetup: meetupOfRow(row) };
      if (idempotency) this.statements.putClaim.run(idempotency.callerId, idempotency.key, idempotency.requestHash, meetupId);
      return { kind: 'changed', meetup: meetupOfRow(this.statements.get.get(meetupId)!) };
    });
    return Promise.resolve(run.immediate());
  }

  addQuestion(meetupId: string, question: NewQuestion): Promise<Question> {
    this.statements.insertQuestion.run(meetupId, question.id, question.text, question.askedBy ?? null, question.callerId, question.askedAt);
    return Promise.resolve(questionOfRow(this.statements.question.get(meetupId, question.id)!));
  }

  questions(meetupId: string, includeDismissed: boolean): Promise<Question[]> {
    const rows = (includeDismissed ? this.statements.allQuestions : this.statements.questions).all(meetupId);
    return Promise.resolve(rows.map(questionOfRow));
  }

  upvote(meetupId: string, questionId: string, callerId: string): Promise<VoteResult> {
    const vote = this.db.transaction((): VoteResult => {
      const row = this.statements.question.get(meetupId, questionId);
      if (!row || row.status === 'dismissed') return { kind: 'not-found' };
      // The vote row is keyed by the question id alone: ids are unique across meet-ups (server-made, random).
      if (this.statements.putVote.run(questionId, callerId).changes === 0) return { kind: 'already-voted', question: questionOfRow(row) };
      this.statements.addVote.run(meetupId, questionId);
      return { kind: 'voted', question: questionOfRow(this.statements.question.get(meetupId, questionId)!) };
    });
    return Promise.resolve(vote.immediate());
  }

  moderate(meetupId: string, questionId: string, action: ModerateAction): Promise<ModerateResult> {
    const status = action === 'dismiss' ? 'dismissed' : action;
    const run = this.db.transaction((): ModerateResult => {
      const row = this.statements.question.get(meetupId, questionId);
      if (!row) return { kind: 'not-found' };
      const previous = status === 'spotlight' ? this.statements.spotlighted.all(meetupId).filter((q) => q.id !== questionId) : [];
      for (const q of previous) this.statements.setStatus.run('answered', meetupId, q.id);
      this.statements.setStatus.run(status, meetupId, questionId);
      const changed = [questionId, ...previous.map((q) => q.id)].map((id) => questionOfRow(this.statements.question.get(meetupId, id)!));
      return { kind: 'changed', questions: changed };
    });
    return Promise.resolve(run.immediate());
  }

  appendReactionWindow(meetupId: string, at: number, counts: ReactionCounts): Promise<ReactionCounts> {
    const append = this.db.transaction((): ReactionCounts => {
      const totals = parseCounts(this.statements.totals.get(meetupId)?.totals_json ?? '{}');
      for (const kind of REACTION_KINDS) {
        const n = counts[kind];
        if (n) totals[kind] = (totals[kind] ?? 0) + n;
      }
      this.statements.insertWindow.run(meetupId, at, JSON.stringify(counts));
      this.statements.setTotals.run(JSON.stringify(totals), meetupId);
      return totals;
    });
    return Promise.resolve(append.immediate());
  }

  reactionTotals(meetupId: string): Promise<ReactionCounts> {
    return Promise.resolve(parseCounts(this.statements.totals.get(meetupId)?.totals_json ?? '{}'));
  }

  reactionTimeline(meetupId: string): Promise<{ windows: { at: number; counts: ReactionCounts }[]; totals: ReactionCounts }> {
    const read = this.db.transaction(() => ({
      windows: this.statements.windows.all(meetupId).map((w) => ({ at: w.at, counts: parseCounts(w.counts_json) })),
      totals: parseCounts(this.statements.totals.get(meetupId)?.totals_json ?? '{}'),
    }));
    return Promise.resolve(read());
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
