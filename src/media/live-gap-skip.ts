// A live stream that stalled (the network went away, and the playlist moved on without it) comes back with its
// next buffered footage some way ahead of the playhead: what lay between has left the live window and never loads.
// hls.js seeks over such a gap only when its own stall checks come round again, which was seen taking 2.4 s after
// the segments were in, the picture standing still with the footage buffered. Here the playhead goes to the
// footage as soon as a segment is buffered. (A hole the playhead reaches later, such as the frame-long one at a
// looped stream's wrap, hls.js skips at once on the element's 'waiting'.) Live only: a gap in a video on demand is
// footage still to load.

export interface BufferedRange {
  start: number;
  end: number;
}

/** Footage ahead of the playhead (s) that lets the element play on by itself: no seek is needed. */
const PLAYABLE_AHEAD_S = 0.1;
/** How far into the range ahead the playhead lands (as hls.js's skipBufferHolePadding): its very start can be a
 * frame the element does not count as buffered. */
const LANDING_S = 0.1;

/**
 * Where a stalled live playhead goes: just inside the first buffered range ahead of it; null when there is footage
 * to play at the playhead already, or none ahead.
 */
export function liveGapTarget(currentTime: number, ranges: readonly BufferedRange[]): number | null {
  if (ranges.some((r) => r.start <= currentTime && r.end - currentTime > PLAYABLE_AHEAD_S)) return null;
  let next: BufferedRange | null = null;
  for (const r of ranges) if (r.start > currentTime && (!next || r.start < next.start)) next = r;
  if (!next) return null;
  return Math.min(next.start + LANDING_S, (next.start + next.end) / 2);
}

export function bufferedRanges(video: HTMLVideoElement): BufferedRange[] {
  const ranges: BufferedRange[] = [];
  for (let i = 0; i < video.buffered.length; i++) ranges.push({ start: video.buffered.start(i), end: video.buffered.end(i) });
  return ranges;
}

/** Whether the element means to play but cannot (no frame ahead): not paused, not seeking, short of HAVE_FUTURE_DATA. */
export function isStalled(video: HTMLVideoElement): boolean {
  return !video.paused && !video.seeking && video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA;
}
