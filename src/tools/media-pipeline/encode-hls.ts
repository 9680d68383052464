// Owns turning one MP4 into an HLS ladder (fMP4 segments, keyframe-aligned renditions, master playlist).
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FfmpegError, runFfmpeg } from './ffmpeg';
import { h264LevelFor } from './h264-level';
import { probeMedia, type MediaInfo } from './probe';

export interface Rendition {
  /** Directory name and HLS variant name; letters, digits, "-" and "_" only (it goes into -var_stream_map). */
  name: string;
  width: number;
  height: number;
  videoKbps: number;
  audioKbps: number;
  /** H.264 profile; default high. */
  profile?: 'high' | 'main';
  /** H.264 level, e.g. "4.1"; default the lowest that fits the size, frame rate and peak bitrate. */
  level?: string;
}

/** Peak bitrate each rendition is held to (capped VBR), so a player's bandwidth estimate holds. */
export function maxRateKbps(videoKbps: number): number {
  return Math.round(videoKbps * 1.2);
}

export interface EncodeHlsOptions {
  input: string;
  outDir: string;
  renditions: readonly Rendition[];
  segmentSeconds: number;
  /** Output frame rate; the input is resampled to it so the GOP length (and segment cuts) are exact. */
  fps?: number;
  /** x264 preset; tests use a fast one, the committed sample a slower one for quality per byte. */
  preset?: string;
  signal?: AbortSignal;
}

export interface HlsVariant {
  rendition: Rendition;
  /** Absolute path of `<outDir>/<name>/index.m3u8`. */
  playlist: string;
}

export interface HlsLadder {
  /** Absolute path of `<outDir>/master.m3u8`. */
  masterPlaylist: string;
  variants: HlsVariant[];
}

export const MASTER_PLAYLIST = 'master.m3u8';
export const VARIANT_PLAYLIST = 'index.m3u8';
export const INIT_SEGMENT = 'init.mp4';

export async function encodeHlsLadder(options: EncodeHlsOptions): Promise<HlsLadder> {
  const { renditions, segmentSeconds, fps = 30, preset = 'medium' } = options;
  validateLadder(renditions, segmentSeconds, fps);

  const input = path.resolve(options.input);
  const outDir = path.resolve(options.outDir);
  const media = await readInput(input);

  // Stale segments from a longer earlier run would otherwise sit next to the new playlists.
  await mkdir(outDir, { recursive: true });
  await rm(path.join(outDir, MASTER_PLAYLIST), { force: true });
  for (const r of renditions) {
    await rm(path.join(outDir, r.name), { recursive: true, force: true });
    await mkdir(path.join(outDir, r.name), { recursive: true });
  }

  const args = buildLadderArgs(input, renditions, segmentSeconds, fps, preset, media.hasAudio);
  try {
    // Relative output paths (cwd = outDir) keep absolute paths out of the playlists.
    await runFfmpeg(args, { cwd: outDir, signal: options.signal });
  } catch (err) {
    throw new Error(`encodeHlsLadder: encoding "${input}" failed: ${errorMessage(err)}`, { cause: err });
  }

  const variants: HlsVariant[] = [];
  for (const rendition of renditions) {
    const playlist = path.join(outDir, rendition.name, VARIANT_PLAYLIST);
    await normaliseInitSegment(playlist);
    variants.push({ rendition, playlist });
  }
  return { masterPlaylist: path.join(outDir, MASTER_PLAYLIST), variants };
}

