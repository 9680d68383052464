// Owns the video village of the sample tour (stereo left-right 180°): the director's monitors showing Stage A
// and the backlot live, director's chairs, a banner, side tables and the ways out.
//
// World: metres, camera at seated eye height at the origin, floor at y = −1.25; yaw 0 (+z) faces the
// monitor cart; the 180° image covers yaw −90…90 (left: the way to the backlot, right: back to Stage A).
import { apparentDirection, pitchToY, yawToX, type Eye, type EyeImage, type EyeName, type Vec3 } from './equirect';
import { filterOptions } from './filter-escape';
import type { LabelFonts } from './fonts';
import { aabb, glow, hash, nearLine, room, scaleRgb, solid, sphere, type Material, type PointLight, type RasterScene, type Rgb, type Shape } from './raster';
import type { EyeLabels, VideoFeed } from './stereo-source';

const FLOOR = -1.25;
const ROOM_MIN: Vec3 = [-4.5, FLOOR, -2.5];
const ROOM_MAX: Vec3 = [4.5, FLOOR + 3.4, 5.5];
const OAK: Rgb = [0xc0, 0x90, 0x58];
const CANVAS: Rgb = [0x1a, 0x1c, 0x22];
const CART: Rgb = [0x2c, 0x2e, 0x33];

/** The monitors on the cart: centre (x), width and height of the picture, metres; all face the camera at z = 2. */
export const MONITORS = [
  { id: 'cam-b', label: 'CAM B', osd: 'CAM B', x: -1.0, width: 0.68, height: 0.3825 },
  { id: 'cam-a', label: 'CAM A', osd: 'CAM A', x: 0, width: 1.0, height: 0.5625 },
  { id: 'playback', label: 'PLAYBACK 回放', osd: 'PLAYBACK', x: 1.0, width: 0.68, height: 0.3825 },
] as const;
const SCREEN_Z = 1.97;
const SCREEN_BOTTOM = FLOOR + 1.14;

/** Signs on the side drapes: the way to the backlot (left) and back to Stage A (right). */
export const EXIT_SIGNS = {
  backlot: { point: [-4.45, FLOOR + 1.9, 2.2] as Vec3, text: '← BACKLOT 外景', color: '0x1E7A3A' },
  stageA: { point: [4.45, FLOOR + 1.9, 2.2] as Vec3, text: 'STAGE A 一号棚 →', color: '0x1E4E8C' },
} as const;

const CHAIRS = [
  { x: -0.62, z: 1.25, name: 'DIRECTOR 导演' },
  { x: 0.62, z: 1.25, name: 'SCRIPT 场记' },
  { x: -1.9, z: 1.55, name: 'DOP 摄影指导' },
  { x: 1.9, z: 1.55, name: 'PRODUCER 制片' },
] as const;

function roomColor(hit: { point: Vec3; face: number }): Rgb {
  const [x, , z] = hit.point;
  if (hit.face === 2) {
    // Floor: a worn rug under the chairs on black rubber matting.
    const onRug = Math.abs(x) < 2.4 && z > 0.5 && z < 2.7;
    if (onRug) {
      const border = Math.abs(x) > 2.2 || z < 0.7 || z > 2.5;
      return border ? [0x7a, 0x62, 0x34] : scaleRgb([0x4a, 0x22, 0x24], 0.85 + 0.3 * hash(Math.floor(x * 4), Math.floor(z * 4)));
    }
    return nearLine(x, 1, 0.02) || nearLine(z, 1, 0.02) ? [0x14, 0x14, 0x14] : [0x26, 0x26, 0x28];
  }
  if (hit.face === 3) return nearLine(x, 1.5, 0.05) ? [0x2a, 0x2a, 0x2c] : [0x12, 0x12, 0x14];
  // Black drapes with soft folds.
  const along = hit.face === 0 || hit.face === 1 ? z : x;
  return scaleRgb([0x2a, 0x2a, 0x2e], 0.7 + 0.3 * Math.sin(along * 2 * Math.PI * 2.2) ** 2);
}

