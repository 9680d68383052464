// Owns the ffmpeg filtergraph of the sample scene: looped backdrop, dolly, labels, slate, monitor and ambience.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backdropExpressions } from './backdrop-expr';
import { dollySprite } from './dolly-sprite';
import { filterOptions } from './filter-escape';
import type { LabelFonts } from './fonts';
import { CAMERA_HEIGHT, DOLLY_TRACK_X, SET_AREAS, pitchToY, yawToX } from './set-layout';

export interface SceneGraphInput {
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  title: string;
  fonts: LabelFonts;
  /** Scratch directory for label text files; must outlive the ffmpeg run. */
  textDir: string;
  /** The mono eye marker (see eye-marker.ts): an rgba still, ffmpeg input `inputIndex`, drawn over everything. */
  marker?: { inputIndex: number; x: number; y: number };
}

/** Output pads of the graph. */
export const SCENE_VIDEO = '[v]';
export const SCENE_AUDIO = '[a]';

/** How far the dolly travels either side of due east, metres, and how long a round trip takes. */
const DOLLY_SWING = 2.8;
const DOLLY_PERIOD_SECONDS = 8;
/** The director's monitor stands this far behind the camera. */
const MONITOR_DISTANCE = 3.2;
const TIMECODE_START = '01:00:00:00';
const BLINK = 'lt(mod(t,1),0.6)';

type Options = Record<string, string | number>;

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));
const fontOption = (file: string | null): Options => (file ? { fontfile: file } : { font: 'Sans' });
const boxStyle = (color: string, border: number): Options => ({ box: 1, boxcolor: color, boxborderw: Math.max(1, Math.round(border)) });

/** Left edges at which an element centred on `cx` must be drawn so it also shows across the x = 0/width seam. */
export function wrappedLefts(cx: number, elementWidth: number, width: number): number[] {
  const left = Math.round(cx - elementWidth / 2);
  const lefts = [left];
  if (left < 0) lefts.push(left + width);
  if (left + elementWidth > width) lefts.push(left - width);
  return lefts;
}

export async function buildSceneGraph(input: SceneGraphInput): Promise<string> {
  const scene = new Scene(input);
  return [
    scene.backdrop('[bg]'),
    ...scene.dolly('[bg]', '[lot]'),
    `[lot]${[...(await scene.labels()), ...(await scene.stageA())].join(',')}[labelled]`,
    ...scene.directorsMonitor('[labelled]', input.marker ? '[scene]' : SCENE_VIDEO),
    ...(input.marker
      ? [
          `[${input.marker.inputIndex}:v]loop=loop=-1:size=1:start=0,setpts=N/(${input.fps}*TB)[marker]`,
          `[scene][marker]overlay=x=${input.marker.x}:y=${input.marker.y}${SCENE_VIDEO}`,
        ]
      : []),
    ...scene.ambience(SCENE_AUDIO),
  ].join(';');
}

class Scene {
  private textFiles = 0;
  private readonly W: number;
  private readonly H: number;

  constructor(private readonly o: SceneGraphInput) {
    this.W = o.width;
    this.H = o.height;
  }

  /** Sizes scale with the frame so the test's 256 px clip and the 2048 px sample look the same. */
  private size(fractionOfHeight: number): number {
    return Math.max(6, Math.round(this.H * fractionOfHeight));
  }

  // Label text goes through files: drawtext's inline `text` would need a third level of escaping.
  private async textFile(text: string): Promise<string> {
    const file = path.join(this.o.textDir, `t${this.textFiles++}.txt`);
    await writeFile(file, text);
    return file;
  }

  /** drawtext filters for `text` centred on a yaw/pitch, repeated across the seam when it straddles x = 0/width. */
  private async centredText(text: string, yawDeg: number, pitchDeg: number, approxWidth: number, style: Options): Promise<string[]> {
    const file = await this.textFile(text);
    const cy = Math.round(pitchToY(pitchDeg, this.H));
    return wrappedLefts(yawToX(yawDeg, this.W), approxWidth, this.W).map((left) => {
      const cx = Math.round(left + approxWidth / 2);
      return `drawtext=${filterOptions({ textfile: file, expansion: 'none', x: `${cx}-tw/2`, y: `${cy}-th/2`, ...style })}`;
    });
  }

