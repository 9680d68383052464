// The circle client's typed settings, every default in one place: how the clock is measured, and how a member's
// player follows the circle (small drift by playback rate, large by a seek).

export interface CircleConfig {
  /** Clock samples taken on joining, this far apart; the one with the shortest round trip wins. */
  clockSamples: number;
  clockSampleGapMs: number;
  /** One more sample this often, so a drifting local clock or a changed route is noticed. */
  clockResyncMs: number;
  /**
   * While the best round trip is longer than this, one more sample every `clockRetryMs`, at most `clockRetries`
   * times: a reply held up on one leg only (a busy server while many join) leaves the offset off by up to half the
   * round trip, and measured 90-140 ms off in the circles bench, alone past the 100 ms the members must keep.
   */
  clockGoodRttMs: number;
  clockRetryMs: number;
  clockRetries: number;
  /** How often the player is compared with the circle's time (a stall's onset is met one tick sooner at 50 ms). */
  followIntervalMs: number;
  /** Drift (seconds) beyond which the player seeks instead of changing its rate. */
  seekThresholdS: number;
  /** Drift below this is left alone (rate back to 1). */
  rateDeadbandS: number;
  /** Rate change per second of drift; the correction is spread over about 1 / gain seconds. */
  rateGain: number;
  /**
   * Drift beyond this (seconds, below the seek threshold) is taken up at the full rate change at once: a player
   * that stood still 150-250 ms at a segment's edge (software decoding on a loaded device) otherwise spent half a
   * second more than needed over 100 ms while the proportional rate tapered off.
   */
  fullRateDriftS: number;
  /**
   * The rate stays within 1 ± this while correcting. Browsers keep the pitch at other rates; set footage loses a
   * few hundred ms at each loop of its short clip, which a gentle ±10 % would take seconds to win back.
   */
  maxRateChange: number;
  /**
   * How far the player's measured speed may stand from its rate before it is taken as a measuring error: a loaded
   * device plays 10-15 % slow at rate 1 (measured in Chromium with two cores shared by many processes).
   */
  maxSpeedTrim: number;
  /** Seconds of playing over which the player's speed is averaged. */
  speedWindowS: number;
  /**
   * A seek while the circle plays aims ahead by how long seeks have been taking, at most this far: on a loaded
   * device one slow seek made the next land 0.8-1.8 s ahead, which the rate then took seconds to give back.
   */
  maxSeekLeadS: number;
  /**
   * A stall shorter than this is not told to the circle (which would hold everyone's time for it): the picture
   * stands still for 150-300 ms at each loop of the set's short clips and after each seek, and a circle held for
   * every such hiccup put every other member that far ahead of it.
   */
  stallGraceMs: number;
  /**
   * Within this of the footage's end (seconds), the follower makes the loop itself, by a seek aimed ahead, instead
   * of leaving it to the element (whose loop stands the picture still for the length of a seek).
   */
  loopAheadS: number;
  /** A seek this long without `seeked` is taken as done. */
  seekTimeoutMs: number;
  /** How long to wait for the server to answer a create, a join or a command. */
  replyTimeoutMs: number;
}

export const DEFAULT_CIRCLE_CONFIG: CircleConfig = {
  clockSamples: 6,
  clockSampleGapMs: 120,
  clockResyncMs: 10_000,
  clockGoodRttMs: 60,
  clockRetryMs: 1_000,
  clockRetries: 10,
  followIntervalMs: 50,
  seekThresholdS: 1,
  rateDeadbandS: 0.02,
  rateGain: 2,
  fullRateDriftS: 0.1,
  maxRateChange: 0.5,
  maxSpeedTrim: 0.35,
  speedWindowS: 3,
  maxSeekLeadS: 0.5,
  stallGraceMs: 1_000,
  loopAheadS: 0.12,
  seekTimeoutMs: 3_000,
  replyTimeoutMs: 8_000,
};
