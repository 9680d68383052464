// A circle's recent messages, kept beside the circle (CircleStorage extends this). Kept, not only relayed, for two
// reasons: a member who joins late or comes back after a dropped connection sees what was just said (the last
// few, not a transcript: each circle keeps a short tail and older ones are deleted as new ones come), and a
// report names a message by id, which any node can then look up to tell the host who sent what (the sender is
// the server's record, never the reporter's word). Reactions are not kept: they are gone in seconds.
import type { CirclePhrase } from '../../protocol/circle';

export interface CircleMessageRecord {
  circleId: string;
  id: string;
  memberId: string;
  /** The sender's name when they sent it. */
  name: string;
  /** ms since the epoch (the server's clock). */
  at: number;
  text?: string;
  phrase?: CirclePhrase;
  reported: boolean;
}

export interface CircleMessageStorage {
  /** Adds a message and deletes the circle's older ones beyond the newest `keep`. */
  addMessage(message: CircleMessageRecord, keep: number): Promise<void>;
  /** The newest `limit` messages of a circle, oldest first. */
  recentMessages(circleId: string, limit: number): Promise<CircleMessageRecord[]>;
  getMessage(circleId: string, messageId: string): Promise<CircleMessageRecord | undefined>;
  /** A member reported it; false when the circle has no such message. */
  markReported(circleId: string, messageId: string): Promise<boolean>;
  /** The host took it out; false when the circle has no such message. */
  deleteMessage(circleId: string, messageId: string): Promise<boolean>;
  /** Every message of a circle (ended or expired: nothing is kept after). */
  deleteMessages(circleId: string): Promise<void>;
}

/** Columns and row mapping shared by the SQLite and PostgreSQL stores. */
export const MESSAGE_COLUMNS = 'circle_id, id, member_id, name, at, text, phrase, reported';

export interface MessageRow {
  circle_id: string;
  id: string;
  member_id: string;
  name: string;
  at: number | string;
  text: string | null;
  phrase: string | null;
  reported: number;
}

export function messageOfRow(row: MessageRow): CircleMessageRecord {
  return {
    circleId: row.circle_id,
    id: row.id,
    memberId: row.member_id,
    name: row.name,
    at: Number(row.at),
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.phrase !== null ? { phrase: row.phrase as CirclePhrase } : {}),
    reported: Number(row.reported) === 1,
  };
}

export function messageValues(m: CircleMessageRecord): (string | number | null)[] {
  return [m.circleId, m.id, m.memberId, m.name, m.at, m.text ?? null, m.phrase ?? null, m.reported ? 1 : 0];
}
