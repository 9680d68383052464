// Circles' typed settings, every default in one place. Rates are per socket and sit inside the feed's
// per-socket limit, which still counts every message; joins are also counted per address, so codes cannot be
// guessed by opening more sockets.
import { CIRCLE_RECENT_MESSAGES, DEFAULT_CIRCLE_LIVE_LATENCY_S, DEFAULT_CIRCLE_SIZE } from '../../protocol/circle';
import type { RateLimit } from '../rate-limiter';

export interface CircleLimits {
  /** Most members a new circle takes. */
  maxMembers: number;
  /** Every circle message of a socket (clock samples included). */
  messageRateLimit: RateLimit;
  /** Joins and creates per client address: codes cannot be tried faster than this. */
  joinRateLimit: RateLimit;
  /** Where-I-look updates per socket (the client sends one on a change, at most every 400 ms). */
  lookRateLimit: RateLimit;
  /** "Look here" per socket: it turns other people's view, so a few, then one every few seconds. */
  pointRateLimit: RateLimit;
  /** Messages (typed or quick replies) per member: a conversation's pace, not a flood over everyone's view. */
  sayRateLimit: RateLimit;
  /** Reactions per member: a few in a row are a cheer; more would cover the view. */
  reactRateLimit: RateLimit;
  /** Reports per member: each one interrupts the host. */
  reportRateLimit: RateLimit;
  /** Recent messages a circle keeps for whoever joins late or comes back (the rest are deleted). */
  keptMessages: number;
  /** How long the circle holds its time for a stalled member before it goes on without them. */
  waitForMemberMs: number;
  /** A member is waited for at most once in this long; after that they catch up on their own. */
  waitCooldownMs: number;
  /** An open circle nobody is in expires this long after its last join, leave or change. */
  idleExpiryMs: number;
  /** How often expiry candidates are looked for. */
  expirySweepMs: number;
  /** How far behind live a circle watches a meet-up (seconds): every member at the same moment of the stream. */
  liveLatencyS: number;
}

export const DEFAULT_CIRCLE_LIMITS: CircleLimits = {
  maxMembers: DEFAULT_CIRCLE_SIZE,
  // A member sends a handful of clock samples on joining, then one every ten seconds, plus what people press.
  messageRateLimit: { perSecond: 4, burst: 12 },
  // A household or a class joining from one address gets in at once; 10⁸ guesses need centuries.
  joinRateLimit: { perSecond: 1, burst: 10 },
  lookRateLimit: { perSecond: 3, burst: 6 },
  pointRateLimit: { perSecond: 0.25, burst: 3 },
  sayRateLimit: { perSecond: 0.5, burst: 5 },
  reactRateLimit: { perSecond: 2, burst: 8 },
  reportRateLimit: { perSecond: 0.1, burst: 3 },
  keptMessages: CIRCLE_RECENT_MESSAGES,
  waitForMemberMs: 4_000,
  waitCooldownMs: 30_000,
  idleExpiryMs: 24 * 60 * 60 * 1000,
  expirySweepMs: 60_000,
  liveLatencyS: DEFAULT_CIRCLE_LIVE_LATENCY_S,
};
