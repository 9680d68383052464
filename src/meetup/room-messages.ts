// The messages the server sends to a meet-up's room, as this client reads them: each is checked before it
// touches the store, so a malformed one is logged and dropped and the room stays as it was.
import * as z from 'zod/mini';
import { describeIssues, summarizeIssues } from '../protocol';
import { HostStats, Meetup, MeetupError, MeetupId, Presence, Question, ReactionWindow } from '../protocol/meetup';

export const RoomStateMessage = Meetup;
export const RoomPresenceMessage = Presence;
export const RoomReactionsMessage = ReactionWindow;
/**
 * A question asked or changed (votes, status): wrapped with its meet-up's id, or the bare record (a socket is in
 * one meet-up's room at a time, so the room already says which).
 */
export const RoomQuestionMessage = z.union([z.object({ meetupId: MeetupId, question: Question }), Question]);
export const RoomErrorMessage = MeetupError;
export const RoomHostStatsMessage = HostStats;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses with a schema; on failure, a one-line reason naming each offending field. */
export function check<T>(schema: z.ZodMiniType<T>, payload: unknown): Checked<T> {
  const parsed = schema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: summarizeIssues(describeIssues(parsed.error)) };
}
