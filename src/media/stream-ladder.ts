// What a master playlist offers (each rendition's size and bitrate), read before playback starts: the engine
// choice depends on it (the browser's own HLS has no rendition cap, so its largest rendition must fit the
// texture), and the stats name the rendition native playback chose. The page's entry may start the read in
// parallel with its other downloads; the session then takes that read instead of asking again.

export interface LadderRung {
  width: number;
  height: number;
  bitrate: number;
}

/** The renditions of a master playlist; empty for a media playlist (one rendition, size unknown). */
export type StreamLadder = LadderRung[];

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

// Reads started ahead of the session (by the entry), each taken once: a Retry must ask the server again.
const started = new Map<string, Promise<StreamLadder | null>>();

/** Starts reading a master playlist now, for the session that will play it. */
export function prefetchLadder(src: string, fetchImpl: typeof fetch = fetch): Promise<StreamLadder | null> {
  const existing = started.get(src);
  if (existing) return existing;
  const read = fetchLadder(src, fetchImpl);
  started.set(src, read);
  return read;
}

/** The ladder of `src`: the prefetched read if one was started, else a new one. Null when it cannot be read
 * (the caller then leaves the stream to hls.js, whose errors and retries the error card is built on). */
export function readLadder(src: string, fetchImpl: typeof fetch = fetch): Promise<StreamLadder | null> {
  const prefetched = started.get(src);
  started.delete(src);
  return prefetched ?? fetchLadder(src, fetchImpl);
}

async function fetchLadder(src: string, fetchImpl: typeof fetch): Promise<StreamLadder | null> {
  try {
    const response = await fetchImpl(src);
    if (!response.ok) return null;
    const text = await response.text();
    return text.startsWith('#EXTM3U') ? parseLadder(text) : null;
  } catch {
    return null;
  }
}
