// Presence in a circle: where each member looks, and "look here" (one member points; the others are offered a
// turn towards it). Transient: relayed to the circle's room, never stored; validated and rate-limited on the server
// (src/server/circles/circle-presence.ts). Angles are the view direction's (src/view/view-direction.ts): degrees,
// yaw in (−180, 180] with 0 the footage's centre and positive to the right, pitch in [−90, 90] with positive up.
import * as z from 'zod/mini';
import { count } from './primitives';

export const CIRCLE_PRESENCE_EVENTS = {
  /** client → server, no ack: where this member looks now (sent on change, at most a few times a second). */
  look: 'circle:look',
  /** server → the rest of the room: where a member looks. */
  looking: 'circle:looking',
  /** client → server, ack CircleActionReply: "look here", at this direction. */
  point: 'circle:point',
  /** server → the rest of the room: a member says "look here". */
  pointed: 'circle:pointed',
} as const;

const Yaw = z.number().check(z.gte(-180), z.lte(180));
const Pitch = z.number().check(z.gte(-90), z.lte(90));
const CircleIdText = z.string().check(z.regex(/^c_[A-Za-z0-9_-]{8,32}$/, 'a circle id given by the server'));
const MemberIdText = z.string().check(z.regex(/^m_[A-Za-z0-9_-]{8,32}$/, 'a member id given by the server'));
/** The location the direction is in: a look at another location's footage means nothing here. */
const Location = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'));

export const LookRequest = z.strictObject({ circleId: CircleIdText, locationId: Location, yaw: Yaw, pitch: Pitch });
export type LookRequest = z.infer<typeof LookRequest>;

export const PointRequest = z.strictObject({ circleId: CircleIdText, locationId: Location, yaw: Yaw, pitch: Pitch });
export type PointRequest = z.infer<typeof PointRequest>;

/** Where one member looks, as the others are told. */
export const MemberLook = z.object({ circleId: CircleIdText, memberId: MemberIdText, locationId: Location, yaw: Yaw, pitch: Pitch });
export type MemberLook = z.infer<typeof MemberLook>;

/** "Look here" from one member; `at` is the server's time, so a late arrival can be told apart from a new one. */
export const MemberPointed = z.object({ circleId: CircleIdText, memberId: MemberIdText, locationId: Location, yaw: Yaw, pitch: Pitch, at: count });
export type MemberPointed = z.infer<typeof MemberPointed>;