/** The full ffmpeg argument list for one ladder run; exported so the shape can be inspected and logged. */
export function buildLadderArgs(
  input: string,
  renditions: readonly Rendition[],
  segmentSeconds: number,
  fps: number,
  preset: string,
  withAudio: boolean,
): string[] {
  const gop = Math.round(segmentSeconds * fps);
  // One decode, one fps normalisation, then one scaler per rendition.
  const splitOutputs = renditions.map((_, i) => `[s${i}]`).join('');
  const scalers = renditions.map(
    (r, i) => `[s${i}]scale=${r.width}:${r.height}:flags=lanczos,setsar=1,format=yuv420p[v${i}]`,
  );
  const graph = [`[0:v:0]fps=${fps},split=${renditions.length}${splitOutputs}`, ...scalers].join(';');

  const args = ['-y', '-loglevel', 'warning', '-nostats', '-i', input, '-filter_complex', graph];
  renditions.forEach((_, i) => args.push('-map', `[v${i}]`));
  if (withAudio) renditions.forEach(() => args.push('-map', '0:a:0'));

  args.push(
    '-c:v', 'libx264',
    '-preset', preset,
    '-pix_fmt', 'yuv420p',
    // Same fixed GOP in every rendition and no scene-cut keyframes, so every segment boundary is a
    // keyframe at the same timestamp in all variants and players can switch between them anywhere.
    '-g', String(gop),
    '-keyint_min', String(gop),
    '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${segmentSeconds})`,
  );
  renditions.forEach((r, i) => {
    // Capped VBR: average at the ladder's rate, peaks bounded so a player's bandwidth estimate holds.
    const maxKbps = maxRateKbps(r.videoKbps);
    args.push(
      `-profile:v:${i}`, r.profile ?? 'high',
      `-b:v:${i}`, `${r.videoKbps}k`,
      `-maxrate:v:${i}`, `${maxKbps}k`,
      `-bufsize:v:${i}`, `${r.videoKbps * 2}k`,
      `-level:v:${i}`, r.level ?? h264LevelFor(r.width, r.height, fps, maxKbps),
    );
  });
  if (withAudio) {
    args.push('-c:a', 'aac', '-ar', '48000', '-ac', '2');
    renditions.forEach((r, i) => args.push(`-b:a:${i}`, `${r.audioKbps}k`));
  }

  const streamMap = renditions.map((r, i) => (withAudio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`)).join(' ');
  args.push(
    '-f', 'hls',
    '-hls_time', String(segmentSeconds),
    '-hls_playlist_type', 'vod',
    '-hls_list_size', '0',
    '-hls_flags', 'independent_segments',
    '-hls_segment_type', 'fmp4',
    '-hls_fmp4_init_filename', INIT_SEGMENT,
    '-hls_segment_filename', `%v/seg_%05d.m4s`,
    '-master_pl_name', MASTER_PLAYLIST,
    '-var_stream_map', streamMap,
    `%v/${VARIANT_PLAYLIST}`,
  );
  return args;
}

function validateLadder(renditions: readonly Rendition[], segmentSeconds: number, fps: number): void {
  if (renditions.length === 0) throw new Error('encodeHlsLadder: at least one rendition is required');
  if (!(segmentSeconds > 0)) throw new Error(`encodeHlsLadder: segmentSeconds must be > 0 (got ${segmentSeconds})`);
  if (!Number.isInteger(segmentSeconds * fps)) {
    throw new Error(`encodeHlsLadder: segmentSeconds × fps must be a whole number of frames (got ${segmentSeconds} × ${fps})`);
  }
  const names = new Set<string>();
  for (const r of renditions) {
    if (!/^[A-Za-z0-9_-]+$/.test(r.name)) throw new Error(`encodeHlsLadder: invalid rendition name "${r.name}"`);
    if (names.has(r.name)) throw new Error(`encodeHlsLadder: duplicate rendition name "${r.name}"`);
    names.add(r.name);
    // yuv420p needs even dimensions.
    if (r.width % 2 !== 0 || r.height % 2 !== 0 || r.width <= 0 || r.height <= 0) {
      throw new Error(`encodeHlsLadder: rendition "${r.name}" needs positive even dimensions (got ${r.width}x${r.height})`);
    }
    if (!(r.videoKbps > 0) || !(r.audioKbps > 0)) throw new Error(`encodeHlsLadder: rendition "${r.name}" needs positive bitrates`);
  }
}

async function readInput(input: string): Promise<MediaInfo> {
  try {
    await stat(input);
  } catch {
    throw new Error(`encodeHlsLadder: input file not found: ${input}`);
  }
  let media: MediaInfo;
  try {
    media = await probeMedia(input);
  } catch (err) {
    const reason = err instanceof FfmpegError ? lastLine(err.stderrTail) || err.message : errorMessage(err);
    throw new Error(`encodeHlsLadder: "${input}" is not a readable video file (${reason})`, { cause: err });
  }
  if (media.video === null) throw new Error(`encodeHlsLadder: "${input}" has no video stream`);
  return media;
}

/**
 * ffmpeg suffixes the init segment with the variant index (init_0.mp4, init_1.mp4) whenever there is
 * more than one variant, even in separate directories; rename it so every variant has `init.mp4`.
 */
async function normaliseInitSegment(playlist: string): Promise<void> {
  const text = await readFile(playlist, 'utf8');
  const match = /#EXT-X-MAP:URI="([^"]+)"/.exec(text);
  if (!match?.[1]) throw new Error(`encodeHlsLadder: ${playlist} has no #EXT-X-MAP (not an fMP4 playlist?)`);
  const current = match[1];
  if (current === INIT_SEGMENT) return;
  const dir = path.dirname(playlist);
  await rename(path.join(dir, current), path.join(dir, INIT_SEGMENT));
  await writeFile(playlist, text.replace(`#EXT-X-MAP:URI="${current}"`, `#EXT-X-MAP:URI="${INIT_SEGMENT}"`));
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
