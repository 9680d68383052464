// Owns rendering a stereo sample clip: a ray-cast still plate per eye, a moving ray-cast layer, live video
// feeds and labels placed per eye (near things shift between the eyes), eye markers, stacked top-bottom or
// left-right, plus room tone.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Projection } from '../../protocol/tour-schema';
import { apparentDirection, pitchToY, yawToX, type Eye, type EyeImage, type Vec3 } from './equirect';
import { renderEyeMarker } from './eye-marker';
import { runFfmpeg } from './ffmpeg';
import { sourceOutputArgs } from './source-encoding';
import { filterOptions } from './filter-escape';
import { findLabelFonts, type LabelFonts } from './fonts';
import { renderEquirect, windowAround, type PixelWindow, type RasterScene, type Shape } from './raster';
import { wrappedLefts } from './scene-graph';

export const EYES: readonly Eye[] = ['left', 'right'];

/** A part of the scene that moves: ray-cast every frame, but only inside the window it ever covers. */
export interface MovingLayer {
  /** The shapes at time t (seconds). */
  shapesAt(t: number): Shape[];
  /** World points that bound everything the layer ever draws (sampled over the clip). */
  extent: readonly Vec3[];
  /** Lights and ambient for the moving shapes (usually the plate's). */
  lighting: Pick<RasterScene, 'lights' | 'ambient' | 'haze'>;
}

/** Another video shown inside the scene (a monitor picture): prepared once, placed per eye. */
export interface VideoFeed {
  file: string;
  /** Filter chain turning the input into the picture, e.g. v360 to a flat view, then scale. */
  prepare: string;
  /** Where its top-left corner goes in each eye image. */
  place(eye: Eye): { x: number; y: number };
}

export interface LabelStyle {
  font: 'cjk' | 'latin' | 'mono';
  color: string;
  box?: { color: string; border: number };
  /** drawtext `enable` expression (e.g. blinking). */
  enable?: string;
  /** Running timecode appended to the text. */
  timecode?: boolean;
}

/** Builds drawtext filters for one eye; text goes through files (see filter-escape.ts). */
export class EyeLabels {
  private count = 0;
  readonly filters: string[] = [];

  constructor(
    readonly eye: Eye,
    readonly image: EyeImage,
    private readonly fonts: LabelFonts,
    private readonly textDir: string,
    private readonly fps: number,
  ) {}

  /** Pixels per degree of this eye image (the same across and down). */
  get pxPerDeg(): number {
    return this.image.height / 180;
  }

  /** Where this eye sees world point `p`, in pixels. */
  project(p: Vec3): { x: number; y: number } {
    const { yawDeg, pitchDeg } = apparentDirection(p, this.eye);
    return { x: yawToX(yawDeg, this.image), y: pitchToY(pitchDeg, this.image) };
  }

  /** Text centred on world point `p`, `heightMetres` tall there (so it shrinks with distance and shifts per eye). */
  async text(text: string, p: Vec3, heightMetres: number, style: LabelStyle): Promise<void> {
    const distance = Math.hypot(p[0], p[1], p[2]);
    const fontsize = Math.max(6, Math.round(((heightMetres / distance) * 180 * this.pxPerDeg) / Math.PI));
    const file = path.join(this.textDir, `${this.eye}-${this.count++}.txt`);
    await writeFile(file, text);
    const { x, y } = this.project(p);
    const fontfile = this.fonts[style.font] ?? this.fonts.latin;
    const approxWidth = [...text].length * fontsize;
    const lefts = this.image.spanDeg === 360 ? wrappedLefts(x, approxWidth, this.image.width) : [Math.round(x - approxWidth / 2)];
    for (const left of lefts) {
      const cx = Math.round(left + approxWidth / 2);
      this.filters.push(
        `drawtext=${filterOptions({
          textfile: file,
          expansion: 'none',
          ...(fontfile ? { fontfile } : { font: 'Sans' }),
          fontsize,
          fontcolor: style.color,
          x: `${cx}-tw/2`,
          y: `${Math.round(y)}-th/2`,
          ...(style.box ? { box: 1, boxcolor: style.box.color, boxborderw: Math.max(1, Math.round(style.box.border * fontsize)) } : {}),
          ...(style.enable ? { enable: style.enable } : {}),
          ...(style.timecode ? { timecode: '01:00:00:00', rate: this.fps } : {}),
        })}`,
      );
    }
  }