  /** The still backdrop, computed once with geq and looped: geq on every frame would be far too slow. */
  backdrop(out: string): string {
    const { W, H } = this;
    const { fps } = this.o;
    return (
      `color=c=black:s=${W}x${H}:r=${fps},trim=end_frame=1,format=gbrp,geq=${filterOptions(backdropExpressions(W))},` +
      `format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/(${fps}*TB)${out}`
    );
  }

  /** A camera dolly rolling to and fro along the track east of the camera; its tally light blinks. */
  dolly(bg: string, out: string): string[] {
    const size = `${even(this.W * 0.04)}x${even(this.H * 0.13)}`;
    // Track position (metres north) → yaw → x; the floor distance gives the wheels' pitch → y.
    const z = `(${DOLLY_SWING}*sin(2*PI*t/${DOLLY_PERIOD_SECONDS}))`;
    const x = `W*(0.5+(PI/2-atan(${z}/${DOLLY_TRACK_X}))/(2*PI))-w/2`;
    const y = `H*(0.5+atan(${CAMERA_HEIGHT}/sqrt(${DOLLY_TRACK_X ** 2}+${z}*${z}))/PI)-h`;
    return [
      `color=c=black@0:s=${size}:r=${this.o.fps},format=rgba,geq=${filterOptions(dollySprite())}[dolly]`,
      `${bg}[dolly]overlay=${filterOptions({ x, y, eval: 'frame' })}${out}`,
    ];
  }

  /** Each area's name on the horizon band, where equirect distortion is smallest: English over Chinese. */
  async labels(): Promise<string[]> {
    // The longest line ("S · DIRECTOR'S MONITOR") must stay within ~85° so neighbouring labels never touch.
    const enSize = this.size(0.04);
    const zhSize = this.size(0.062);
    const filters: string[] = [];
    for (const area of SET_AREAS) {
      const enWidth = [...area.labelEn].length * enSize * 0.58;
      const zhWidth = [...area.labelZh].length * zhSize * 1.05;
      const en = { ...fontOption(this.o.fonts.latin), fontsize: enSize, fontcolor: 'white', ...boxStyle('0x101418@0.62', enSize * 0.2) };
      const zh = { ...fontOption(this.o.fonts.cjk), fontsize: zhSize, fontcolor: '0xFFD65C', ...boxStyle('0x101418@0.62', zhSize * 0.2) };
      filters.push(...(await this.centredText(area.labelEn, area.yawDeg, 16, enWidth, en)));
      filters.push(...(await this.centredText(area.labelZh, area.yawDeg, 4.5, zhWidth, zh)));
    }
    return filters;
  }

  /** Straight ahead, so the first thing a visitor sees moves: a blinking REC light, the slate and its running timecode. */
  async stageA(): Promise<string[]> {
    const recSize = this.size(0.036);
    const slateSize = this.size(0.026);
    const tcSize = this.size(0.034);
    const { fonts, fps, title } = this.o;
    return [
      ...(await this.centredText('● REC', 0, 25, recSize * 3.5, {
        ...fontOption(fonts.latin), fontsize: recSize, fontcolor: '0xFF2B2B', ...boxStyle('0x101418@0.62', recSize * 0.2), enable: BLINK,
      })),
      ...(await this.centredText(`${title}  ·  SC 12  TK 3`, 0, -6.5, slateSize * 20, {
        ...fontOption(fonts.latin), fontsize: slateSize, fontcolor: 'white', ...boxStyle('0x000000@0.8', slateSize * 0.35),
      })),
      // With `timecode` set, the text file is the prefix and drawtext appends the running timecode.
      ...(await this.centredText('TC ', 0, -14.5, tcSize * 8, {
        ...fontOption(fonts.mono), fontsize: tcSize, fontcolor: '0xFF3B30', ...boxStyle('0x000000@0.85', tcSize * 0.25),
        timecode: TIMECODE_START, rate: fps,
      })),
    ];
  }

