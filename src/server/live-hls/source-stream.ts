// The pre-encoded footage a demo live stream loops: an HLS folder as `npm run media` writes it (master playlist,
// one folder per rendition with init.mp4 and fMP4 segments), read once into memory so serving never touches disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceRendition {
  /** The folder name, e.g. `tv`: also the rendition's path segment in the live URLs. */
  name: string;
  /** The master playlist's `#EXT-X-STREAM-INF:` line for it, kept as encoded (bandwidth, codecs). */
  streamInf: string;
  init: Buffer;
  segments: { data: Buffer; durationSeconds: number }[];
}

export interface SourceStream {
  renditions: SourceRendition[];
  /** Segment durations of the loop (every rendition is cut at the same keyframes, so one list serves all). */
  durationsSeconds: number[];
  /** The largest segment duration, rounded up: the playlists' target duration. */
  targetDurationSeconds: number;
}

/** Reads `<dir>/master.m3u8` and each rendition it lists; throws with the file's name when it is not usable. */
export function loadSourceStream(dir: string): SourceStream {
  const master = readFileSync(join(dir, 'master.m3u8'), 'utf8').split(/\r?\n/);
  const renditions: SourceRendition[] = [];
  for (let i = 0; i < master.length; i++) {
    const line = master[i]!.trim();
    if (!line.startsWith('#EXT-X-STREAM-INF:')) continue;
    const uri = master.slice(i + 1).find((l) => l.trim() && !l.startsWith('#'))?.trim();
    const match = uri ? /^([a-z0-9-]+)\/index\.m3u8$/.exec(uri) : null;
    if (!match) throw new Error(`${dir}/master.m3u8: expected "<rendition>/index.m3u8" after ${line}`);
    renditions.push(loadRendition(dir, match[1]!, line));
  }
  if (renditions.length === 0) throw new Error(`${dir}/master.m3u8 lists no renditions`);
  const durationsSeconds = renditions[0]!.segments.map((s) => s.durationSeconds);
  for (const r of renditions) {
    if (r.segments.length !== durationsSeconds.length || r.segments.some((s, i) => Math.abs(s.durationSeconds - durationsSeconds[i]!) > 0.001)) {
      throw new Error(`${dir}/${r.name}: its segments are not cut like ${renditions[0]!.name}'s; a live switch between them would jump`);
    }
  }
  return { renditions, durationsSeconds, targetDurationSeconds: Math.ceil(Math.max(...durationsSeconds)) };
}

function loadRendition(dir: string, name: string, streamInf: string): SourceRendition {
  const playlistFile = join(dir, name, 'index.m3u8');
  const lines = readFileSync(playlistFile, 'utf8').split(/\r?\n/).map((l) => l.trim());
  const map = lines.map((l) => /^#EXT-X-MAP:URI="([^"]+)"/.exec(l)).find(Boolean);
  if (!map) throw new Error(`${playlistFile}: no #EXT-X-MAP (the live stream needs fMP4 with an init segment)`);
  const segments: SourceRendition['segments'] = [];
  let duration: number | undefined;
  for (const line of lines) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (extinf) duration = Number(extinf[1]);
    else if (line && !line.startsWith('#')) {
      if (duration === undefined || !(duration > 0)) throw new Error(`${playlistFile}: ${line} has no #EXTINF duration`);
      segments.push({ data: readFileSync(join(dir, name, line)), durationSeconds: duration });
      duration = undefined;
    }
  }
  if (segments.length === 0) throw new Error(`${playlistFile} lists no segments`);
  return { name, streamInf, init: readFileSync(join(dir, name, map[1]!)), segments };
}
