// The circle's clock, computed the same way by the server (to re-anchor on every change) and by each member
// (to follow it): the media time at a server time, from the last anchor.
import type { CirclePlayback } from './circle';

/** The circle's media time (seconds) at server time `serverNow` (ms since the epoch). */
export function circleMediaTime(playback: CirclePlayback, serverNow: number, waiting: boolean): number {
  if (!playback.playing || waiting) return playback.mediaTime;
  return playback.mediaTime + Math.max(0, serverNow - playback.at) / 1000;
}

/** A new anchor at `serverNow` that keeps the time where it is: before any change of state. */
export function reanchor(playback: CirclePlayback, serverNow: number, waiting: boolean): CirclePlayback {
  return { ...playback, mediaTime: circleMediaTime(playback, serverNow, waiting), at: serverNow };
}
