// What the player controls show and where a scrub may go, from the media session's readouts alone (no element, no
// React): the span of the bar, the picture's place on it, how much is buffered, and for a live stream how far
// behind the live edge the picture is. A seek never goes past the end of a video nor past a live stream's edge.

/** The session readouts the controls use (MediaSession has them all). */
export interface TimelineReadouts {
  readonly currentTime: number;
  readonly duration: number;
  readonly bufferedAhead: number;
  readonly liveEdge: number | null;
}

export interface Timeline {
  live: boolean;
  /** The bar's span in media time; start === end while nothing is known yet (the bar is then disabled). */
  start: number;
  end: number;
  current: number;
  /** Media time up to which the stream is buffered (never past `end`). */
  bufferedTo: number;
  /** Live only: seconds the picture is behind the live edge (0 for VOD). */
  behindLive: number;
}

/** A live bar spans this much before the edge: the part of the stream a live playlist usually still holds. */
export const LIVE_SCRUB_WINDOW_S = 30;
/** Further behind the edge than this, a live stream shows "Go to live" instead of its plain badge. hls.js plays
 * three segments behind the edge by design, so a few seconds behind is "at the edge". */
export const LIVE_EDGE_TOLERANCE_S = 10;
/** J and L move this far. */
export const SKIP_S = 10;

export function readTimeline(session: TimelineReadouts, live: boolean): Timeline {
  const current = Number.isFinite(session.currentTime) ? session.currentTime : 0;
  const bufferedAhead = Math.max(0, session.bufferedAhead);
  if (live || session.duration === Infinity) {
    const edge = session.liveEdge ?? current;
    const start = Math.max(0, edge - LIVE_SCRUB_WINDOW_S);
    return { live: true, start, end: edge, current: clamp(current, start, edge), bufferedTo: Math.min(edge, current + bufferedAhead), behindLive: Math.max(0, edge - current) };
  }
  const end = Number.isFinite(session.duration) && session.duration > 0 ? session.duration : 0;
  return { live: false, start: 0, end, current: clamp(current, 0, end), bufferedTo: Math.min(end, current + bufferedAhead), behindLive: 0 };
}

/** Where a seek asked for lands: inside the bar, so never past the end or the live edge. */
export function seekTarget(timeline: Timeline, seconds: number): number {
  return clamp(seconds, timeline.start, timeline.end);
}

/** "1:05", "12:00", "1:02:03". */
export function formatClock(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Share of the bar (0…1) a media time sits at. */
export function shareOf(timeline: Timeline, time: number): number {
  const span = timeline.end - timeline.start;
  return span > 0 ? clamp((time - timeline.start) / span, 0, 1) : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
