// The meet-ups' typed settings, every default in one place. Rates are per caller (the token's callerId), not per
// socket, so opening more tabs or reconnecting does not buy a backer more; they sit inside the feed's
// per-socket limit, which still counts every message.
import type { RateLimit } from '../rate-limiter';

export interface MeetupLimits {
  /** `meetup:react` messages per caller (each carries up to MAX_REACTIONS_PER_MESSAGE taps). */
  reactRateLimit: RateLimit;
  askRateLimit: RateLimit;
  upvoteRateLimit: RateLimit;
  /** Reactions are summed per room over this window and broadcast once per window. */
  reactionWindowMs: number;
  /** Audience counts go out at most this often per room. */
  presenceIntervalMs: number;
  /** Hosts get audience and reaction rate this often. */
  hostStatsIntervalMs: number;
  /** The reaction rate hosts see is averaged over this long. */
  reactionRateSpanMs: number;
  /** Most questions a join reply carries (the board shows the top ones; later changes arrive one by one). */
  maxQuestionsInReply: number;
}

export const DEFAULT_MEETUP_LIMITS: MeetupLimits = {
  // A client sends at most every REACT_SEND_INTERVAL_MS (4/s); twice that leaves room for two devices on one code.
  reactRateLimit: { perSecond: 8, burst: 16 },
  askRateLimit: { perSecond: 0.2, burst: 3 },
  upvoteRateLimit: { perSecond: 2, burst: 10 },
  reactionWindowMs: 250,
  presenceIntervalMs: 500,
  hostStatsIntervalMs: 1000,
  reactionRateSpanMs: 5000,
  maxQuestionsInReply: 200,
};
