// Where a member's player should be in a live meet-up the circle watches together: the live edge minus the
// circle's latency, on the shared clock. Each segment of the live stream carries the wall-clock time (on the
// server's clock) of its first frame, so the player's "playing date" says exactly how far behind live its picture
// is; the playlist's seekable end would not (it is only as fresh as the last playlist reload, up to a segment
// stale, and different for each member). The target is then an ordinary media time of this player, followed by
// the same policy as set footage (follow-policy.ts): small drift by rate, large by a seek.

export interface LiveFollowInput {
  /** The player's media time now (seconds, its own timeline). */
  currentTime: number;
  /** Server time (ms since the epoch) of the frame on screen: the playing date; null while it has none. */
  playingDateMs: number | null;
  /** The shared clock now (ms since the epoch, the server's). */
  serverNowMs: number;
  /** How far behind live the circle watches (seconds). */
  latencyS: number;
}

/** How far behind live the picture is now (seconds), or null without a playing date. */
export function liveLatencyOf(input: Pick<LiveFollowInput, 'playingDateMs' | 'serverNowMs'>): number | null {
  if (input.playingDateMs === null || !Number.isFinite(input.playingDateMs)) return null;
  return (input.serverNowMs - input.playingDateMs) / 1000;
}

/**
 * The media time (this player's timeline) that is `latencyS` behind live now, or null without a playing date.
 * A picture more behind than the circle gets a later target (catch up), one less behind an earlier one.
 */
export function liveTarget(input: LiveFollowInput): number | null {
  const latency = liveLatencyOf(input);
  return latency === null ? null : input.currentTime + (latency - input.latencyS);
}
