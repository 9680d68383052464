// Owns turning one 360°/180° video into a tour location folder: HLS ladder, poster, captions and location.json.
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../protocol';
import type { Projection, StereoLayout, TourLocation } from '../../protocol/tour-schema';
import { encodeHlsLadder } from './encode-hls';
import { FfmpegError, runFfmpeg } from './ffmpeg';
import { aspectError, formatAspect, frameAspect, outputFps, planLadder, type LadderName, type PlannedRendition } from './ladder';
import { buildLocationStub, isLocationId, mediaBaseUrl } from './location-stub';
import { probeMedia, type MediaInfo } from './probe';

export interface ImportFootageOptions {
  input: string;
  projection: Projection;
  stereo: StereoLayout;
  id: string;
  name: Partial<Record<Language, string>>;
  /** The folder that holds location folders (public/media); the location goes to `<outRoot>/<id>/`. */
  outRoot: string;
  captions: Partial<Record<Language, string>>;
  ladder: LadderName;
  /** Replace an existing `<outRoot>/<id>/`. */
  force: boolean;
  /** x264 preset (speed vs. bytes); default medium. */
  preset?: string;
  /** Progress lines (a person reads them; the CLI sends them to stderr). */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface ImportedLocation {
  dir: string;
  location: TourLocation;
  renditions: PlannedRendition[];
  fps: number;
  media: MediaInfo;
}

/** A problem with what the user asked for or gave (bad file, wrong shape): the CLI exits 2 with its message. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Aspect-ratio tolerance: phones and some stitchers are a few pixels off the exact ratio. */
export const ASPECT_TOLERANCE = 0.02;
export const SEGMENT_SECONDS = 2;
export const LOCATION_FILE = 'location.json';
export const POSTER_FILE = 'poster.jpg';
/** The shortest clip worth a location (and what tells a still image from footage). */
const MIN_DURATION_SECONDS = 1;
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'] as const;

/** The poster: a flat 16:9 view of the (left) eye straight ahead, as the visit starts, behind the loading card. */
const POSTER = { width: 1280, height: 720, hFov: 100, atSeconds: 2, quality: 4 } as const;

export const captionFile = (language: Language): string => `captions.${language}.vtt`;

export async function importFootage(options: ImportFootageOptions): Promise<ImportedLocation> {
  const log = options.log ?? (() => undefined);
  const { projection, stereo, id } = options;
  if (!isLocationId(id)) throw new InputError(`--id "${id}" is not a location id: use lowercase letters, digits and dashes (e.g. stage-a), at most 64`);
  const preset = options.preset ?? 'medium';
  if (!(X264_PRESETS as readonly string[]).includes(preset)) throw new InputError(`unknown x264 preset "${preset}" (one of ${X264_PRESETS.join(', ')})`);

  const input = path.resolve(options.input);
  const outRoot = path.resolve(options.outRoot);
  const dir = path.join(outRoot, id);
  if ((await exists(dir)) && !options.force) {
    throw new InputError(`output folder ${dir} already exists: pass --force to replace it`);
  }
  const media = await probeInput(input);
  const video = media.video;
  if (!video) throw new InputError(`${input} has no video stream`);
  const layout = { projection, stereo };
  if (aspectError(video, layout) > ASPECT_TOLERANCE) {
    throw new InputError(
      `${input} is ${video.width}x${video.height} (${formatAspect(video.width / video.height)}), but ${projection} ${stereo} needs ` +
        `${formatAspect(frameAspect(layout))} (±${ASPECT_TOLERANCE * 100} %): ${layoutHint(projection, stereo)}`,
    );
  }
  for (const [language, file] of Object.entries(options.captions)) await checkCaptions(file, language);

  const fps = outputFps(video.fps);
  const plan = planLadder({ ...layout, ladder: options.ladder, fps, source: video });
  log(`${path.basename(input)}: ${video.width}x${video.height} @ ${video.fps ?? '?'} fps, ${media.durationSeconds?.toFixed(1) ?? '?'} s, ${media.hasAudio ? 'with' : 'no'} audio → ${fps} fps`);
  if (plan.scale < 1) log(`the source is smaller than the ${options.ladder} headset rendition: the whole ladder is scaled by ${plan.scale.toFixed(2)} (no upscaling)`);
  for (const r of plan.renditions) {
    log(`  ${r.name.padEnd(8)} ${`${r.width}x${r.height}`.padEnd(10)} H.264 ${r.profile} ${r.level}  ${r.videoKbps} kbit/s${media.hasAudio ? ` + AAC ${r.audioKbps} kbit/s` : ''}`);
  }

  // Build next to the destination and swap at the end, so a failed run never leaves half a location behind.
  await mkdir(outRoot, { recursive: true });
  const partial = path.join(outRoot, `.${id}.partial`);
  await rm(partial, { recursive: true, force: true });
  try {
    log(`encoding ${plan.renditions.length} renditions, ${SEGMENT_SECONDS} s segments (x264 ${preset}) …`);
    const started = Date.now();
    await encodeHlsLadder({ input, outDir: partial, renditions: plan.renditions, segmentSeconds: SEGMENT_SECONDS, fps, preset, signal: options.signal });
    log(`encoded in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    await writePoster(input, path.join(partial, POSTER_FILE), projection, stereo, media.durationSeconds, options.signal);
    const captions: Partial<Record<Language, string>> = {};
    for (const [language, file] of Object.entries(options.captions) as [Language, string][]) {
      captions[language] = captionFile(language);
      await copyFile(file, path.join(partial, captionFile(language)));
    }
    const location = buildLocationStub({ id, name: options.name, projection, stereo, baseUrl: mediaBaseUrl(id), poster: POSTER_FILE, captions });
    await writeFile(path.join(partial, LOCATION_FILE), `${JSON.stringify(location, null, 2)}\n`);

    await rm(dir, { recursive: true, force: true });
    await rename(partial, dir);
    return { dir, location, renditions: plan.renditions, fps, media };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

function layoutHint(projection: Projection, stereo: StereoLayout): string {
  const eye = projection === 'equirect360' ? '2:1 (360° × 180°)' : '1:1 (180° × 180°)';
  if (stereo === 'top-bottom') return `each eye is ${eye}, left eye on top`;
  if (stereo === 'left-right') return `each eye is ${eye}, left eye on the left`;
  return `one ${eye} image`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function probeInput(input: string): Promise<MediaInfo> {
  if (!(await exists(input))) throw new InputError(`input file not found: ${input}`);
  let media: MediaInfo;
  try {
    media = await probeMedia(input);
  } catch (err) {
    if (!(err instanceof FfmpegError) || err.exitCode === null) throw err;
    const reason = err.stderrTail.trim().split('\n').at(-1) ?? err.message;
    throw new InputError(`${input} is not a video ffmpeg can read (${reason})`);
  }
  if (media.video === null) throw new InputError(`${input} is not a video: it has no video stream`);
  if (media.durationSeconds === null || media.durationSeconds < MIN_DURATION_SECONDS) {
    throw new InputError(`${input} is not a video: it is a still image or shorter than ${MIN_DURATION_SECONDS} s`);
  }
  return media;
}

async function checkCaptions(file: string, language: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(`captions file for ${language} not found: ${file}`);
  }
  if (!/^\uFEFF?WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(text)) throw new InputError(`${file} is not a WebVTT file (it must start with "WEBVTT")`);
}

/** A flat 16:9 perspective view of the left (or only) eye at yaw 0, pitch 0: what the visit opens on. */
async function writePoster(
  input: string,
  out: string,
  projection: Projection,
  stereo: StereoLayout,
  durationSeconds: number | null,
  signal?: AbortSignal,
): Promise<void> {
  const at = Math.min(POSTER.atSeconds, (durationSeconds ?? 0) / 2);
  const vFov = (2 * Math.atan(Math.tan((POSTER.hFov * Math.PI) / 360) * (POSTER.height / POSTER.width)) * 180) / Math.PI;
  const inStereo = { mono: '2d', 'top-bottom': 'tb', 'left-right': 'sbs' }[stereo];
  const v360 = [
    `input=${projection === 'equirect360' ? 'e' : 'hequirect'}`,
    `in_stereo=${inStereo}`,
    'output=flat',
    'out_stereo=2d',
    `h_fov=${POSTER.hFov}`,
    `v_fov=${vFov.toFixed(3)}`,
    `w=${POSTER.width}`,
    `h=${POSTER.height}`,
    'interp=lanczos',
  ].join(':');
  await runFfmpeg(['-y', '-loglevel', 'error', '-ss', at.toFixed(2), '-i', input, '-frames:v', '1', '-vf', `v360=${v360}`, '-q:v', String(POSTER.quality), out], { signal });
}
