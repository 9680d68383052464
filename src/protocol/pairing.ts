// Pairing: a phone as the TV's companion in one room. The TV asks for a pairing and shows its short code and a QR
// code; a phone that opens the link (or types the code) pairs with that TV, with no account. From the phone: the
// backer code for the TV (checked on the server, handed to the TV over its socket, never in a URL), reactions
// that show on the TV, "look here" (the phone points; the TV's view turns there) and meet-up questions (asked by the
// TV as its own viewer, so the meet-up's tier check and limits hold). One definition of every pairing message for the server and both clients, validated at both
// ends (see docs/protocol.md, "Pairing").
import * as z from 'zod/mini';
import { ProtocolError } from './messages';
import { ProjectId, count } from './primitives';
import { BackerTier } from './project';
import { CIRCLE_CODE_ALPHABET, CIRCLE_CODE_LENGTH, normalizeCircleCode } from './circle-code';
import { QUESTION_MAX_LENGTH } from './meetup';

/** Carried by every offer and join: a server refuses another one with `protocol-version`. */
export const PAIRING_PROTOCOL_VERSION = 1;

/**
 * Six characters from the invite alphabet (no 0/O, 1/I/L): read off a TV across the room and typed on a phone.
 * 31⁶ ≈ 8.9 × 10⁸ codes; at the per-address join limit a guess needs far longer than a pairing lives.
 */
export const PAIRING_CODE_LENGTH = 6;
export const PAIRING_CODE_ALPHABET = CIRCLE_CODE_ALPHABET;
/** The largest pairing message a client may send (JSON characters): anything bigger is refused as `oversize`. */
export const MAX_PAIRING_MESSAGE_CHARS = 1024;
export const PAIRING_NAME_MAX_LENGTH = 32;
/** A backer code as people type it: the server checks it; this only bounds its size. */
export const BACKER_CODE_MAX_LENGTH = 128;

export const PAIRING_EVENTS = {
  /** TV → server, ack PairingOfferReply: a new pairing (a code to show), or the same one again with its key. */
  offer: 'pairing:offer',
  /** phone → server, ack PairingJoinReply: pair with the TV showing this code (or come back with its key). */
  join: 'pairing:join',
  /** phone → server, ack PairingActionReply: a backer code for the TV (the server checks it and its tier). */
  backer: 'pairing:backer',
  /** phone → server, ack PairingActionReply: a reaction shown on the TV. */
  react: 'pairing:react',
  /** phone → server, ack PairingActionReply: "look here": the TV's view turns to this direction. */
  point: 'pairing:point',
  /** phone → server, ack PairingActionReply: a question for the meet-up the TV is in, asked by the TV as its viewer. */
  ask: 'pairing:ask',
  /** phone → server, ack PairingActionReply: a circle's code; the TV joins that circle as its own viewer. */
  circle: 'pairing:circle',
  /** TV → server, ack PairingActionReply: unpair one phone, or end the pairing (every phone). */
  revoke: 'pairing:revoke',
  /** server → TV and phones: the pairing after every change. */
  state: 'pairing:state',
  /** server → TV: a phone gave a valid backer code; the TV signs in with it (Web Storage, never a URL). */
  signIn: 'pairing:sign-in',
  /** server → TV: a phone's reaction. */
  reaction: 'pairing:reaction',
  /** server → TV: a phone points ("look here"); the TV's view turns there. */
  pointed: 'pairing:pointed',
  /** server → TV, ack PairingQuestionAnswer: a phone's question; the TV asks it in its meet-up and says how it went. */
  question: 'pairing:question',
  /** server → TV, ack PairingCircleAnswer: a phone typed a circle's code; the TV joins it and says how it went. */
  joinCircle: 'pairing:join-circle',
  /** server → one phone (or the TV): the pairing is over for it (revoked, expired). */
  closed: 'pairing:closed',
} as const;

export const PairingId = z.string().check(z.regex(/^p_[A-Za-z0-9_-]{8,32}$/, 'a pairing id given by the server'));
export const PhoneId = z.string().check(z.regex(/^ph_[A-Za-z0-9_-]{8,32}$/, 'a phone id given by the server'));
/** Secret the TV or a phone comes back with after a reconnect; given once in a reply, never in a URL or a log. */
export const PairingKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'a key given by the server'));
const codePattern = new RegExp(`^[${PAIRING_CODE_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`);
/** Typed codes: any case, with spaces or dashes anywhere. */
export const PairingCodeInput = z.string().check(
  z.maxLength(16),
  z.refine((text) => codePattern.test(normalizePairingCode(text)), {
    message: `${PAIRING_CODE_LENGTH} characters as the TV shows them (letters and digits, no 0, 1, I, L or O)`,
  }),
);
const DeviceName = z.string().check(z.trim(), z.minLength(1), z.maxLength(PAIRING_NAME_MAX_LENGTH));

