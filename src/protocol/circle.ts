// Circles: people who visit a project's set together, on one shared playback (location, play/pause, media time).
// One definition of every circle message for the server and every client, validated at both ends
// (see docs/protocol.md, "Circles").
import * as z from 'zod/mini';
import { ProtocolError } from './messages';
import { ProjectId, count } from './primitives';
import { BackerTier } from './project';
import { MeetupId } from './meetup';
import { CIRCLE_CODE_LENGTH, CIRCLE_CODE_ALPHABET } from './circle-code';
import { CircleMessage } from './circle-chat';
import { CircleProtocolVersion } from './circle-version';

export * from './circle-version';
export * from './circle-code';
export * from './circle-time';
export * from './circle-presence';
export * from './circle-chat';


/** Defaults the server applies; a deployment may change them (src/server/circles/circle-limits.ts). */
export const DEFAULT_CIRCLE_SIZE = 50;
export const CIRCLE_NAME_MAX_LENGTH = 40;

export const CIRCLE_EVENTS = {
  /** client → server, ack CircleReply: start a circle for a project; the caller hosts it. */
  create: 'circle:create',
  /** client → server, ack CircleReply: join by invite code (or rejoin as the same member with its key). */
  join: 'circle:join',
  /** client → server, ack ActionReply (optional): leave for good (a closed tab is not a leave: it may come back). */
  leave: 'circle:leave',
  /** client → server, ack ActionReply: play, pause, seek, move to a location. */
  control: 'circle:control',
  /** client → server, no ack: this member's player stalled or resumed. */
  buffering: 'circle:buffering',
  /** host → server, ack ActionReply: hand hosting over, remove a member, change a setting, end the circle. */
  manage: 'circle:manage',
  /** client → server, ack ClockReply: one clock sample (the client measures the round trip). */
  clock: 'circle:clock',
  /** server → circle room: the whole circle, after every change (`rev` grows). */
  state: 'circle:state',
  /** server → one socket: you are no longer in the circle (removed, ended, expired). */
  closed: 'circle:closed',
  /** server → one socket: a message without an ack was refused. */
  error: 'circle:error',
  /**
   * server → circle room (v2): who may not follow the circle into the meet-up it watches, and why (each member's
   * own entry, checked by the server). Sent on every move into a meet-up and every (re)join while in one; never stored.
   */
  meetupEntry: 'circle:meetup-entry',
  /**
   * server → circle room (v2): the circle left the meet-up it watched without the host moving it, and why (the
   * meet-up ended). Sent before the view that takes everyone back to the tour; a client that does not know it
   * follows that view all the same.
   */
  meetupLeft: 'circle:meetup-left',
} as const;

export const CircleId = z.string().check(z.regex(/^c_[A-Za-z0-9_-]{8,32}$/, 'a circle id given by the server'));
export const MemberId = z.string().check(z.regex(/^m_[A-Za-z0-9_-]{8,32}$/, 'a member id given by the server'));
/** Secret a member rejoins with after a reconnect; given once in the reply, never shown, never in a URL. */
export const MemberKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'a member key given by the server'));
/** Typed codes: upper or lower case, with spaces or dashes anywhere (normalizeCircleCode takes them out). */
export const CircleCodeInput = z.string().check(
  z.maxLength(24),
  z.refine((text) => new RegExp(`^[${CIRCLE_CODE_ALPHABET}]{${CIRCLE_CODE_LENGTH}}$`).test(text.toUpperCase().replace(/[\s-]/g, '')), {
    message: `${CIRCLE_CODE_LENGTH} characters from the invite (letters and digits, no 0, 1, I, L or O)`,
  }),
);
export const LocationId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'));
const DisplayName = z.string().check(z.trim(), z.minLength(1), z.maxLength(CIRCLE_NAME_MAX_LENGTH));
/** Where the member watches from: shown beside the name, and how the circle knows a TV can only use its remote. */
export const CircleDevice = z.enum(['desktop', 'phone', 'tv', 'headset']);
export type CircleDevice = z.infer<typeof CircleDevice>;
/** Who may play, pause, seek and change location: anyone, or only the host. */
export const CircleControl = z.enum(['anyone', 'host']);
export type CircleControl = z.infer<typeof CircleControl>;
const mediaTime = z.number().check(z.gte(0), z.lte(7 * 24 * 3600));

