// Star meet-ups: the record an operator schedules, the socket messages of the audience and the host, and
// the reasons a join is refused. One definition for the server and every shell (see docs/protocol.md).
import * as z from 'zod/mini';
import { BackerTier } from './project';
import { LocalizedText, ProjectId, StoredText, count, isoTime } from './primitives';
import { ProtocolError } from './messages';

export const MeetupId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes, at most 64'));
export type MeetupId = z.infer<typeof MeetupId>;

/** scheduled → live → ended; never backwards. */
export const MEETUP_STATES = ['scheduled', 'live', 'ended'] as const;
export const MeetupState = z.enum(MEETUP_STATES);
export type MeetupState = z.infer<typeof MeetupState>;

/** What the operator sends to schedule a meet-up (POST /api/projects/:projectId/meetups). */
export const MeetupInput = z.strictObject({
  id: MeetupId,
  title: LocalizedText,
  star: LocalizedText,
  scheduledStart: isoTime,
  /** The lowest backer tier that may enter; the operator always may. */
  requiredTier: BackerTier,
});
export type MeetupInput = z.infer<typeof MeetupInput>;

/** A meet-up as clients see it. The stream URLs are set by the server, never by a client. */
export const Meetup = z.object({
  id: MeetupId,
  projectId: ProjectId,
  title: StoredText,
  star: StoredText,
  scheduledStart: z.string(),
  requiredTier: BackerTier,
  state: MeetupState,
  startedAt: z.optional(z.string()),
  endedAt: z.optional(z.string()),
  /**
   * The live playlist while live; the replay (VOD) playlist once ended. Absent while scheduled, and absent for
   * callers who have not been let in: its path holds an unguessable per-meet-up key, so the server gives it only
   * in the join reply, the state broadcasts to the room, and to the operator.
   */
  streamUrl: z.optional(z.string()),
});
export type Meetup = z.infer<typeof Meetup>;

/** Reactions the audience can send; the order is the order of the TV's colour keys and the palettes. */
export const REACTION_KINDS = ['heart', 'flower', 'applause', 'laugh', 'wow'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** Most reactions one message may carry: a client coalesces a frame's taps into one message. */
export const MAX_REACTIONS_PER_MESSAGE = 20;
/**
 * How often a client should send `meetup:react` at most: taps are coalesced (per kind) until the interval has
 * passed. The server's per-caller limit (see docs/protocol.md) leaves headroom above this, and the room's
 * aggregate goes out at the same cadence anyway, so sending faster shows nothing sooner.
 */
export const REACT_SEND_INTERVAL_MS = 250;
export const QUESTION_MAX_LENGTH = 280;

export const QuestionId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id given by the server'));
export const QUESTION_STATUSES = ['open', 'spotlight', 'answered', 'dismissed'] as const;
export const Question = z.object({
  id: QuestionId,
  text: z.string(),
  /** A display name the asker chose, or absent for anonymous. Never the token or its label. */
  askedBy: z.optional(z.string()),
  votes: count,
  status: z.enum(QUESTION_STATUSES),
  askedAt: z.string(),
});
export type Question = z.infer<typeof Question>;

export const MEETUP_EVENTS = {
  /** client → server, ack JoinReply: enter a meet-up's room (tier checked here, on the server). */
  join: 'meetup:join',
  /** client → server: leave the room. */
  leave: 'meetup:leave',
  /** client → server: reactions of one frame, coalesced. No ack: a storm must not cost a reply each. */
  react: 'meetup:react',
  /** client → server, ack ActionReply: ask a question. */
  ask: 'meetup:ask',
  /** client → server, ack ActionReply: upvote a question (once per asker). */
  upvote: 'meetup:upvote',
  /** host → server, ack ActionReply: spotlight / answer / dismiss a question. Refused for non-operators. */
  moderate: 'meetup:moderate',
  /** server → room: the meet-up record changed (started, ended). */
  state: 'meetup:state',
  /** server → room: audience count, at most a few times a second. */
  presence: 'meetup:presence',
  /** server → room: reactions aggregated over one window (e.g. 250 ms), one message per window per room. */
  reactions: 'meetup:reactions',
  /** server → room: a question was asked or changed (votes, status). */
  question: 'meetup:question',
  /** server → hosts of the room: audience and reaction rate, about once a second. */
  hostStats: 'meetup:host-stats',
  /** server → one socket: a message without an ack (a react) was refused; at most one a second per socket. */
  error: 'meetup:error',
} as const;

export const JoinRequest = z.strictObject({ meetupId: MeetupId });
export const ReactRequest = z.strictObject({
  meetupId: MeetupId,
  kind: ReactionKind,
  count: z.int().check(z.gte(1), z.lte(MAX_REACTIONS_PER_MESSAGE)),
});
export type ReactRequest = z.infer<typeof ReactRequest>;
export const AskRequest = z.strictObject({
  meetupId: MeetupId,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(QUESTION_MAX_LENGTH)),
  askedBy: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
});
export const UpvoteRequest = z.strictObject({ meetupId: MeetupId, questionId: QuestionId });
/**
 * spotlight: on screen for everyone; only one at a time, so the previous spotlight becomes `answered`.
 * answered / dismiss: off the board (a dismissed question is no longer sent to the audience).
 */
