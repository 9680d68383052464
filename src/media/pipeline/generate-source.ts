// Owns rendering the sample 360° source clip: a labelled backlot with a moving dolly, REC light and timecode.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from './ffmpeg';
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
    const graph = await buildSceneGraph({ width, height, fps, durationSeconds, title: options.title, fonts, textDir });
    await runFfmpeg(
      [
        '-y', '-loglevel', 'warning', '-nostats',
        '-filter_complex', graph,
        '-map', SCENE_VIDEO, '-map', SCENE_AUDIO,
        '-t', String(durationSeconds),
        '-r', String(fps),
        '-c:v', 'libx264', '-preset', options.preset ?? 'medium', '-crf', String(options.crf ?? 16),
        '-pix_fmt', 'yuv420p', '-g', String(fps),
        '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2',
        '-metadata', `title=${options.title}`,
        '-movflags', '+faststart',
        outFile,
      ],
      { signal: options.signal },
    );
  } finally {
    await rm(textDir, { recursive: true, force: true });
  }
  return { outFile, fonts };
}