/** How far behind live a circle may watch a meet-up (seconds): never at the edge itself, never a replay. */
export const CIRCLE_LIVE_LATENCY_MIN_S = 2;
export const CIRCLE_LIVE_LATENCY_MAX_S = 60;
/**
 * The circle's latency when it enters a meet-up: hls.js starts a live stream three target durations behind the
 * edge (6 s on the demo's 2 s segments), so nobody has to jump to meet it.
 */
export const DEFAULT_CIRCLE_LIVE_LATENCY_S = 6;

/**
 * A live meet-up the circle watches together (v2): every member admitted plays its live stream `latencyS` behind
 * live, on the shared clock. The stream itself is never in a circle message: each member opens it with their own
 * meet-up entry (their own backer code), so a circle never lets anyone past a tier.
 */
export const CircleLive = z.object({
  meetupId: MeetupId,
  latencyS: z.number().check(z.gte(CIRCLE_LIVE_LATENCY_MIN_S), z.lte(CIRCLE_LIVE_LATENCY_MAX_S)),
});
export type CircleLive = z.infer<typeof CircleLive>;

/**
 * The shared playback. The circle's media time at server time T (ms since the epoch) is
 * `mediaTime + (T - at) / 1000` while `playing` and nobody is waited for, else `mediaTime` (circle-time.ts).
 */
export const CirclePlayback = z.object({
  locationId: LocationId,
  playing: z.boolean(),
  mediaTime,
  /** Server time (ms since the epoch) at which the media time was `mediaTime`. */
  at: count,
  /** Set while the circle watches a live meet-up (v2); `locationId` is then where it goes back to. */
  live: z.optional(CircleLive),
});
export type CirclePlayback = z.infer<typeof CirclePlayback>;

export const CircleMember = z.object({
  id: MemberId,
  name: z.string(),
  device: CircleDevice,
  /** Connected now; a member offline keeps their place and resumes at the circle's time. */
  online: z.boolean(),
  joinedAt: count,
});
export type CircleMember = z.infer<typeof CircleMember>;

export const CircleView = z.object({
  id: CircleId,
  code: z.string(),
  projectId: ProjectId,
  hostId: MemberId,
  control: CircleControl,
  maxMembers: count,
  members: z.array(CircleMember),
  playback: CirclePlayback,
  /** Set while the circle holds its time for a stalled member; `until` is the server time it stops waiting. */
  waiting: z.optional(z.object({ memberId: MemberId, reason: z.enum(['buffering']), until: count })),
  /** Grows with every change: a client applies only a view newer than the one it holds. */
  rev: count,
});
export type CircleView = z.infer<typeof CircleView>;

export const CreateCircleRequest = z.strictObject({
  v: CircleProtocolVersion,
  projectId: ProjectId,
  name: DisplayName,
  device: CircleDevice,
  /** Where the host is now: the circle starts there, at this time, paused or playing. */
  locationId: LocationId,
  mediaTime: z.optional(mediaTime),
  playing: z.optional(z.boolean()),
  control: z.optional(CircleControl),
});
export type CreateCircleRequest = z.infer<typeof CreateCircleRequest>;

export const JoinCircleRequest = z.strictObject({
  v: CircleProtocolVersion,
  code: CircleCodeInput,
  name: DisplayName,
  device: CircleDevice,
  /** To come back as the same member after a reconnect or a reload: both, as the join reply gave them. */
  memberId: z.optional(MemberId),
  memberKey: z.optional(MemberKey),
});
export type JoinCircleRequest = z.infer<typeof JoinCircleRequest>;

export const LeaveCircleRequest = z.strictObject({ circleId: CircleId });

export const ControlAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('play') }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('seek'), mediaTime }),
  /** To a location of the tour; from a meet-up, this is the way back to the tour. */
  z.strictObject({ kind: z.literal('location'), locationId: LocationId, mediaTime: z.optional(mediaTime) }),
  /** v2, host only: the circle watches this live meet-up of its project; each member's entry is checked on its own. */
  z.strictObject({ kind: z.literal('meetup'), meetupId: MeetupId }),
]);
export type ControlAction = z.infer<typeof ControlAction>;
export const ControlRequest = z.strictObject({ circleId: CircleId, action: ControlAction });
export type ControlRequest = z.infer<typeof ControlRequest>;

export const BufferingRequest = z.strictObject({ circleId: CircleId, stalled: z.boolean() });
export type BufferingRequest = z.infer<typeof BufferingRequest>;

export const ManageAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hand-over'), memberId: MemberId }),
  z.strictObject({ kind: z.literal('remove'), memberId: MemberId }),
  z.strictObject({ kind: z.literal('control'), control: CircleControl }),
  z.strictObject({ kind: z.literal('end') }),
]);
export type ManageAction = z.infer<typeof ManageAction>;
export const ManageRequest = z.strictObject({ circleId: CircleId, action: ManageAction });
export type ManageRequest = z.infer<typeof ManageRequest>;