export const ModerateRequest = z.strictObject({
  meetupId: MeetupId,
  questionId: QuestionId,
  action: z.enum(['spotlight', 'answered', 'dismiss']),
});

/** Reaction totals of one aggregation window, and the totals since the meet-up started. */
export const ReactionWindow = z.object({
  meetupId: MeetupId,
  /** Milliseconds since the meet-up started at the window's end: the replay's reactions timeline. */
  at: count,
  counts: z.partialRecord(ReactionKind, count),
  totals: z.partialRecord(ReactionKind, count),
});
export type ReactionWindow = z.infer<typeof ReactionWindow>;

export const Presence = z.object({ meetupId: MeetupId, audience: count });

/** What the host console shows beside the stream. */
export const HostStats = z.object({
  meetupId: MeetupId,
  audience: count,
  /** Reactions per second over the last few seconds. */
  reactionsPerSecond: z.number().check(z.gte(0)),
  /** Questions not yet answered or dismissed. */
  openQuestions: count,
});
export type HostStats = z.infer<typeof HostStats>;

/** A refused message that has no ack (see MEETUP_EVENTS.error). */
export const MeetupError = z.object({ meetupId: z.optional(z.string()), event: z.string(), error: ProtocolError });

/** The replay's reactions timeline (GET /api/meetups/:id/reactions): every non-empty window, oldest first. */
export const ReactionTimeline = z.object({
  meetupId: MeetupId,
  windows: z.array(z.object({ at: count, counts: z.partialRecord(ReactionKind, count) })),
  totals: z.partialRecord(ReactionKind, count),
});
export type ReactionTimeline = z.infer<typeof ReactionTimeline>;

/** Why a join was refused, with what would let the backer in (shown by the client, decided by the server). */
export const JoinRefusal = z.object({
  ok: z.literal(false),
  error: ProtocolError,
  /** Set when the tier was too low: the tier that would open the door. */
  requiredTier: z.optional(BackerTier),
  yourTier: z.optional(BackerTier),
});

export const JoinReply = z.union([
  z.object({
    ok: z.literal(true),
    meetup: Meetup,
    audience: count,
    totals: z.partialRecord(ReactionKind, count),
    questions: z.array(Question),
    role: z.enum(['audience', 'host']),
  }),
  JoinRefusal,
]);
export type JoinReply = z.infer<typeof JoinReply>;

export const ActionReply = z.union([
  z.object({ ok: z.literal(true), question: z.optional(Question) }),
  z.object({ ok: z.literal(false), error: ProtocolError }),
]);
export type ActionReply = z.infer<typeof ActionReply>;