/** Reactions a phone can send to its TV (the meet-up palette's first three, and two more). */
export const PAIRING_REACTIONS = ['heart', 'applause', 'laugh', 'wow', 'fire'] as const;
export const PairingReactionKind = z.enum(PAIRING_REACTIONS);
export type PairingReactionKind = z.infer<typeof PairingReactionKind>;

export const PairedPhone = z.object({ id: PhoneId, name: z.string(), online: z.boolean(), pairedAt: count });
export type PairedPhone = z.infer<typeof PairedPhone>;

export const PairingView = z.object({
  id: PairingId,
  /** The code, normalized (capitals, no dash); the TV shows it formatted. */
  code: z.string(),
  projectId: ProjectId,
  tvName: z.string(),
  phones: z.array(PairedPhone),
  /** ms since the epoch: the pairing ends then by itself. */
  expiresAt: count,
});
export type PairingView = z.infer<typeof PairingView>;

export const OfferPairingRequest = z.strictObject({
  v: z.literal(PAIRING_PROTOCOL_VERSION),
  projectId: ProjectId,
  tvName: DeviceName,
  /** To come back as the same TV after a reconnect: both, as the offer reply gave them. */
  pairingId: z.optional(PairingId),
  tvKey: z.optional(PairingKey),
});
export type OfferPairingRequest = z.infer<typeof OfferPairingRequest>;

export const JoinPairingRequest = z.strictObject({
  v: z.literal(PAIRING_PROTOCOL_VERSION),
  code: PairingCodeInput,
  name: DeviceName,
  /** Only phones pair by code: a TV is refused (`second-tv`), so no other set can take a TV's code. */
  device: z.enum(['phone', 'tv']),
  phoneId: z.optional(PhoneId),
  phoneKey: z.optional(PairingKey),
});
export type JoinPairingRequest = z.infer<typeof JoinPairingRequest>;

export const BackerForTvRequest = z.strictObject({ pairingId: PairingId, code: z.string().check(z.trim(), z.minLength(1), z.maxLength(BACKER_CODE_MAX_LENGTH)) });
export const ReactRequest = z.strictObject({ pairingId: PairingId, reaction: PairingReactionKind });
/**
 * Angles of the view direction (src/view/view-direction.ts): degrees, yaw in [−180, 180] with 0 the footage's centre
 * and positive to the right, pitch in [−90, 90] with positive up. Anything else (out of range, not a finite number)
 * is refused with the field named.
 */
const Yaw = z.number().check(z.gte(-180), z.lte(180));
const Pitch = z.number().check(z.gte(-90), z.lte(90));
export const PointRequest = z.strictObject({ pairingId: PairingId, yaw: Yaw, pitch: Pitch });
export type PointRequest = z.infer<typeof PointRequest>;
/** The meet-up's own bounds (`AskRequest`): a phone's question is no longer than one typed on any other screen. */
export const PairingAskRequest = z.strictObject({ pairingId: PairingId, text: z.string().check(z.trim(), z.minLength(1), z.maxLength(QUESTION_MAX_LENGTH)) });
export type PairingAskRequest = z.infer<typeof PairingAskRequest>;
const circleCodePattern = new RegExp(`^[${CIRCLE_CODE_ALPHABET}]{${CIRCLE_CODE_LENGTH}}$`);
/** A circle's code as typed (any case, spaces or dashes): only its form is checked here; the TV's join checks the rest. */
export const PairingCircleRequest = z.strictObject({
  pairingId: PairingId,
  code: z.string().check(
    z.maxLength(24),
    z.refine((text) => circleCodePattern.test(normalizeCircleCode(text)), { message: `${CIRCLE_CODE_LENGTH} characters as the circle's invite shows them` }),
  ),
});
export type PairingCircleRequest = z.infer<typeof PairingCircleRequest>;
export const RevokeRequest = z.strictObject({ pairingId: PairingId, phoneId: z.optional(PhoneId) });
export type RevokeRequest = z.infer<typeof RevokeRequest>;

/** To the TV only, with an ack: a phone's question for the meet-up on the TV. */
export const PairingQuestion = z.object({ pairingId: PairingId, phoneId: PhoneId, phoneName: z.string(), text: z.string().check(z.minLength(1), z.maxLength(QUESTION_MAX_LENGTH)) });
export type PairingQuestion = z.infer<typeof PairingQuestion>;

/** To the TV only, with an ack: a circle's code (normalized) a phone typed for the TV to join. */
export const PairingCircleCode = z.object({ pairingId: PairingId, phoneId: PhoneId, phoneName: z.string(), code: z.string().check(z.regex(circleCodePattern)) });
export type PairingCircleCode = z.infer<typeof PairingCircleCode>;