/** `t0`: the client's own clock when it sent the sample, echoed back so it can measure the round trip. */
export const ClockRequest = z.strictObject({ t0: z.number() });
export const ClockReply = z.object({ t0: z.number(), serverTime: count });
export type ClockReply = z.infer<typeof ClockReply>;

/**
 * Why the server said no, beyond the generic code: what the client shows.
 * unknown-code, expired, full, ended: joining; not-member: a forged or stale circle or member id;
 * not-host: a host action from someone else; host-only: control is the host's in this circle.
 * empty, too-long: a circle message with nothing in it, or longer than its limit; unknown-message: a report or a
 * removal naming a message the circle does not have (a forged id, or one already removed).
 * unknown-meetup: a meet-up the circle's project does not have (or a forged id); not-live: a meet-up that is not live
 * now (scheduled or ended); meetup-refused: a host whose own entry to the meet-up is refused (the message says why).
 */
export const CIRCLE_REFUSALS = [
  'unknown-code', 'expired', 'ended', 'full', 'not-member', 'not-host', 'host-only', 'forged-member', 'no-access', 'flood', 'invalid',
  'empty', 'too-long', 'unknown-message', 'unknown-meetup', 'not-live', 'meetup-refused',
] as const;
export const CircleRefusalReason = z.enum(CIRCLE_REFUSALS);
export type CircleRefusalReason = z.infer<typeof CircleRefusalReason>;

export const CircleRefusal = z.object({ ok: z.literal(false), error: ProtocolError, reason: CircleRefusalReason });
export type CircleRefusal = z.infer<typeof CircleRefusal>;

export const CircleReply = z.union([
  z.object({
    ok: z.literal(true),
    circle: CircleView,
    you: MemberId,
    /** Keep it (memory or session storage) to rejoin as the same member; never put it in a URL. */
    memberKey: MemberKey,
    /** Server time when the reply left, a first clock sample. */
    serverTime: count,
  }),
  CircleRefusal,
]);
export type CircleReply = z.infer<typeof CircleReply>;

export const CircleActionReply = z.union([z.object({ ok: z.literal(true) }), CircleRefusal]);
export type CircleActionReply = z.infer<typeof CircleActionReply>;

/** A `circle:say` answers the message as the room got it (with the id the server gave it). */
export const CircleSayReply = z.union([z.object({ ok: z.literal(true), message: CircleMessage }), CircleRefusal]);
export type CircleSayReply = z.infer<typeof CircleSayReply>;

/** A `circle:recent` answers the circle's last few messages, oldest first. */
export const CircleRecentReply = z.union([z.object({ ok: z.literal(true), messages: z.array(CircleMessage) }), CircleRefusal]);
export type CircleRecentReply = z.infer<typeof CircleRecentReply>;

export const CircleClosed = z.object({ circleId: CircleId, reason: z.enum(['removed', 'ended', 'expired', 'left']) });
export type CircleClosed = z.infer<typeof CircleClosed>;

/** One member who may not follow the circle into its meet-up, and why (their own entry, decided by the server). */
export const MeetupEntryRefusal = z.object({
  memberId: MemberId,
  /** The member's display name, so everyone reads who stays behind. */
  name: z.string(),
  error: ProtocolError,
  /** A tier too low: the tier that would open the door, and the member's own. */
  requiredTier: z.optional(BackerTier),
  yourTier: z.optional(BackerTier),
});
export type MeetupEntryRefusal = z.infer<typeof MeetupEntryRefusal>;

/** `circle:meetup-entry`: the meet-up the circle watches and everyone online who may not enter it (none: all in). */
export const MeetupEntryNotice = z.object({ circleId: CircleId, meetupId: MeetupId, refused: z.array(MeetupEntryRefusal) });
export type MeetupEntryNotice = z.infer<typeof MeetupEntryNotice>;

/** `circle:meetup-left`: the meet-up the circle watched is over, so the server took the circle back to the tour. */
export const MeetupLeftNotice = z.object({ circleId: CircleId, meetupId: MeetupId, reason: z.enum(['ended']) });
export type MeetupLeftNotice = z.infer<typeof MeetupLeftNotice>;

export const CircleError = z.object({ circleId: z.optional(z.string()), event: z.string(), error: ProtocolError, reason: CircleRefusalReason });
export type CircleError = z.infer<typeof CircleError>;