  /** A filled rectangle around world point `p`, `w` × `h` metres as seen from there (e.g. a blinking lamp). */
  rect(p: Vec3, w: number, h: number, color: string, enable?: string): void {
    const distance = Math.hypot(p[0], p[2]);
    const { x, y } = this.project(p);
    const pw = Math.max(2, Math.round(((w / distance) * 180 * this.pxPerDeg) / Math.PI));
    const ph = Math.max(2, Math.round(((h / distance) * 180 * this.pxPerDeg) / Math.PI));
    this.filters.push(`drawbox=${filterOptions({ x: Math.round(x - pw / 2), y: Math.round(y - ph / 2), w: pw, h: ph, color, t: 'fill', ...(enable ? { enable } : {}) })}`);
  }
}

export interface StereoSourceOptions {
  outFile: string;
  projection: Projection;
  stereo: 'top-bottom' | 'left-right';
  /** One eye's image: 360 → 2:1, 180 → 1:1. */
  eye: EyeImage;
  durationSeconds: number;
  fps: number;
  title: string;
  plate: RasterScene;
  moving?: MovingLayer;
  feeds?: readonly VideoFeed[];
  /** Adds the eye's labels and lamps (drawn over the plate, the moving layer and the feeds). */
  labels(labels: EyeLabels): Promise<void>;
  /** Audio filter chain(s) ending in [a] (lavfi sources only). */
  audio: readonly string[];
  preset?: string;
  crf?: number;
  log?: (line: string) => void;
}

async function writeFrames(file: string, frames: (i: number) => Buffer, count: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (let i = 0; i < count; i++) await handle.write(frames(i));
  } finally {
    await handle.close();
  }
}

const rawInput = (file: string, pixFmt: string, w: number, h: number, fps: number): string[] => [
  '-f', 'rawvideo', '-pixel_format', pixFmt, '-video_size', `${w}x${h}`, '-framerate', String(fps), '-i', file,
];