  /**
   * Behind the camera (yaw 180°, across the frame seam): a monitor on a stand showing the live picture
   * of Stage A (its blinking REC sign included) with a timecode overlay.
   */
  directorsMonitor(input: string, out: string): string[] {
    const { W, H } = this;
    const { fonts, fps } = this.o;
    // 16:9 in angle, which near the horizon is also 16:9 on screen.
    const monW = even((28 * W) / 360);
    const monH = even((15.75 * H) / 180);
    const monTop = Math.round(pitchToY(-6.5, H));
    const bezel = Math.max(1, Math.round(monH * 0.06));
    const standW = Math.max(2, Math.round(monW * 0.05));
    const floorY = Math.round(pitchToY((-Math.atan(CAMERA_HEIGHT / MONITOR_DISTANCE) * 180) / Math.PI, H));
    const monitorLefts = wrappedLefts(yawToX(180, W), monW, W);

    const hardware = [
      ...wrappedLefts(yawToX(180, W), standW, W).map(
        (x) => `drawbox=${filterOptions({ x, y: monTop + monH, w: standW, h: Math.max(2, floorY - monTop - monH), color: '0x2A2C30', t: 'fill' })}`,
      ),
      ...monitorLefts.map(
        (x) => `drawbox=${filterOptions({ x: x - bezel, y: monTop - bezel, w: monW + 2 * bezel, h: monH + 2 * bezel, color: '0x111214', t: 'fill' })}`,
      ),
    ];

    // The feed frames Stage A's backdrop and label (not the slate, which would clash with the monitor's own TC).
    const feedW = even((53 * W) / 360);
    const feedH = even((30 * H) / 180);
    const feedX = Math.round(W / 2 - feedW / 2);
    const feedY = Math.round(pitchToY(11, H) - feedH / 2);
    const osdSize = Math.max(6, Math.round(monH * 0.14));
    const margin = { x: Math.round(monW * 0.04), y: Math.round(monH * 0.05) };
    const tc = {
      ...fontOption(fonts.mono), fontsize: osdSize, fontcolor: 'white', ...boxStyle('0x000000@0.6', 1),
      timecode: TIMECODE_START, rate: fps, x: `w-tw-${margin.x}`, y: `h-th-${margin.y}`,
    };
    const feeds = monitorLefts.map((_, i) => `[feed${i}]`);

    const chains = [
      `${input}split=2[main][feedsrc]`,
      `[feedsrc]crop=${feedW}:${feedH}:${feedX}:${feedY},scale=${monW}:${monH},` +
        `drawtext=${filterOptions(tc)},split=${feeds.length}${feeds.join('')}`,
      `[main]${hardware.join(',')}[rig0]`,
    ];
    monitorLefts.forEach((x, i) => {
      const next = i === monitorLefts.length - 1 ? out : `[rig${i + 1}]`;
      chains.push(`[rig${i}]${feeds[i] ?? ''}overlay=${x}:${monTop}${next}`);
    });
    return chains;
  }

  /** Quiet ambience: low brown-noise room tone plus a faint mains hum, faded so the loop point is soft. */
  ambience(out: string): string[] {
    const D = this.o.durationSeconds;
    const fade = Math.min(0.5, D / 4);
    return [
      `anoisesrc=c=brown:r=48000:a=0.6:d=${D},lowpass=f=380,highpass=f=35,tremolo=f=0.15:d=0.35,aformat=channel_layouts=stereo[noise]`,
      `sine=f=110:r=48000:d=${D},volume=0.05,aformat=channel_layouts=stereo[hum]`,
      `[noise][hum]amix=inputs=2:duration=first,volume=1.2,afade=t=in:d=${fade},afade=t=out:st=${Math.max(0, D - fade)}:d=${fade}${out}`,
    ];
  }
}
