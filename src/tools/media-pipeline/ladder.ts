// Owns sizing the HLS ladder (tv, desktop, headset) for a projection and stereo layout: pure, no ffmpeg.
import type { Projection, StereoLayout } from '../../protocol/tour-schema';
import { maxRateKbps, type Rendition } from './encode-hls';
import { h264LevelFor } from './h264-level';

export const LADDERS = ['standard', 'demo'] as const;
export type LadderName = (typeof LADDERS)[number];

export const RENDITION_NAMES = ['tv', 'desktop', 'headset'] as const;
export type RenditionName = (typeof RENDITION_NAMES)[number];

export interface FrameLayout {
  projection: Projection;
  stereo: StereoLayout;
}

export interface Size {
  width: number;
  height: number;
}

/** The highest level a TV rendition may need: TVs and streaming sticks decode H.264 High 4.1 (1080p30). */
export const TV_MAX_LEVEL = '4.1';
/** The TV rendition fits in this box whatever the layout. */
export const TV_BOX: Size = { width: 1920, height: 1080 };

interface LadderSpec {
  /**
   * Target angular resolution as pixels per 360° of yaw (so an eye of a 180° video gets half of it).
   * Every eye covers 180° of pitch, so an eye is always `px360 / 2` rows high.
   */
  px360: { tv: number; headset: number };
  /** Neither side of the headset frame may exceed this. */
  headsetMaxSide: number;
  /** Nor may its area (pixels, counted in 16 × 16 macroblocks): 4096 × 2048 is H.264 level 5.1 at 30 fps, what Quest-class headsets decode. */
  headsetMaxPixels: number;
  /** Video bitrate per megapixel of frame, kbit/s; linear keeps quality per pixel about even up the ladder. */
  kbpsPerMegapixel: number;
  /** Never below this, however small the frame. */
  minVideoKbps: number;
  audioKbps: number;
}

export const LADDER_SPECS: Readonly<Record<LadderName, LadderSpec>> = {
  standard: {
    px360: { tv: 1920, headset: 3840 },
    headsetMaxSide: 4096,
    headsetMaxPixels: 4096 * 2048,
    kbpsPerMegapixel: 2500,
    minVideoKbps: 400,
    audioKbps: 128,
  },
  // Small enough to commit three locations to git (public/media stays under 12 MB), sharp enough to see.
  demo: {
    px360: { tv: 1024, headset: 2048 },
    headsetMaxSide: 2048,
    headsetMaxPixels: 2048 * 1024,
    kbpsPerMegapixel: 560,
    minVideoKbps: 120,
    audioKbps: 64,
  },
};

/** Frame dimensions are multiples of this (x264 works in 16 px macroblocks; 8 keeps 1080-line TVs exact). */
const ALIGN = 8;

/** Step for an eye's rows so that both frame sides are multiples of ALIGN (4 for top-bottom 360, else 8). */
function eyeRowStep(aspect: number, cols: number, rows: number): number {
  return ALIGN / Math.min(rows, aspect * cols);
}

/** Width ÷ height of one eye: a 360° eye spans 360° × 180°, a 180° eye 180° × 180°. */
export function eyeAspect(projection: Projection): number {
  return projection === 'equirect360' ? 2 : 1;
}

/** How the eyes tile the frame: left-right puts them in 2 columns, top-bottom in 2 rows. */
export function eyeGrid(stereo: StereoLayout): { cols: number; rows: number } {
  return { cols: stereo === 'left-right' ? 2 : 1, rows: stereo === 'top-bottom' ? 2 : 1 };
}

/** Width ÷ height of the whole frame: mono 360 2, top-bottom 360 1, left-right 180 2, mono 180 1. */
export function frameAspect(layout: FrameLayout): number {
  const { cols, rows } = eyeGrid(layout.stereo);
  return (eyeAspect(layout.projection) * cols) / rows;
}

/** Human form of an aspect ratio: 2 → "2:1", 0.5 → "1:2". */
export function formatAspect(aspect: number): string {
  return aspect >= 1 ? `${+aspect.toFixed(3)}:1` : `1:${+(1 / aspect).toFixed(3)}`;
}

/** How far `size` is from the layout's aspect ratio, as a fraction (0.02 = 2 %). */
export function aspectError(size: Size, layout: FrameLayout): number {
  return Math.abs(size.width / size.height / frameAspect(layout) - 1);
}

/** The frame whose eyes are `eyeRows` rows high. */
function frameFor(layout: FrameLayout, eyeRows: number): Size {
  const { cols, rows } = eyeGrid(layout.stereo);
  return { width: eyeRows * eyeAspect(layout.projection) * cols, height: eyeRows * rows };
}

