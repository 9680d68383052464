// Owns Stage A, the indoor sound stage of the sample tour (stereo top-bottom 360°): dark walls, a lighting
// grid, the lantern-shop set of scene 45, light rigs, a slate, and a camera crane swinging over the set.
//
// World: metres, camera (eye height) at the origin, floor at y = −1.6; yaw 0 (+z) faces the set, +x is to
// the right (yaw 90: the way to video village), −z behind (yaw 180: the stage door to the backlot).
import type { Vec3 } from './equirect';
import {
  aabb,
  box,
  glow,
  hash,
  nearLine,
  room,
  scaleRgb,
  solid,
  sphere,
  type Material,
  type PointLight,
  type RasterScene,
  type Rgb,
  type Shape,
  type SurfaceHit,
} from './raster';
import type { EyeLabels, MovingLayer } from './stereo-source';

const FLOOR = -1.6;
/** The room: a 22 × 23 × 10 m stage. */
const ROOM_MIN: Vec3 = [-11, FLOOR, -9];
const ROOM_MAX: Vec3 = [11, FLOOR + 10, 14];
/** Front face of the lantern-shop set. */
const SET_Z = 6;
const SET_HALF_WIDTH = 4.5;
const SET_TOP = FLOOR + 3.8;
const TRUSS_Y = FLOOR + 6.6;

const CHARCOAL: Rgb = [0x34, 0x35, 0x3a];
const BLACK: Rgb = [0x16, 0x16, 0x18];
const LACQUER_RED: Rgb = [0x9a, 0x24, 0x1c];
const WOOD: Rgb = [0x6e, 0x3f, 0x26];
const GOLD = '0xF2C14E';

/** Crane: its column stands here; the arm pivots at PIVOT and swings over the set street. */
const CRANE_BASE = { x: 2.3, z: 3.2 };
const PIVOT: Vec3 = [CRANE_BASE.x, FLOOR + 1.5, CRANE_BASE.z];
const ARM_FRONT = 2.6;
const ARM_BACK = 1.4;

/** Where the crane arm points at time t: heading (yaw, degrees) and elevation (degrees). */
export function craneAt(t: number): { headingDeg: number; elevationDeg: number } {
  return { headingDeg: -35 + 20 * Math.sin((2 * Math.PI * t) / 9), elevationDeg: 10 + 14 * Math.sin((2 * Math.PI * t) / 4.5 + 0.8) };
}

function armPoint(t: number, along: number, up = 0): Vec3 {
  const { headingDeg, elevationDeg } = craneAt(t);
  const h = (headingDeg * Math.PI) / 180;
  const e = (elevationDeg * Math.PI) / 180;
  return [PIVOT[0] + along * Math.sin(h) * Math.cos(e), PIVOT[1] + along * Math.sin(e) + up, PIVOT[2] + along * Math.cos(h) * Math.cos(e)];
}

// ---- surfaces ------------------------------------------------------------------------------------------

function roomColor(hit: SurfaceHit): Rgb {
  const [x, y, z] = hit.point;
  const h = y - FLOOR;
  switch (hit.face) {
    case 2: {
      // Floor: dark painted concrete, 3 m slabs, scuffs; a yellow safety line around the set.
      if (nearLine(x, 3, 0.03) || nearLine(z, 3, 0.03)) return [0x2a, 0x2a, 0x2c];
      if (Math.abs(z - 3.1) < 0.05 && Math.abs(x) < 5.2) return [0xd8, 0xb4, 0x2a];
      const n = hash(Math.floor(x * 2), Math.floor(z * 2));
      return scaleRgb([0x4a, 0x4a, 0x4e], 0.9 + 0.2 * n);
    }
    case 3: {
      // Ceiling: black, with the grid's shadowy beams.
      return nearLine(x, 4, 0.4) ? [0x22, 0x22, 0x24] : [0x10, 0x10, 0x12];
    }
    case 0: {
      // Left wall: a green-screen cyc with tracking crosses.
      if (z > -4 && z < 7 && h < 5.5) {
        const cross = (nearLine(z, 1.5, 0.05) && nearLine(h, 1.5, 0.3)) || (nearLine(h, 1.5, 0.05) && nearLine(z, 1.5, 0.3));
        return cross ? [0xd8, 0xe8, 0xd8] : [0x2e, 0xa0, 0x48];
      }
      return acoustic(z, h);
    }
    case 4: {
      // Behind: the elephant door to the backlot, ribbed steel.
      if (Math.abs(x) < 3.5 && h < 6) {
        if (Math.abs(x) < 0.03) return [0x20, 0x20, 0x22];
        return nearLine(h, 0.6, 0.06) ? [0x4a, 0x4e, 0x55] : [0x78, 0x7e, 0x86];
      }
      return acoustic(x, h);
    }
    case 1: {
      // Right: the passage to video village, a dark opening in the wall.
      if (Math.abs(z) < 1.6 && h < 3) return [0x08, 0x08, 0x09];
      return acoustic(z, h);
    }
    default:
      // Ahead, above and around the set: acoustic wall, with a black drape band at the bottom.
      return acoustic(x, h);
  }
}

