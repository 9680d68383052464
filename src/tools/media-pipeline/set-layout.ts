// Owns the geography of the sample set: where each area stands and the equirect ↔ yaw convention.

/**
 * Equirect convention the viewer relies on: x = width/2 is straight ahead (yaw 0°), yaw grows to
 * the right (x = 3/4·width is +90°), and x = 0 / x = width are both yaw 180°. Pitch is +90° at the
 * top row and −90° at the bottom row.
 */
export function yawToX(yawDeg: number, width: number): number {
  return width * (0.5 + yawDeg / 360);
}

export function pitchToY(pitchDeg: number, height: number): number {
  return height * (0.5 - pitchDeg / 180);
}

export type Rgb = readonly [number, number, number];

export interface SetArea {
  id: 'N' | 'E' | 'S' | 'W';
  yawDeg: number;
  /** Full label as the viewer shows it, e.g. in a hotspot list. */
  label: string;
  /** English line painted in the footage (compass letter + name). */
  labelEn: string;
  /** Chinese line painted under it. */
  labelZh: string;
  /** Colour that tints the area's floor zone and identifies it. */
  color: Rgb;
  /** How far either side of `yawDeg` the backdrop reaches. */
  halfWidthDeg: number;
  /** Backdrop top above the floor, metres. */
  topMetres: number;
  /** Backdrop bottom above the floor, metres (the trailer stands on wheels). */
  bottomMetres: number;
}

const area = (a: Omit<SetArea, 'label'>): SetArea => ({ ...a, label: `${a.labelEn} ${a.labelZh}` });

/** Order matters: index = round(yaw / 90°) mod 4 in the background expression (N, E, S, W). */
export const SET_AREAS: readonly [SetArea, SetArea, SetArea, SetArea] = [
  area({ id: 'N', yawDeg: 0, labelEn: 'N · STAGE A', labelZh: '一号棚', color: [0x35, 0xa8, 0x4f], halfWidthDeg: 40, topMetres: 5, bottomMetres: 0 }),
  area({ id: 'E', yawDeg: 90, labelEn: 'E · DOLLY TRACK', labelZh: '轨道', color: [0xb0, 0x52, 0x32], halfWidthDeg: 40, topMetres: 4, bottomMetres: 0 }),
  area({ id: 'S', yawDeg: 180, labelEn: "S · DIRECTOR'S MONITOR", labelZh: '导演监视器', color: [0x5a, 0x3e, 0x8c], halfWidthDeg: 42, topMetres: 3.6, bottomMetres: 0 }),
  area({ id: 'W', yawDeg: -90, labelEn: 'W · MAKE-UP TRAILER', labelZh: '化妆间', color: [0xd9, 0x4f, 0x7a], halfWidthDeg: 32, topMetres: 3.2, bottomMetres: 0.45 }),
];

/** Metres; the scene is built around a camera on a tripod in the middle of the lot. */
export const CAMERA_HEIGHT = 1.6;
/** Perpendicular distance from the camera to each backdrop. */
export const BACKDROP_DISTANCE = 7;
/** The dolly track runs north–south this far east of the camera. */
export const DOLLY_TRACK_X = 4;
export const DOLLY_TRACK_HALF_LENGTH = 3.6;
