// The arithmetic of a looped live stream: which segments exist at a given moment and the playlists that list
// them. Everything follows from the start time alone (no per-stream state), so any server node, and the same
// node after a restart, serves the same playlist for the same moment.

/** Segments in a live playlist: hls.js starts 3 target durations behind the edge, so 6 leaves room to catch up. */
export const LIVE_WINDOW_SEGMENTS = 6;
/**
 * Segments published the moment a stream starts, as an encoder's first output would be: without them a player
 * that opens the stream right after the start finds an empty playlist and retries for seconds.
 */
export const PREROLL_SEGMENTS = 3;

export interface LoopTimeline {
  /** Source segments in one loop. */
  count: number;
  durationsMs: number[];
  /** prefixMs[i]: where source segment i starts within the loop; prefixMs[count] is the loop's length. */
  prefixMs: number[];
  targetDurationSeconds: number;
}

export function createLoopTimeline(durationsSeconds: number[], targetDurationSeconds: number): LoopTimeline {
  const durationsMs = durationsSeconds.map((s) => Math.round(s * 1000));
  const prefixMs = [0];
  for (const d of durationsMs) prefixMs.push(prefixMs[prefixMs.length - 1]! + d);
  return { count: durationsMs.length, durationsMs, prefixMs, targetDurationSeconds };
}

const loopMs = (t: LoopTimeline) => t.prefixMs[t.count]!;

/** Where global segment `k` (0, 1, 2, … across loops) starts, in ms of media time. */
export function segmentStartMs(t: LoopTimeline, k: number): number {
  return Math.floor(k / t.count) * loopMs(t) + t.prefixMs[k % t.count]!;
}

/** The source segment that global segment `k` repeats. */
export const sourceIndex = (t: LoopTimeline, k: number): number => k % t.count;

/** How many segments are out `elapsedMs` after the start: the preroll plus every one whose time has fully passed. */
export function publishedCount(t: LoopTimeline, elapsedMs: number): number {
  const e = Math.max(0, elapsedMs);
  const loops = Math.floor(e / loopMs(t));
  const rest = e - loops * loopMs(t);
  let complete = 0;
  while (complete < t.count && t.prefixMs[complete + 1]! <= rest) complete++;
  return PREROLL_SEGMENTS + loops * t.count + complete;
}

export interface PlaylistRequest {
  /** First global segment listed. */
  first: number;
  /** One past the last global segment listed. */
  end: number;
  /** Wall-clock time (ms) at which segment PREROLL_SEGMENTS begins: the meet-up's start. */
  startedAtMs: number;
  /** Ended: the list is final (EXT-X-ENDLIST). */
  ended: boolean;
  /** A replay: the whole list from 0, marked VOD. */
  vod: boolean;
}

/**
 * A media playlist of global segments [first, end). Each loop wrap restarts the source's timestamps, so the
 * segment after it carries EXT-X-DISCONTINUITY; the discontinuity sequence counts the wraps before `first`,
 * and every segment has its wall-clock time so players can show how far behind live they are.
 */
export function renderMediaPlaylist(t: LoopTimeline, request: PlaylistRequest): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${t.targetDurationSeconds}`,
    `#EXT-X-MEDIA-SEQUENCE:${request.first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(request.first / t.count)}`,
    ...(request.vod ? ['#EXT-X-PLAYLIST-TYPE:VOD'] : []),
    '#EXT-X-INDEPENDENT-SEGMENTS',
    '#EXT-X-MAP:URI="init.mp4"',
  ];
  const prerollMs = segmentStartMs(t, PREROLL_SEGMENTS);
  for (let k = request.first; k < request.end; k++) {
    if (k > request.first && k % t.count === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(request.startedAtMs + segmentStartMs(t, k) - prerollMs).toISOString()}`);
    lines.push(`#EXTINF:${(t.durationsMs[k % t.count]! / 1000).toFixed(3)},`);
    lines.push(`${k}.m4s`);
  }
  if (request.ended) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** The live window at `nowMs` (or, once ended, the final window, closed). */
export function liveWindow(t: LoopTimeline, startedAtMs: number, nowMs: number, endedAtMs: number | undefined): PlaylistRequest {
  const end = publishedCount(t, (endedAtMs ?? nowMs) - startedAtMs);
  return { first: Math.max(0, end - LIVE_WINDOW_SEGMENTS), end, startedAtMs, ended: endedAtMs !== undefined, vod: false };
}

/** Everything that was live, from the first segment to the last, as a VOD playlist. */
export function replayPlaylist(t: LoopTimeline, startedAtMs: number, endedAtMs: number): PlaylistRequest {
  return { first: 0, end: publishedCount(t, endedAtMs - startedAtMs), startedAtMs, ended: true, vod: true };
}