function acoustic(along: number, h: number): Rgb {
  if (h < 2.4) return scaleRgb(BLACK, 0.8 + 0.4 * Math.abs(Math.sin(along * 7)));
  if (nearLine(along, 1.2, 0.04) || nearLine(h, 1.2, 0.04)) return [0x1e, 0x1f, 0x22];
  return scaleRgb(CHARCOAL, 0.92 + 0.16 * hash(Math.floor(along / 1.2), Math.floor(h / 1.2)));
}

/** The façade of the lantern shop: plank wall, a glowing door and lattice windows, a stone plinth. */
const facade: Material = {
  color(hit) {
    const [x, y] = hit.point;
    const h = y - FLOOR;
    if (hit.face !== 4) return WOOD;
    if (isDoor(x, h)) return Math.abs(x) < 0.03 ? [0x3a, 0x1c, 0x0c] : [0xd0, 0x7a, 0x32];
    if (isWindow(x, h)) return nearLine(x, 0.22, 0.04) || nearLine(h, 0.22, 0.04) ? [0x3a, 0x1c, 0x0c] : [0xff, 0xc0, 0x6a];
    if (h < 0.6) return nearLine(x, 0.5, 0.02) || nearLine(h, 0.3, 0.02) ? [0x55, 0x55, 0x58] : [0x8a, 0x88, 0x86];
    return scaleRgb(WOOD, nearLine(x, 0.25, 0.02) ? 0.55 : 0.85 + 0.3 * hash(Math.floor(x / 0.25)));
  },
  emissive: (hit) => hit.face === 4 && (isDoor(hit.point[0], hit.point[1] - FLOOR) || isWindow(hit.point[0], hit.point[1] - FLOOR)),
};
const isDoor = (x: number, h: number): boolean => Math.abs(x) < 0.8 && h < 2.4;
const isWindow = (x: number, h: number): boolean => Math.abs(x) > 1.8 && Math.abs(x) < 3.6 && h > 1.1 && h < 2.3;

const cobbles: Material = {
  color(hit) {
    const [x, , z] = hit.point;
    const row = Math.floor(z / 0.22);
    const col = Math.floor((x + (row % 2) * 0.14) / 0.28);
    const joint = nearLine(z, 0.22, 0.03) || nearLine(x + (row % 2) * 0.14, 0.28, 0.03);
    return joint ? [0x2c, 0x2c, 0x30] : scaleRgb([0x74, 0x76, 0x7e], 0.8 + 0.35 * hash(row, col));
  },
};

const roofTiles: Material = {
  color: (hit) => (nearLine(hit.point[0], 0.2, 0.05) ? [0x1a, 0x1b, 0x1e] : [0x3a, 0x3d, 0x42]),
};

const truss: Material = {
  color(hit) {
    // Triangulated truss: diagonal struts on the sides.
    const along = hit.local[0] + hit.local[2];
    return Math.abs(((along % 0.5) + 0.5) % 0.5 - 0.25) < 0.03 || Math.abs(hit.local[1]) > 0.12 ? [0xb4, 0xb8, 0xbe] : [0x22, 0x22, 0x25];
  },
};

/** A lamp housing whose face `lensFace` glows. */
function lamp(lensFace: number, lens: Rgb): Material {
  return { color: (hit) => (hit.face === lensFace ? lens : [0x1c, 0x1c, 0x1e]), emissive: (hit) => hit.face === lensFace };
}

