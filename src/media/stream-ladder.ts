// What a stream offers (each rendition's size and bitrate) and whether it is live, read before playback starts: the
// engine choice depends on it (the browser's own HLS has no rendition cap, so its largest rendition must fit the
// texture, and gives live streams no live edge), and the stats name the rendition native playback chose.

export interface LadderRung {
  width: number;
  height: number;
  bitrate: number;
}

/** The renditions of a master playlist; empty for a media playlist (one rendition, size unknown). */
export type StreamLadder = LadderRung[];

/** What the engine choice needs to know about a stream before it plays. */
export interface StreamFacts {
  ladder: StreamLadder;
  /** A live playlist (no #EXT-X-ENDLIST): a moving window whose edge the latency display reads. */
  live: boolean;
}

const STREAM_INF = /^#EXT-X-STREAM-INF:(.*)$/;

export function parseLadder(playlist: string): StreamLadder {
  const ladder: StreamLadder = [];
  for (const line of playlist.split(/\r?\n/)) {
    const inf = STREAM_INF.exec(line.trim());
    if (!inf) continue;
    const attributes = inf[1] ?? '';
    const resolution = /(?:^|,)RESOLUTION=(\d+)x(\d+)/.exec(attributes);
    const bandwidth = /(?:^|,)BANDWIDTH=(\d+)/.exec(attributes);
    // A rendition without a RESOLUTION could be any size: say so with zeros, which never count as fitting.
    ladder.push({ width: Number(resolution?.[1] ?? 0), height: Number(resolution?.[2] ?? 0), bitrate: Number(bandwidth?.[1] ?? 0) });
  }
  return ladder;
}

/** The rung with the most pixels, or null for an empty ladder. */
export function topRung(ladder: StreamLadder): LadderRung | null {
  let top: LadderRung | null = null;
  for (const rung of ladder) if (!top || rung.width * rung.height > top.width * top.height) top = rung;
  return top;
}

/** The rung whose height is nearest `height` (what native playback switched to), or null. */
export function rungForHeight(ladder: StreamLadder, height: number): LadderRung | null {
  let best: LadderRung | null = null;
  for (const rung of ladder) if (!best || Math.abs(rung.height - height) < Math.abs(best.height - height)) best = rung;
  return best;
}

/** Whether a media playlist is live: no end marker and not declared VOD. */
export function isLivePlaylist(playlist: string): boolean {
  return !/^#EXT-X-ENDLIST\b/m.test(playlist) && !/^#EXT-X-PLAYLIST-TYPE:VOD\b/m.test(playlist);
}

/** The facts of `src`, or null when they cannot be read (the caller then leaves the stream to hls.js, whose errors
 * and retries the error card is built on). */
export function readStreamFacts(src: string, fetchImpl: typeof fetch = fetch): Promise<StreamFacts | null> {
  return fetchStreamFacts(src, fetchImpl);
}

async function fetchPlaylist(url: string, fetchImpl: typeof fetch): Promise<string | null> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) return null;
    const text = await response.text();
    return text.startsWith('#EXTM3U') ? text : null;
  } catch {
    return null;
  }
}

/** The master's ladder, and whether the stream is live, from its first rendition's playlist (one more small
 * request: a master playlist does not say). */
async function fetchStreamFacts(src: string, fetchImpl: typeof fetch): Promise<StreamFacts | null> {
  const master = await fetchPlaylist(src, fetchImpl);
  if (master === null) return null;
  const ladder = parseLadder(master);
  if (ladder.length === 0) return { ladder, live: isLivePlaylist(master) };
  const firstUri = master.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#'));
  if (!firstUri) return null;
  const base = new URL(src, typeof location === 'undefined' ? 'http://localhost/' : location.href);
  const media = await fetchPlaylist(new URL(firstUri.trim(), base).href, fetchImpl);
  return media === null ? null : { ladder, live: isLivePlaylist(media) };
}
