// The one row mapper per meet-up table, shared by the SQLite and PostgreSQL stores: both select the same
// columns and hand the rows to these, so a column added or read differently changes in one place.
import { REACTION_KINDS, type MeetupInput, type Question } from '../../protocol/meetup';
import type { MeetupRecord, ReactionCounts } from './meetup-storage';

export const MEETUP_COLUMNS = 'id, project_id, input_json, state, started_at, ended_at, stream_key';
export const QUESTION_COLUMNS = 'id, text, asked_by, votes, status, asked_at';
/** Board order: the spotlight first, then open and answered by votes, then oldest. */
export const BOARD_ORDER = "ORDER BY (status = 'spotlight') DESC, votes DESC, n ASC";

/** A row of `meetups` (MEETUP_COLUMNS). */
export interface MeetupRow {
  id: string;
  project_id: string;
  input_json: string;
  state: string;
  started_at: string | null;
  ended_at: string | null;
  stream_key: string;
}

/** A row of `meetup_questions` (QUESTION_COLUMNS). */
export interface QuestionRow {
  id: string;
  text: string;
  asked_by: string | null;
  votes: number;
  status: string;
  asked_at: string;
}

export function meetupOfRow(row: MeetupRow): MeetupRecord {
  const input = JSON.parse(row.input_json) as MeetupInput;
  return {
    id: row.id,
    projectId: row.project_id,
    title: input.title,
    star: input.star,
    scheduledStart: input.scheduledStart,
    requiredTier: input.requiredTier,
    state: row.state as MeetupRecord['state'],
    ...(row.started_at ? { startedAt: row.started_at } : {}),
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    streamKey: row.stream_key,
  };
}

export function questionOfRow(row: QuestionRow): Question {
  return {
    id: row.id,
    text: row.text,
    ...(row.asked_by ? { askedBy: row.asked_by } : {}),
    votes: Number(row.votes),
    status: row.status as Question['status'],
    askedAt: row.asked_at,
  };
}

/**
 * Reaction counts as stored (totals_json, counts_json): only known kinds with positive whole counts. What the
 * database holds was written by us, but stay strict.
 */
export function parseCounts(json: string): ReactionCounts {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const counts: ReactionCounts = {};
  for (const kind of REACTION_KINDS) {
    const n = raw[kind];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) counts[kind] = n;
  }
  return counts;
}