const lantern = (glowRgb: Rgb): Material => ({
  // Brighter where the paper faces the camera, darker ribs every 0.1 m.
  color: (hit) => scaleRgb(glowRgb, (nearLine(hit.local[1], 0.1, 0.015) ? 0.6 : 1) * (0.65 + 0.35 * Math.abs(hit.normal[2]))),
  emissive: true,
});

// ---- the set ---------------------------------------------------------------------------------------------

const GRID_LAMPS: Vec3[] = [-6, -3, 0, 3, 6].flatMap((x) => [4, 8].map((z): Vec3 => [x, TRUSS_Y - 0.45, z]));

function staticShapes(): Shape[] {
  const shapes: Shape[] = [room(ROOM_MIN, ROOM_MAX, { color: roomColor })];

  // The lantern shop: façade, lacquered columns, eave, signboard, lanterns on strings, cobbled street.
  shapes.push(aabb([-SET_HALF_WIDTH, FLOOR, SET_Z], [SET_HALF_WIDTH, SET_TOP - 0.4, SET_Z + 0.3], facade));
  for (const x of [-4.25, -1.05, 1.05, 4.25]) shapes.push(aabb([x - 0.15, FLOOR, SET_Z - 0.2], [x + 0.15, SET_TOP - 0.4, SET_Z], solid(LACQUER_RED)));
  shapes.push(aabb([-SET_HALF_WIDTH - 0.4, SET_TOP - 0.4, SET_Z - 0.6], [SET_HALF_WIDTH + 0.4, SET_TOP, SET_Z + 0.4], roofTiles));
  shapes.push(aabb([-1.5, FLOOR + 2.55, SET_Z - 0.22], [1.5, FLOOR + 3.2, SET_Z - 0.2], solid([0x1a, 0x14, 0x10])));
  for (const x of [-3.0, -1.45, 1.45, 3.0]) {
    shapes.push(sphere([x, FLOOR + 2.1, SET_Z - 0.45], 0.24, lantern([0xff, 0x4a, 0x30])));
    shapes.push(aabb([x - 0.01, FLOOR + 2.33, SET_Z - 0.46], [x + 0.01, SET_TOP - 0.4, SET_Z - 0.44], solid(BLACK)));
  }
  shapes.push(aabb([-SET_HALF_WIDTH, FLOOR, 3.4], [SET_HALF_WIDTH, FLOOR + 0.02, SET_Z], cobbles));
  // Set flats seen from the side: raw plywood backs with braces.
  for (const x of [-SET_HALF_WIDTH - 0.05, SET_HALF_WIDTH + 0.05]) {
    shapes.push(aabb([x - 0.05, FLOOR, SET_Z], [x + 0.05, SET_TOP - 0.4, SET_Z + 2.5], solid([0xb8, 0x9a, 0x6a])));
  }

  // Lighting grid: trusses across the stage and lamps hanging under them.
  for (const z of [0, 4, 8]) shapes.push(aabb([-9, TRUSS_Y - 0.15, z - 0.15], [9, TRUSS_Y + 0.15, z + 0.15], truss));
  for (const x of [-6, 6]) shapes.push(aabb([x - 0.15, TRUSS_Y - 0.15, -6], [x + 0.15, TRUSS_Y + 0.15, 10], truss));
  for (const p of GRID_LAMPS) {
    shapes.push(aabb([p[0] - 0.18, p[1] - 0.2, p[2] - 0.15], [p[0] + 0.18, p[1] + 0.2, p[2] + 0.15], lamp(2, [0xff, 0xf0, 0xd0])));
    shapes.push(aabb([p[0] - 0.02, p[1] + 0.2, p[2] - 0.02], [p[0] + 0.02, TRUSS_Y - 0.15, p[2] + 0.02], solid(BLACK)));
  }

  // Rig A, left of the set: a big softbox on a stand, turned to the actor's mark (its face glows).
  const rigA = { x: -3.4, z: 2.6, yaw: 64 };
  shapes.push(aabb([rigA.x - 0.03, FLOOR, rigA.z - 0.03], [rigA.x + 0.03, FLOOR + 2.5, rigA.z + 0.03], solid([0x50, 0x52, 0x56])));
  for (const [dx, dz] of [[0.5, 0], [-0.25, 0.43], [-0.25, -0.43]] as const) {
    shapes.push(box([rigA.x + dx / 2, FLOOR + 0.3, rigA.z + dz / 2], [0.02, 0.02, 0.32], solid([0x50, 0x52, 0x56]), (Math.atan2(dx, dz) * 180) / Math.PI, -40));
  }
  shapes.push(box([rigA.x, FLOOR + 2.6, rigA.z], [0.6, 0.45, 0.2], lamp(5, [0xf4, 0xf6, 0xff]), rigA.yaw));
  // Rig B, right: a Fresnel on a tall stand, barn doors open.
  const rigB = { x: 3.9, z: 1.6, yaw: -52 };
  shapes.push(aabb([rigB.x - 0.03, FLOOR, rigB.z - 0.03], [rigB.x + 0.03, FLOOR + 3.1, rigB.z + 0.03], solid([0x50, 0x52, 0x56])));
  shapes.push(box([rigB.x, FLOOR + 3.25, rigB.z], [0.24, 0.24, 0.3], lamp(5, [0xff, 0xe4, 0xb0]), rigB.yaw, -12));
  // Apple boxes and a road-case stack behind the camera on the right.
  shapes.push(aabb([-2.6, FLOOR, 4.0], [-2.1, FLOOR + 0.3, 4.3], solid([0xb0, 0x84, 0x50])));
  shapes.push(aabb([-2.5, FLOOR + 0.3, 4.05], [-2.2, FLOOR + 0.45, 4.3], solid([0xb0, 0x84, 0x50])));
  const caseMat: Material = { color: (hit) => (Math.abs(hit.local[1]) > 0.3 || nearLine(hit.local[0], 0.6, 0.05) ? [0xa8, 0xac, 0xb2] : [0x1e, 0x1e, 0x20]) };
  shapes.push(aabb([3.6, FLOOR, -4.8], [4.8, FLOOR + 0.7, -4.0], caseMat));
  shapes.push(aabb([3.7, FLOOR + 0.7, -4.7], [4.7, FLOOR + 1.4, -4.1], caseMat));
  shapes.push(aabb([5.2, FLOOR, -3.4], [6.4, FLOOR + 0.7, -2.6], caseMat));

  // The slate on its stand, front left: a black board (its text is drawn per eye).
  shapes.push(aabb([-2.25, FLOOR + 0.95, 3.0], [-0.75, FLOOR + 1.85, 3.04], { color: (hit) => (Math.abs(hit.local[0]) > 0.7 || Math.abs(hit.local[1]) > 0.4 ? [0xe8, 0xe8, 0xe8] : [0x14, 0x14, 0x16]) }));
  shapes.push(aabb([-1.52, FLOOR, 3.02], [-1.48, FLOOR + 0.95, 3.06], solid([0x50, 0x52, 0x56])));

  // The crane's static parts: dolly platform with wheels, column and pivot head.
  shapes.push(aabb([CRANE_BASE.x - 0.55, FLOOR + 0.12, CRANE_BASE.z - 0.7], [CRANE_BASE.x + 0.55, FLOOR + 0.32, CRANE_BASE.z + 0.7], solid([0x3c, 0x40, 0x46])));
  for (const [dx, dz] of [[-0.5, -0.6], [0.5, -0.6], [-0.5, 0.6], [0.5, 0.6]] as const) {
    shapes.push(aabb([CRANE_BASE.x + dx - 0.06, FLOOR, CRANE_BASE.z + dz - 0.12], [CRANE_BASE.x + dx + 0.06, FLOOR + 0.24, CRANE_BASE.z + dz + 0.12], solid([0x12, 0x12, 0x12])));
  }
  shapes.push(aabb([CRANE_BASE.x - 0.09, FLOOR + 0.32, CRANE_BASE.z - 0.09], [CRANE_BASE.x + 0.09, PIVOT[1] - 0.12, CRANE_BASE.z + 0.09], solid([0xd8, 0xa8, 0x20])));
  shapes.push(aabb([PIVOT[0] - 0.14, PIVOT[1] - 0.14, PIVOT[2] - 0.14], [PIVOT[0] + 0.14, PIVOT[1] + 0.02, PIVOT[2] + 0.14], solid([0x2a, 0x2c, 0x30])));

  // Cables from the rigs, taped to the floor.
  shapes.push(aabb([-3.42, FLOOR, -6], [-3.38, FLOOR + 0.02, 2.6], solid([0x0c, 0x0c, 0x0c])));
  shapes.push(aabb([3.88, FLOOR, -6], [3.92, FLOOR + 0.02, 1.6], solid([0x0c, 0x0c, 0x0c])));
  return shapes;
}

