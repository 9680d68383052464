// Owns rendering the sample 360° source clip: a labelled backlot with a moving dolly, REC light, timecode and
// the yellow mono eye marker (see eye-marker.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from './ffmpeg';
import { sourceOutputArgs } from './source-encoding';
import { renderEyeMarker } from './eye-marker';
import { findLabelFonts, type LabelFonts } from './fonts';
import { SCENE_AUDIO, SCENE_VIDEO, buildSceneGraph } from './scene-graph';

export interface SourceFootageOptions {
  outFile: string;
  /** Equirect: must be exactly 2 × height. */
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  /** Shown on the slate in front of Stage A and stored as the MP4 title. */
  title: string;
  /** x264 preset/CRF for the (intermediate) source; defaults favour quality over speed. */
  preset?: string;
  crf?: number;
  /** Font for the labels; defaults to the first Noto CJK font found, then DejaVu. */
  fontFile?: string;
  signal?: AbortSignal;
}

export interface SourceFootage {
  outFile: string;
  fonts: LabelFonts;
}

export async function generateSourceFootage(options: SourceFootageOptions): Promise<SourceFootage> {
  const { width, height, durationSeconds, fps } = options;
  if (width !== height * 2 || width % 2 !== 0 || width < 64) {
    throw new Error(`generateSourceFootage: equirect needs width = 2 × height, even, ≥ 64 (got ${width}x${height})`);
  }
  if (!(durationSeconds > 0) || !(fps > 0)) throw new Error('generateSourceFootage: durationSeconds and fps must be > 0');

  const fonts = findLabelFonts(options.fontFile);
  const outFile = path.resolve(options.outFile);
  await mkdir(path.dirname(outFile), { recursive: true });
  // drawtext reads the label texts from files here; they must exist until ffmpeg exits.
  const textDir = await mkdtemp(path.join(os.tmpdir(), 'setvisit-labels-'));
  try {
    // The yellow mono eye marker at yaw 0°, pitch −30° (what automated tests look for).
    const marker = renderEyeMarker({ width, height, spanDeg: 360 }, 'mono');
    const markerFile = path.join(textDir, 'marker.rgba');
    await writeFile(markerFile, marker.rgba);
    const graph = await buildSceneGraph({
      width, height, fps, durationSeconds, title: options.title, fonts, textDir,
      marker: { inputIndex: 0, x: marker.x, y: marker.y },
    });
    await runFfmpeg(
      [
        '-y', '-loglevel', 'warning', '-nostats',
        '-f', 'rawvideo', '-pixel_format', 'rgba', '-video_size', `${marker.width}x${marker.height}`, '-framerate', String(fps), '-i', markerFile,
        '-filter_complex', graph,
        '-map', SCENE_VIDEO, '-map', SCENE_AUDIO,
        ...sourceOutputArgs({ durationSeconds, fps, preset: options.preset, crf: options.crf, title: options.title, outFile }),
      ],
      { signal: options.signal },
    );
  } finally {
    await rm(textDir, { recursive: true, force: true });
  }
  return { outFile, fonts };
}