function chair(x: number, z: number): Shape[] {
  const f = FLOOR;
  const leg = (dx: number, dz: number): Shape => aabb([x + dx - 0.02, f, z + dz - 0.02], [x + dx + 0.02, f + 0.62, z + dz + 0.02], solid(OAK));
  return [
    leg(-0.25, -0.2), leg(0.25, -0.2), leg(-0.25, 0.2), leg(0.25, 0.2),
    // Crossed legs seen from behind: one bar between the back legs.
    aabb([x - 0.25, f + 0.2, z - 0.22], [x + 0.25, f + 0.24, z - 0.18], solid(OAK)),
    aabb([x - 0.23, f + 0.44, z - 0.2], [x + 0.23, f + 0.47, z + 0.2], solid(CANVAS)),
    // Armrests, back uprights and the canvas back (name printed on it per eye).
    aabb([x - 0.28, f + 0.62, z - 0.22], [x - 0.22, f + 0.66, z + 0.22], solid(OAK)),
    aabb([x + 0.22, f + 0.62, z - 0.22], [x + 0.28, f + 0.66, z + 0.22], solid(OAK)),
    aabb([x - 0.26, f + 0.44, z - 0.22], [x - 0.22, f + 1.1, z - 0.18], solid(OAK)),
    aabb([x + 0.22, f + 0.44, z - 0.22], [x + 0.26, f + 1.1, z - 0.18], solid(OAK)),
    aabb([x - 0.22, f + 0.7, z - 0.215], [x + 0.22, f + 1.06, z - 0.195], solid(CANVAS)),
  ];
}

function staticShapes(): Shape[] {
  const shapes: Shape[] = [room(ROOM_MIN, ROOM_MAX, { color: roomColor })];

  // The monitor cart: a dark trolley with shelves, wheels and the monitors on short stands.
  const cartMat: Material = { color: (hit) => (nearLine(hit.point[1] - FLOOR, 0.32, 0.025) ? [0x6a, 0x6e, 0x76] : CART) };
  shapes.push(aabb([-1.4, FLOOR + 0.1, 1.8], [1.4, FLOOR + 0.95, 2.35], cartMat));
  for (const dx of [-1.3, 1.3]) shapes.push(aabb([dx - 0.05, FLOOR, 1.85], [dx + 0.05, FLOOR + 0.1, 1.95], solid([0x10, 0x10, 0x10])));
  for (const m of MONITORS) {
    const bezel = 0.025;
    shapes.push(aabb([m.x - m.width / 2 - bezel, SCREEN_BOTTOM - bezel, SCREEN_Z], [m.x + m.width / 2 + bezel, SCREEN_BOTTOM + m.height + bezel, SCREEN_Z + 0.05], {
      // The picture area stays dark here: the live feed is laid over it.
      color: (hit) => (hit.face === 4 && Math.abs(hit.local[0]) < m.width / 2 && Math.abs(hit.local[1]) < m.height / 2 ? [0x06, 0x08, 0x0a] : [0x16, 0x17, 0x19]),
      emissive: (hit) => hit.face === 4 && Math.abs(hit.local[0]) < m.width / 2 && Math.abs(hit.local[1]) < m.height / 2,
    }));
    shapes.push(aabb([m.x - 0.03, FLOOR + 0.95, SCREEN_Z + 0.02], [m.x + 0.03, SCREEN_BOTTOM - bezel, SCREEN_Z + 0.05], solid([0x22, 0x22, 0x24])));
  }
  // A tally lamp on a stalk above the cart.
  shapes.push(aabb([1.37, FLOOR + 0.95, 2.2], [1.39, FLOOR + 1.75, 2.22], solid([0x22, 0x22, 0x24])));

  // The banner over the monitors.
  shapes.push(aabb([-1.45, FLOOR + 2.08, 2.6], [1.45, FLOOR + 2.58, 2.62], { color: (hit) => (Math.abs(hit.local[1]) > 0.21 ? [0xd8, 0xb0, 0x40] : [0x12, 0x12, 0x14]) }));
  shapes.push(aabb([-1.4, FLOOR + 2.58, 2.6], [-1.38, ROOM_MAX[1], 2.62], solid([0x30, 0x30, 0x30])));
  shapes.push(aabb([1.38, FLOOR + 2.58, 2.6], [1.4, ROOM_MAX[1], 2.62], solid([0x30, 0x30, 0x30])));

  for (const c of CHAIRS) shapes.push(...chair(c.x, c.z));

  // Left: a folding table with headsets, cups and the script. Right: the DIT's table with a glowing laptop.
  const table = (x0: number, x1: number, z0: number, z1: number): Shape[] => [
    aabb([x0, FLOOR + 0.72, z0], [x1, FLOOR + 0.76, z1], solid([0xd8, 0xd4, 0xcc])),
    ...[x0 + 0.05, x1 - 0.05].flatMap((x) => [z0 + 0.05, z1 - 0.05].map((z) => aabb([x - 0.02, FLOOR, z - 0.02], [x + 0.02, FLOOR + 0.72, z + 0.02], solid([0x50, 0x50, 0x54])))),
  ];
  shapes.push(...table(-3.4, -2.6, -0.2, 1.2));
  for (const [i, z] of [0.0, 0.35, 0.7].entries()) {
    shapes.push(aabb([-3.1, FLOOR + 0.76, z], [-2.9, FLOOR + 0.82, z + 0.18], solid(i === 1 ? [0xc8, 0x30, 0x30] : [0x20, 0x20, 0x22])));
  }
  shapes.push(aabb([-2.85, FLOOR + 0.76, 0.95], [-2.75, FLOOR + 0.88, 1.05], solid([0xf0, 0xf0, 0xf0])));
  shapes.push(aabb([-3.3, FLOOR + 0.76, 0.9], [-3.0, FLOOR + 0.8, 1.12], solid([0xf4, 0xf2, 0xea])));
  shapes.push(...table(2.5, 3.4, 0.2, 1.4));
  shapes.push(aabb([2.8, FLOOR + 0.76, 0.6], [3.15, FLOOR + 0.78, 0.85], solid([0x40, 0x42, 0x48])));
  shapes.push(aabb([2.8, FLOOR + 0.78, 0.85], [3.15, FLOOR + 1.0, 0.87], { color: (hit) => (hit.face === 4 ? [0x50, 0x90, 0xd8] : [0x40, 0x42, 0x48]), emissive: (hit) => hit.face === 4 }));

  // Cable ramp across the floor in front of the cart, yellow on black.
  shapes.push(aabb([-2.6, FLOOR, 2.45], [2.6, FLOOR + 0.05, 2.65], { color: (hit) => (nearLine(hit.point[0], 0.4, 0.2) ? [0xe0, 0xb8, 0x20] : [0x18, 0x18, 0x18]) }));
  // Practical bulbs hanging from the canopy.
  for (const x of [-1.6, 1.6]) {
    shapes.push(sphere([x, FLOOR + 2.75, 1.2], 0.07, glow([0xff, 0xd8, 0x9a])));
    shapes.push(aabb([x - 0.005, FLOOR + 2.82, 1.195], [x + 0.005, ROOM_MAX[1], 1.205], solid([0x10, 0x10, 0x10])));
  }
  return shapes;
}