function lights(): PointLight[] {
  const down: Vec3 = [0, -1, 0];
  const towards = (from: Vec3, to: Vec3): Vec3 => {
    const d: Vec3 = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
    const n = Math.hypot(...d);
    return [d[0] / n, d[1] / n, d[2] / n];
  };
  const actor: Vec3 = [0, FLOOR + 1.2, 4.6];
  const result: PointLight[] = GRID_LAMPS.map((p) => ({
    position: [p[0], p[1] - 0.25, p[2]],
    color: [0xff, 0xe8, 0xc8],
    intensity: p[2] > 6 ? 1.0 : 0.8,
    reach: 5.5,
    spot: { dir: down, cosHalfAngle: Math.cos((32 * Math.PI) / 180) },
  }));
  const softbox: Vec3 = [-3.4, FLOOR + 2.6, 2.6];
  result.push({ position: softbox, color: [0xf0, 0xf4, 0xff], intensity: 2.4, reach: 4, spot: { dir: towards(softbox, actor), cosHalfAngle: Math.cos((70 * Math.PI) / 180) } });
  const fresnel: Vec3 = [3.9, FLOOR + 3.25, 1.6];
  result.push({ position: fresnel, color: [0xff, 0xd8, 0xa0], intensity: 3.2, reach: 6, spot: { dir: towards(fresnel, [0, FLOOR + 1.5, SET_Z]), cosHalfAngle: Math.cos((24 * Math.PI) / 180) } });
  // Lanterns and the shop's glowing door light the façade and street warmly.
  for (const x of [-3.0, -1.45, 1.45, 3.0]) result.push({ position: [x, FLOOR + 2.1, SET_Z - 0.7], color: [0xff, 0x70, 0x50], intensity: 0.5, reach: 1.2 });
  result.push({ position: [0, FLOOR + 1.2, SET_Z - 0.3], color: [0xff, 0xb0, 0x60], intensity: 0.8, reach: 1.6 });
  // Work lights on the green screen and the stage door.
  result.push({ position: [-7, FLOOR + 4, 1.5], color: [0xe0, 0xf0, 0xe0], intensity: 1.6, reach: 5 });
  result.push({ position: [0, FLOOR + 5, -6], color: [0xe8, 0xe8, 0xf0], intensity: 0.9, reach: 4 });
  return result;
}