const floorTo = (n: number, step: number): number => Math.max(step, Math.floor(n / step) * step);
const roundTo = (n: number, step: number): number => Math.max(step, Math.round(n / step) * step);

export interface PlannedRendition extends Rendition {
  name: RenditionName;
  profile: 'high';
  level: string;
  /** Rows of one eye (= the frame height for mono and left-right). */
  eyeRows: number;
}

export interface LadderPlan {
  renditions: PlannedRendition[];
  /** < 1 when the source was smaller than the headset rendition and the whole ladder was scaled down to it. */
  scale: number;
}

export interface PlanLadderOptions extends FrameLayout {
  ladder: LadderName;
  /** Output frame rate; only the H.264 level depends on it. */
  fps: number;
  /** The source's size: the ladder never upscales past it. */
  source?: Size;
}

/**
 * The three renditions for a layout, smallest first:
 * - `tv`: at most 1920 × 1080 and H.264 level 4.1, the most a TV decodes reliably;
 * - `headset`: the largest, capped so neither side exceeds 4096 and the frame stays within level 5.1 (a
 *   Quest plays 4K 360° reliably, 8K not);
 * - `desktop`: halfway between.
 * Every size keeps the layout's aspect ratio exactly (each eye 2:1 for 360°, 1:1 for 180°) and is a multiple of 8.
 * If the source is smaller than the headset rendition, all three shrink in proportion: upscaling adds bytes, not detail.
 */
export function planLadder(options: PlanLadderOptions): LadderPlan {
  const spec = LADDER_SPECS[options.ladder];
  const { cols, rows } = eyeGrid(options.stereo);
  const aspect = eyeAspect(options.projection);
  const step = eyeRowStep(aspect, cols, rows);

  // Largest eye height that keeps the frame within a width × height box.
  const eyeRowsWithin = (box: Size): number => Math.min(box.width / (aspect * cols), box.height / rows);

  let tv = floorTo(Math.min(spec.px360.tv / 2, eyeRowsWithin(TV_BOX)), step);
  const headsetSideLimit = eyeRowsWithin({ width: spec.headsetMaxSide, height: spec.headsetMaxSide });
  // Area of the frame is eyeRows² × aspect × cols × rows.
  const headsetAreaLimit = Math.sqrt(spec.headsetMaxPixels / (aspect * cols * rows));
  let headset = floorTo(Math.min(spec.px360.headset / 2, headsetSideLimit, headsetAreaLimit), step);
  // The decoder counts 16 × 16 macroblocks, not pixels: a side that is not a multiple of 16 is padded.
  const macroblocks = (size: Size): number => Math.ceil(size.width / 16) * Math.ceil(size.height / 16);
  while (headset > step && macroblocks(frameFor(options, headset)) > spec.headsetMaxPixels / 256) headset -= step;
  tv = Math.min(tv, headset);

  let scale = 1;
  if (options.source) {
    const full = frameFor(options, headset);
    scale = Math.min(1, options.source.width / full.width, options.source.height / full.height);
    if (scale < 1) {
      headset = floorTo(headset * scale, step);
      tv = Math.min(floorTo(tv * scale, step), headset);
    }
  }
  const desktop = roundTo((tv + headset) / 2, step);

  const eyeRows: Record<RenditionName, number> = { tv, desktop, headset };
  const renditions = RENDITION_NAMES.map((name): PlannedRendition => {
    const size = frameFor(options, eyeRows[name]);
    const megapixels = (size.width * size.height) / 1e6;
    const videoKbps = Math.max(spec.minVideoKbps, roundTo(megapixels * spec.kbpsPerMegapixel, 10));
    const level = h264LevelFor(size.width, size.height, options.fps, maxRateKbps(videoKbps));
    if (name === 'tv' && compareLevels(level, TV_MAX_LEVEL) > 0) {
      throw new Error(`planLadder: the tv rendition ${size.width}x${size.height}@${options.fps} needs H.264 level ${level}, above ${TV_MAX_LEVEL}`);
    }
    return { name, ...size, videoKbps, audioKbps: spec.audioKbps, profile: 'high', level, eyeRows: eyeRows[name] };
  });
  return { renditions, scale };
}

/** Orders H.264 level strings numerically ("4.1" < "5.0"). */
export function compareLevels(a: string, b: string): number {
  return Number(a) - Number(b);
}

/**
 * The encoder frame rate for a source rate: halved while above 30 (60 → 30, 50 → 25) so the tv rendition
 * stays within level 4.1, then rounded to whole frames so 2 s segments are whole GOPs (29.97 → 30).
 */
export function outputFps(sourceFps: number | null): number {
  if (sourceFps === null || !(sourceFps > 0)) return 30;
  let fps = sourceFps;
  while (fps > 30.5) fps /= 2;
  return Math.max(1, Math.round(fps));
}
