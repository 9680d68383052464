// Reactions and short messages inside a circle: a reaction from a fixed set, a short typed message, or one of the
// TV's quick replies (a phrase id, shown in each member's own language). Validated at both ends, rate-limited per
// member on the server (src/server/circles/circle-messages.ts); a member reports a message to the host, the host
// removes it (and may remove its sender with `circle:manage`). Messages carry `v` as create and join do: the set
// of reactions and phrases may grow, and an older client must hear why its request was refused.
import * as z from 'zod/mini';
import { count } from './primitives';
import { CircleProtocolVersion } from './circle-version';

export const CIRCLE_CHAT_EVENTS = {
  /** client → server, ack CircleActionReply: a reaction, relayed to the whole room (the sender included). */
  react: 'circle:react',
  /** server → the circle's room: a member reacted (never stored: it is gone a few seconds later). */
  reacted: 'circle:reacted',
  /** client → server, ack CircleSayReply: a short message or a quick reply. */
  say: 'circle:say',
  /** server → the circle's room: a message (the sender hears it too, with the id the server gave it). */
  message: 'circle:message',
  /** client → server, ack CircleRecentReply: the last few messages (a late joiner, or back after a reconnect). */
  recent: 'circle:recent',
  /** client → server, ack CircleActionReply: a member tells the host about a message. */
  report: 'circle:report',
  /** server → the host's sockets: a member reported a message. */
  reported: 'circle:reported',
  /** host → server, ack CircleActionReply: take a message out of the circle. */
  unsay: 'circle:unsay',
  /** server → the circle's room: a message was taken out (by the host). */
  removed: 'circle:message-removed',
} as const;

/** The reactions a member can send: the desktop's buttons and the TV's quick replies, in this order. */
export const CIRCLE_REACTIONS = ['heart', 'laugh', 'wow', 'applause', 'thumbs-up'] as const;
export const CircleReaction = z.enum(CIRCLE_REACTIONS);
export type CircleReaction = z.infer<typeof CircleReaction>;

/** The TV's quick replies (a remote has no keyboard); each member reads them in their own language. */
export const CIRCLE_PHRASES = ['look', 'wow', 'pause', 'back', 'go-on', 'thanks'] as const;
export const CirclePhrase = z.enum(CIRCLE_PHRASES);
export type CirclePhrase = z.infer<typeof CirclePhrase>;

/** Characters (code points, so a Chinese message has the same room as an English one) in one message. */
export const CIRCLE_MESSAGE_MAX_LENGTH = 200;
/** How many recent messages a circle keeps for members who join late or come back. */
export const CIRCLE_RECENT_MESSAGES = 20;

const CircleIdText = z.string().check(z.regex(/^c_[A-Za-z0-9_-]{8,32}$/, 'a circle id given by the server'));
const MemberIdText = z.string().check(z.regex(/^m_[A-Za-z0-9_-]{8,32}$/, 'a member id given by the server'));
export const CircleMessageId = z.string().check(z.regex(/^g_[A-Za-z0-9_-]{8,32}$/, 'a message id given by the server'));
const Version = CircleProtocolVersion;

/**
 * A message as it is kept and shown: trimmed, runs of white space (new lines included) made one space, so a
 * message is one line over the view; other control characters make it invalid (checked by the schema).
 */
export function normalizeCircleText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Length in code points: what "200 characters" means to the person typing. */
export const circleTextLength = (text: string) => Array.from(text).length;

const MessageText = z.string().check(
  z.overwrite(normalizeCircleText),
  z.minLength(1, 'an empty message'),
  z.refine((text) => circleTextLength(text) <= CIRCLE_MESSAGE_MAX_LENGTH, `at most ${CIRCLE_MESSAGE_MAX_LENGTH} characters`),
  // eslint-disable-next-line no-control-regex
  z.regex(/^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/, 'no control characters'),
);

export const ReactRequest = z.strictObject({ v: Version, circleId: CircleIdText, reaction: CircleReaction });
export type ReactRequest = z.infer<typeof ReactRequest>;

/** Exactly one of `text` (typed) and `phrase` (a quick reply). */
export const SayRequest = z.union([
  z.strictObject({ v: Version, circleId: CircleIdText, text: MessageText }),
  z.strictObject({ v: Version, circleId: CircleIdText, phrase: CirclePhrase }),
]);
export type SayRequest = z.infer<typeof SayRequest>;

export const RecentRequest = z.strictObject({ circleId: CircleIdText });
export const ReportRequest = z.strictObject({ circleId: CircleIdText, messageId: CircleMessageId });
export const UnsayRequest = z.strictObject({ circleId: CircleIdText, messageId: CircleMessageId });

export const CircleReacted = z.object({ circleId: CircleIdText, memberId: MemberIdText, reaction: CircleReaction, at: count });
export type CircleReacted = z.infer<typeof CircleReacted>;

/** A message as members see it; `name` is the sender's name when they sent it (they may have left since). */
export const CircleMessage = z.object({
  id: CircleMessageId,
  circleId: CircleIdText,
  memberId: MemberIdText,
  name: z.string(),
  at: count,
  text: z.optional(z.string()),
  phrase: z.optional(CirclePhrase),
  /** Shown to the host only: a member reported it. */
  reported: z.optional(z.boolean()),
});
export type CircleMessage = z.infer<typeof CircleMessage>;

export const CircleMessageReported = z.object({ circleId: CircleIdText, message: CircleMessage, reportedBy: MemberIdText, reporterName: z.string() });
export type CircleMessageReported = z.infer<typeof CircleMessageReported>;

export const CircleMessageRemoved = z.object({ circleId: CircleIdText, messageId: CircleMessageId });
export type CircleMessageRemoved = z.infer<typeof CircleMessageRemoved>;

/** The replies use the circle refusal (circle.ts): a `say` answers the message it sent. */
export const CircleMessages = z.array(CircleMessage);