function lights(): PointLight[] {
  const result: PointLight[] = [-1.6, 1.6].map((x) => ({ position: [x, FLOOR + 2.7, 1.2] as Vec3, color: [0xff, 0xd0, 0x90] as Rgb, intensity: 1.3, reach: 2.2 }));
  // The monitors light the chairs and the cart top with a cool glow.
  for (const m of MONITORS) result.push({ position: [m.x, SCREEN_BOTTOM + m.height / 2, SCREEN_Z - 0.2], color: [0xb0, 0xc8, 0xff], intensity: 0.45, reach: 1.2 });
  result.push({ position: [0, FLOOR + 3.2, -1.5], color: [0xe0, 0xe0, 0xe8], intensity: 0.7, reach: 3 });
  return result;
}

export function monitorPlate(): RasterScene {
  return { shapes: staticShapes(), lights: lights(), ambient: [0.2, 0.2, 0.23] };
}

/** Screen rectangle of a monitor in `eye`'s image: top-left corner and size in pixels. */
export function screenRect(m: (typeof MONITORS)[number], eye: EyeName, image: EyeImage): { x: number; y: number; width: number; height: number } {
  const corners: Vec3[] = [
    [m.x - m.width / 2, SCREEN_BOTTOM, SCREEN_Z],
    [m.x + m.width / 2, SCREEN_BOTTOM + m.height, SCREEN_Z],
    [m.x - m.width / 2, SCREEN_BOTTOM + m.height, SCREEN_Z],
    [m.x + m.width / 2, SCREEN_BOTTOM, SCREEN_Z],
  ];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of corners) {
    const { yawDeg, pitchDeg } = apparentDirection(c, eye);
    xs.push(yawToX(yawDeg, image));
    ys.push(pitchToY(pitchDeg, image));
  }
  // Inset by a pixel so the picture never spills over the bezel where the equirect edges bow.
  const x0 = Math.max(...[xs[0] ?? 0, xs[2] ?? 0]) + 1;
  const x1 = Math.min(...[xs[1] ?? 0, xs[3] ?? 0]) - 1;
  const y0 = Math.max(...[ys[1] ?? 0, ys[2] ?? 0]) + 1;
  const y1 = Math.min(...[ys[0] ?? 0, ys[3] ?? 0]) - 1;
  const even = (n: number): number => 2 * Math.round(n / 2);
  return { x: Math.round(x0), y: Math.round(y0), width: even(x1 - x0), height: even(y1 - y0) };
}