export async function generateStereoSource(options: StereoSourceOptions): Promise<{ fonts: LabelFonts }> {
  const { eye: image, fps, durationSeconds } = options;
  const log = options.log ?? (() => undefined);
  const fonts = findLabelFonts();
  const work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-stereo-'));
  try {
    const inputs: string[] = [];
    let inputCount = 0;
    const addInput = (args: string[]): number => {
      inputs.push(...args);
      return inputCount++;
    };
    const still = (index: number): string => `[${index}:v]loop=loop=-1:size=1:start=0,setpts=N/(${fps}*TB)`;
    const frameCount = Math.round(durationSeconds * fps);
    const chains: string[] = [];

    const feedLabels = (options.feeds ?? []).map((feed, i) => {
      const index = addInput(['-stream_loop', '-1', '-i', feed.file]);
      chains.push(`[${index}:v]fps=${fps},${feed.prepare},format=yuv420p,split=2[feed${i}l][feed${i}r]`);
      return { feed, labels: { left: `[feed${i}l]`, right: `[feed${i}r]` } };
    });

    for (const eye of EYES) {
      const started = Date.now();
      const plateFile = path.join(work, `${eye}-plate.rgb`);
      await writeFile(plateFile, renderEquirect({ scene: options.plate, eye, image, format: 'rgb24', samples: 2 }));
      log(`  ${eye} eye plate ${image.width}x${image.height} ray-cast in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      let current = `[${eye}0]`;
      let step = 0;
      const next = (): string => `[${eye}${++step}]`;
      chains.push(`${still(addInput(rawInput(plateFile, 'rgb24', image.width, image.height, fps)))}${current}`);

      if (options.moving) {
        const moving = options.moving;
        const win: PixelWindow = windowAround(moving.extent, eye, image, 6, apparentDirection);
        const movingFile = path.join(work, `${eye}-moving.rgba`);
        const t0 = Date.now();
        await writeFrames(
          movingFile,
          (i) => renderEquirect({ scene: { ...moving.lighting, shapes: moving.shapesAt(i / fps) }, eye, image, window: win, format: 'rgba', samples: 2 }),
          frameCount,
        );
        log(`  ${eye} eye moving layer ${win.width}x${win.height} × ${frameCount} frames in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        const index = addInput(rawInput(movingFile, 'rgba', win.width, win.height, fps));
        const out = next();
        chains.push(`${current}[${index}:v]overlay=x=${win.x}:y=${win.y}:eof_action=repeat${out}`);
        current = out;
      }

      for (const { feed, labels } of feedLabels) {
        const { x, y } = feed.place(eye);
        const out = next();
        chains.push(`${current}${labels[eye]}overlay=x=${Math.round(x)}:y=${Math.round(y)}:eof_action=repeat${out}`);
        current = out;
      }

      const eyeLabels = new EyeLabels(eye, image, fonts, work, fps);
      await options.labels(eyeLabels);
      const marker = renderEyeMarker(image, eye);
      const markerFile = path.join(work, `${eye}-marker.rgba`);
      await writeFile(markerFile, marker.rgba);
      const markerIndex = addInput(rawInput(markerFile, 'rgba', marker.width, marker.height, fps));
      chains.push(`${still(markerIndex)}[${eye}marker]`);
      const labelled = next();
      chains.push(`${current}${eyeLabels.filters.length > 0 ? eyeLabels.filters.join(',') : 'null'}${labelled}`);
      chains.push(`${labelled}[${eye}marker]overlay=x=${marker.x}:y=${marker.y}[${eye}]`);
    }
    chains.push(`[left][right]${options.stereo === 'top-bottom' ? 'vstack' : 'hstack'}=inputs=2,format=yuv420p[v]`);
    chains.push(...options.audio);

    await runFfmpeg([
      '-y', '-loglevel', 'warning', '-nostats',
      ...inputs,
      '-filter_complex', chains.join(';'),
      '-map', '[v]', '-map', '[a]',
      ...sourceOutputArgs({ durationSeconds, fps, preset: options.preset, crf: options.crf, title: options.title, outFile: path.resolve(options.outFile) }),
    ]);
    return { fonts };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Room tone: filtered noise with a slow swell and an optional mains/motor hum; lavfi only, ends in `out`. */
export function roomTone(durationSeconds: number, out: string, tone: { lowpass: number; level: number; humHz?: number; humLevel?: number }): string[] {
  const D = durationSeconds;
  const fade = Math.min(0.5, D / 4);
  const chains = [
    `anoisesrc=c=brown:r=48000:a=0.6:d=${D},lowpass=f=${tone.lowpass},highpass=f=35,tremolo=f=0.2:d=0.3,volume=${tone.level},aformat=channel_layouts=stereo[tone]`,
  ];
  if (tone.humHz) {
    chains.push(`sine=f=${tone.humHz}:r=48000:d=${D},volume=${tone.humLevel ?? 0.04},aformat=channel_layouts=stereo[hum]`);
    chains.push(`[tone][hum]amix=inputs=2:duration=first,afade=t=in:d=${fade},afade=t=out:st=${Math.max(0, D - fade)}:d=${fade}${out}`);
  } else {
    chains.push(`[tone]afade=t=in:d=${fade},afade=t=out:st=${Math.max(0, D - fade)}:d=${fade}${out}`);
  }
  return chains;
}
