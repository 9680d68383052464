// Pairings' typed settings, every default in one place. Rates are per socket and sit inside the feed's per-socket
// limit (which still counts every message); joins and backer codes are also counted per address, so neither codes
// nor backer codes can be guessed by opening more sockets.
import type { RateLimit } from '../rate-limiter';

export interface PairingLimits {
  /** How long a pairing lives from the TV's offer; after it the phones are told and the code opens nothing. */
  lifetimeMs: number;
  /** Most phones one TV pairs with. */
  maxPhones: number;
  /** Every pairing message of a socket. */
  messageRateLimit: RateLimit;
  /** Offers, joins and backer codes per client address: codes cannot be tried faster than this. */
  enterRateLimit: RateLimit;
  /** Reactions per phone: a tap storm shows as a few, not as a flood on the TV. */
  reactionRateLimit: RateLimit;
  /** "Look here" per phone (instead of `messageRateLimit`): a drag sends a few a second, a storm hears "slow down". */
  pointRateLimit: RateLimit;
  /** Meet-up questions per phone: the meet-up's own per-caller pace (its limit still applies to the TV's viewer). */
  askRateLimit: RateLimit;
  /** How often expired pairings are looked for (a pairing past its time is refused even before the sweep). */
  expirySweepMs: number;
}

export const DEFAULT_PAIRING_LIMITS: PairingLimits = {
  // An evening in front of the TV, and the next morning's cartoons.
  lifetimeMs: 12 * 60 * 60 * 1000,
  maxPhones: 4,
  // Below the feed's own per-socket burst (20), so a flood hears "slow down" from here instead of silence.
  messageRateLimit: { perSecond: 3, burst: 12 },
  // A household pairing two or three phones gets in at once; 8.9 × 10⁸ codes at this pace need decades.
  enterRateLimit: { perSecond: 0.5, burst: 8 },
  reactionRateLimit: { perSecond: 2, burst: 6 },
  // The phone sends a drag's latest direction at most every 250 ms (the TV glides between them), inside the feed's
  // per-socket 5/s.
  pointRateLimit: { perSecond: 4, burst: 8 },
  // As the meet-up's askRateLimit: one question per 5 s, bursts of 3.
  askRateLimit: { perSecond: 0.2, burst: 3 },
  expirySweepMs: 60_000,
};