/**
 * Why the server said no: what the client shows. unknown-code, expired, second-tv, full: pairing; forged: a TV or
 * phone id with a key that is not its own; not-paired: no (longer a) pairing on this socket; wrong-backer-code,
 * no-access: the backer code (unknown or revoked, or not for this project); no-meetup: the TV is in no meet-up;
 * meetup-refused: the meet-up refused the TV's question (`error.code` is the meet-up's: forbidden, rate-limited,
 * invalid-request); no-circle-entry: the TV cannot join a circle now (nothing on it takes a code); circle-refused:
 * the circle refused the TV (`error` is the circle's); flood; oversize; invalid.
 */
export const PAIRING_REFUSALS = ['unknown-code', 'expired', 'second-tv', 'full', 'forged', 'not-paired', 'wrong-backer-code', 'no-access', 'no-meetup', 'meetup-refused', 'no-circle-entry', 'circle-refused', 'flood', 'oversize', 'invalid'] as const;
export const PairingRefusalReason = z.enum(PAIRING_REFUSALS);
export type PairingRefusalReason = z.infer<typeof PairingRefusalReason>;

export const PairingRefusal = z.object({ ok: z.literal(false), error: ProtocolError, reason: PairingRefusalReason });
export type PairingRefusal = z.infer<typeof PairingRefusal>;

export const PairingOfferReply = z.union([
  z.object({ ok: z.literal(true), pairing: PairingView, tvKey: PairingKey }),
  PairingRefusal,
]);
export type PairingOfferReply = z.infer<typeof PairingOfferReply>;

export const PairingJoinReply = z.union([
  z.object({ ok: z.literal(true), pairing: PairingView, you: PhoneId, phoneKey: PairingKey }),
  PairingRefusal,
]);
export type PairingJoinReply = z.infer<typeof PairingJoinReply>;

export const PairingActionReply = z.union([z.object({ ok: z.literal(true), tier: z.optional(BackerTier) }), PairingRefusal]);
export type PairingActionReply = z.infer<typeof PairingActionReply>;

/** The TV's answer to `pairing:question`: asked, or why not (no meet-up open, or the meet-up's refusal). */
export const PairingQuestionAnswer = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-meetup', 'meetup-refused']), error: ProtocolError }),
]);
export type PairingQuestionAnswer = z.infer<typeof PairingQuestionAnswer>;

/** The TV's answer to `pairing:join-circle`: joined, or why not. */
export const PairingCircleAnswer = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-circle-entry', 'circle-refused']), error: ProtocolError }),
]);
export type PairingCircleAnswer = z.infer<typeof PairingCircleAnswer>;

/** To the TV only, over its socket: the code the phone typed (checked), and what it opens. */
export const PairingSignIn = z.object({ pairingId: PairingId, phoneName: z.string(), token: z.string(), tier: BackerTier });
export type PairingSignIn = z.infer<typeof PairingSignIn>;

export const PairingReaction = z.object({ pairingId: PairingId, phoneId: PhoneId, phoneName: z.string(), reaction: PairingReactionKind, at: count });
export type PairingReaction = z.infer<typeof PairingReaction>;

/** To the TV only: where a phone points; `at` is the server's time, so the TV keeps the newest of two. */
export const PairingPoint = z.object({ pairingId: PairingId, phoneId: PhoneId, phoneName: z.string(), yaw: Yaw, pitch: Pitch, at: count });
export type PairingPoint = z.infer<typeof PairingPoint>;

export const PairingClosed = z.object({ pairingId: PairingId, reason: z.enum(['revoked', 'expired']) });
export type PairingClosed = z.infer<typeof PairingClosed>;

/** The code as stored: capitals, without the spaces and dashes people type or the display adds. */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** ABC-DEF: two groups of three, as the TV shows it. */
export function formatPairingCode(code: string): string {
  const plain = normalizePairingCode(code);
  return `${plain.slice(0, 3)}-${plain.slice(3)}`;
}

/**
 * The phone's link: the phone page (`?mode=pair`) with the code in the fragment, which browsers never send to a
 * server (so it is in no request log). The code alone opens nothing: a phone pairs only while the TV's offer lives.
 */
export function pairingLink(origin: string, projectId: string, code: string, language?: string): string {
  const lang = language ? `&lang=${encodeURIComponent(language)}` : '';
  return `${origin}/?mode=pair&project=${encodeURIComponent(projectId)}${lang}#pair=${formatPairingCode(code)}`;
}

/** The code in a link's fragment (`#pair=ABC-DEF`), or undefined. */
export function pairingCodeFromHash(hash: string): string | undefined {
  const match = /(?:^#|&)pair=([A-Za-z0-9-]{6,8})(?:&|$)/.exec(hash);
  return match ? normalizePairingCode(match[1]!) : undefined;
}