export interface MonitorFeedsInput {
  image: EyeImage;
  /** Stage A's source (top-bottom 360) and the backlot's (mono 360). */
  stageA: string;
  backlot: string;
  fonts: LabelFonts;
  fps: number;
}

/** The three pictures: CAM A on the set, CAM B following the crane, the backlot on playback. */
export function monitorFeeds(input: MonitorFeedsInput): VideoFeed[] {
  const sources: Record<(typeof MONITORS)[number]['id'], { file: string; v360: string; rec: boolean }> = {
    'cam-a': { file: input.stageA, v360: 'in_stereo=tb:yaw=0:pitch=2:h_fov=70', rec: true },
    'cam-b': { file: input.stageA, v360: 'in_stereo=tb:yaw=22:pitch=8:h_fov=48', rec: true },
    playback: { file: input.backlot, v360: 'in_stereo=2d:yaw=0:pitch=4:h_fov=80', rec: false },
  };
  return MONITORS.map((m) => {
    const rect = screenRect(m, 'mono', input.image);
    const source = sources[m.id];
    const vFov = (2 * Math.atan(Math.tan((Number(/h_fov=(\d+)/.exec(source.v360)?.[1] ?? 70) * Math.PI) / 360) * (9 / 16)) * 180) / Math.PI;
    const osdSize = Math.max(6, Math.round(rect.height * 0.16));
    const osd = (text: string, x: string, color: string, enable?: string): string =>
      `drawtext=${filterOptions({
        text,
        ...(input.fonts.latin ? { fontfile: input.fonts.latin } : { font: 'Sans' }),
        fontsize: osdSize,
        fontcolor: color,
        x,
        y: '3',
        ...(enable ? { enable } : {}),
      })}`;
    const prepare = [
      `v360=input=e:output=flat:out_stereo=2d:${source.v360}:v_fov=${vFov.toFixed(2)}:w=${rect.width * 2}:h=${rect.height * 2}`,
      `scale=${rect.width}:${rect.height}:flags=area`,
      osd(m.osd, '4', 'white'),
      ...(source.rec ? [osd('REC', 'w-tw-4', '0xFF3030', 'lt(mod(t,1),0.6)')] : []),
    ].join(',');
    return {
      file: source.file,
      prepare,
      place: (eye: Eye) => {
        const r = screenRect(m, eye, input.image);
        return { x: r.x + (r.width - rect.width) / 2, y: r.y + (r.height - rect.height) / 2 };
      },
    };
  });
}

export async function monitorLabels(l: EyeLabels): Promise<void> {
  await l.text('VIDEO VILLAGE', [0, FLOOR + 2.43, 2.59], 0.16, { font: 'cjk', color: 'white' });
  await l.text('监视器区', [0, FLOOR + 2.22, 2.59], 0.17, { font: 'cjk', color: '0xFFD65C' });
  for (const m of MONITORS) {
    // White tape labels on the bezels.
    await l.text(m.label, [m.x, SCREEN_BOTTOM + m.height + 0.06, SCREEN_Z - 0.01], 0.05, { font: 'cjk', color: 'black', box: { color: '0xF0F0E8', border: 0.3 } });
  }
  for (const c of CHAIRS) await l.text(c.name, [c.x, FLOOR + 0.9, c.z - 0.225], 0.065, { font: 'cjk', color: 'white' });
  l.rect([1.38, FLOOR + 1.78, 2.2], 0.07, 0.07, '0xFF2020', 'lt(mod(t,1),0.6)');
  for (const sign of Object.values(EXIT_SIGNS)) await l.text(sign.text, sign.point, 0.16, { font: 'cjk', color: 'white', box: { color: sign.color, border: 0.3 } });
}

/** Hotspot direction (yaw/pitch) of a sign, as the viewer (mono) sees it. */
export function signDirection(point: Vec3): { yaw: number; pitch: number } {
  const { yawDeg, pitchDeg } = apparentDirection(point, 'mono');
  return { yaw: Math.round(yawDeg), pitch: Math.round(pitchDeg) };
}
