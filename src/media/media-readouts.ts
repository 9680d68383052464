// What the media session reads off its element for the views and the features built on it: how much is buffered
// ahead of the picture, and where the live edge is. Pure functions of the element's ranges, no state.

type Ranges = Pick<TimeRanges, 'length' | 'start' | 'end'>;

/** Seconds buffered past `time` in the range that holds it (0 when `time` is in no buffered range). */
export function bufferedAheadOf(buffered: Ranges, time: number): number {
  for (let i = 0; i < buffered.length; i++) {
    // A small tolerance: after a seek the picture can sit a few milliseconds before the range hls.js appended.
    if (buffered.start(i) - 0.1 <= time && time <= buffered.end(i)) return Math.max(0, buffered.end(i) - time);
  }
  return 0;
}

/** The live edge of a live stream: the end of its seekable window (hls.js keeps it at the playlist's edge, and the
 * browser's own HLS reports the same range); null while there is none. */
export function liveEdgeOf(seekable: Ranges): number | null {
  if (seekable.length === 0) return null;
  const edge = seekable.end(seekable.length - 1);
  return Number.isFinite(edge) && edge > 0 ? edge : null;
}

/** A volume or playback rate given to a command, checked: a number that is not finite is a caller's bug. */
export function checkedNumber(name: string, value: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  if (value < min || value > max) throw new RangeError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