export function stageAPlate(): RasterScene {
  return { shapes: staticShapes(), lights: lights(), ambient: [0.22, 0.22, 0.25], haze: { color: [0x16, 0x17, 0x1c], distance: 40 } };
}

// ---- the moving crane ------------------------------------------------------------------------------------

/** The crane arm, counterweight and camera head at time t (the tally light blinks while rolling). */
function craneShapes(t: number): Shape[] {
  const { headingDeg, elevationDeg } = craneAt(t);
  const mid = armPoint(t, (ARM_FRONT - ARM_BACK) / 2);
  const head = armPoint(t, ARM_FRONT, -0.2);
  const weight = armPoint(t, -ARM_BACK, -0.05);
  const rolling = t % 1 < 0.6;
  const armMat: Material = { color: (hit) => (nearLine(hit.local[2], 0.5, 0.04) ? [0x1a, 0x1a, 0x1a] : [0xd8, 0xa8, 0x20]) };
  return [
    box(mid, [0.07, 0.09, (ARM_FRONT + ARM_BACK) / 2], armMat, headingDeg, elevationDeg),
    box(weight, [0.22, 0.2, 0.2], solid([0x58, 0x5c, 0x62]), headingDeg),
    // Camera body hanging under the front end, its lens pointing along the arm, the matte box in front.
    box(head, [0.14, 0.15, 0.26], solid([0x5a, 0x5e, 0x66]), headingDeg),
    box(armPoint(t, ARM_FRONT + 0.32, -0.2), [0.11, 0.1, 0.06], solid([0x0a, 0x0a, 0x0a]), headingDeg),
    box(armPoint(t, ARM_FRONT, -0.02), [0.03, 0.05, 0.03], solid([0x30, 0x30, 0x30]), headingDeg),
    sphere(armPoint(t, ARM_FRONT - 0.1, -0.02 + 0.06), 0.045, rolling ? glow([0xff, 0x20, 0x20]) : solid([0x40, 0x10, 0x10])),
  ];
}

export function stageACrane(durationSeconds: number): MovingLayer {
  const extent: Vec3[] = [];
  for (let i = 0; i <= 120; i++) {
    const t = (i / 120) * durationSeconds;
    for (const along of [ARM_FRONT + 0.45, -ARM_BACK - 0.3]) for (const up of [-0.45, 0.3]) extent.push(armPoint(t, along, up));
    extent.push(armPoint(t, ARM_FRONT, -0.45), armPoint(t, 0, -0.3));
  }
  const plate = stageAPlate();
  return { shapesAt: craneShapes, extent, lighting: { lights: plate.lights, ambient: plate.ambient, haze: plate.haze } };
}

// ---- labels ----------------------------------------------------------------------------------------------

const BLINK = 'lt(mod(t,1),0.6)';

/** The signs to the other locations (hotspots go on them) and the set's signboard, world points. */
export const STAGE_A_SIGNS = {
  backlot: { text: 'EXIT · BACKLOT 出口 · 外景', point: [0, FLOOR + 5.2, ROOM_MIN[2] + 0.05] as Vec3 },
  monitor: { text: 'VIDEO VILLAGE 监视器区 →', point: [ROOM_MAX[0] - 0.05, FLOOR + 3.5, 0] as Vec3 },
  set: { text: '灯笼铺', point: [0, FLOOR + 2.88, SET_Z - 0.25] as Vec3 },
} as const;

export async function stageALabels(l: EyeLabels): Promise<void> {
  const white = { font: 'cjk', color: 'white' } as const;
  // Stencilled on the back wall, high above the set, and on the stage door behind.
  await l.text('STAGE A', [0, 7.6, ROOM_MAX[2] - 0.05], 1.3, { ...white, color: '0xE8E8E8' });
  await l.text('一号棚', [0, 5.9, ROOM_MAX[2] - 0.05], 1.5, { ...white, color: '0xFFD65C' });
  await l.text('STAGE A  一号棚', [0, FLOOR + 6.6, ROOM_MIN[2] + 0.05], 0.7, { ...white, color: '0xFFD65C' });
  // The shop's signboard, on the set.
  await l.text(STAGE_A_SIGNS.set.text, STAGE_A_SIGNS.set.point, 0.45, { font: 'cjk', color: GOLD });
  // The slate: production, scene and take, running timecode.
  const slateZ = 2.99;
  await l.text('THE LANTERN KEEPER 守灯人', [-1.5, FLOOR + 1.72, slateZ], 0.07, { font: 'cjk', color: '0xCCCCCC' });
  await l.text('SCENE 45 第45场', [-1.5, FLOOR + 1.55, slateZ], 0.13, white);
  await l.text('TAKE 3 · 第3条', [-1.5, FLOOR + 1.36, slateZ], 0.12, white);
  await l.text('TC ', [-1.5, FLOOR + 1.14, slateZ], 0.11, { font: 'mono', color: '0xFF3B30', timecode: true });
  // Above the stage door: the rolling light, and the way out to the backlot.
  l.rect([-2.9, FLOOR + 7.5, ROOM_MIN[2] + 0.1], 0.6, 0.4, '0xFF2020', BLINK);
  l.rect([2.9, FLOOR + 7.5, ROOM_MIN[2] + 0.1], 0.6, 0.4, '0xFF2020', BLINK);
  await l.text('QUIET · ROLLING 保持安静', [0, FLOOR + 7.5, ROOM_MIN[2] + 0.05], 0.4, { font: 'cjk', color: '0xFF4040', box: { color: '0x000000@0.7', border: 0.25 } });
  await l.text(STAGE_A_SIGNS.backlot.text, STAGE_A_SIGNS.backlot.point, 0.42, { font: 'cjk', color: 'white', box: { color: '0x1E7A3A', border: 0.3 } });
  // The passage to video village on the right.
  await l.text(STAGE_A_SIGNS.monitor.text, STAGE_A_SIGNS.monitor.point, 0.42, { font: 'cjk', color: 'white', box: { color: '0x1E4E8C', border: 0.3 } });
  // A label on the green screen.
  await l.text('GREEN SCREEN 绿幕', [ROOM_MIN[0] + 0.05, FLOOR + 6.0, 1.5], 0.45, { font: 'cjk', color: '0xDDDDDD' });
}
