// Owns the geq expressions that paint the still equirect backdrop: sky, skyline, set backdrops, floor.
import {
  BACKDROP_DISTANCE,
  CAMERA_HEIGHT,
  DOLLY_TRACK_HALF_LENGTH,
  DOLLY_TRACK_X,
  SET_AREAS,
  type Rgb,
} from './set-layout';

/*
 * Every pixel is a ray from the camera: yaw/pitch come from (X, Y) and the colour from whatever the
 * ray hits first — a backdrop plane, the floor plane, the distant skyline or the sky. Doing the ray
 * maths in equirect space is what makes the floor grid and backdrop edges curve correctly when the
 * viewer re-projects the frame onto a sphere.
 *
 * geq evaluates r, g and b as separate expressions, so the scene is written once as a function of
 * the channel and instantiated three times. Registers (st/ld) hold per-pixel intermediates.
 */

const YAW = 0; // radians, 0 = ahead, +right
const PITCH = 1; // radians, + up
const AREA = 2; // round(yaw / 90°): 0 N, 1 E, ±2 S, -1 W
const DPHI = 3; // yaw relative to the nearest area's centre
const WALL_H = 4; // height above the floor where the ray meets that area's backdrop plane
const WALL_S = 5; // position along the backdrop, metres from its centre
const FLOOR_D = 6; // horizontal distance where the ray meets the floor
const FLOOR_X = 7; // floor point, metres east
const FLOOR_Z = 8; // floor point, metres north
const HIT_WALL = 9;

type Channel = 0 | 1 | 2;
type Expr = string;

const ld = (reg: number): Expr => `ld(${reg})`;
const num = (n: number): Expr => (Number.isInteger(n) ? String(n) : n.toFixed(5).replace(/0+$/, ''));
const rad = (deg: number): number => (deg * Math.PI) / 180;
const mix = (a: Expr, b: Expr, t: Expr): Expr => `lerp(${a},${b},${t})`;
const hash = (seed: Expr): Expr => `mod(abs(sin((${seed})*12.9898)*43758.5453),1)`;

/** Picks per-area values in SET_AREAS order; S is both +2 and -2, so it is the fallback. */
function byArea(n: Expr, e: Expr, s: Expr, w: Expr): Expr {
  return `if(eq(${ld(AREA)},0),${n},if(eq(${ld(AREA)},1),${e},if(eq(${ld(AREA)},-1),${w},${s})))`;
}
function byAreaNum(pick: (a: (typeof SET_AREAS)[number]) => number): Expr {
  const [n, e, s, w] = SET_AREAS;
  return byArea(num(pick(n)), num(pick(e)), num(pick(s)), num(pick(w)));
}

const SKY_HORIZON: Rgb = [0xf3, 0xdc, 0xbd];
const SKY_ZENITH: Rgb = [0x35, 0x68, 0xb0];
const SUN: Rgb = [0xff, 0xf6, 0xdc];
const SUN_YAW = rad(135);
const SUN_PITCH = rad(30);
const SKYLINE: Rgb = [0x84, 0x8e, 0x9e];
const FLOOR_DARK: Rgb = [0x62, 0x64, 0x66];
const FLOOR_LIGHT: Rgb = [0x93, 0x95, 0x96];
const HAZE: Rgb = [0xcf, 0xc8, 0xbc];
const RAIL: Rgb = [0xc8, 0xcc, 0xd2];
const SLEEPER: Rgb = [0x6b, 0x4a, 0x2e];
const TAPE: Rgb = [0xf2, 0x8c, 0x28];

function preamble(): Expr {
  const D = num(BACKDROP_DISTANCE);
  return [
    `st(${YAW},(X+0.5)/W*2*PI-PI)`,
    `st(${PITCH},PI/2-(Y+0.5)/H*PI)`,
    `st(${AREA},round(${ld(YAW)}/(PI/2)))`,
    `st(${DPHI},${ld(YAW)}-${ld(AREA)}*PI/2)`,
    `st(${WALL_H},${num(CAMERA_HEIGHT)}+${D}/cos(${ld(DPHI)})*tan(${ld(PITCH)}))`,
    `st(${WALL_S},${D}*tan(${ld(DPHI)}))`,
    // Clamp so rays at (or above) the horizon get a far, finite floor distance instead of ∞.
    `st(${FLOOR_D},min(${num(CAMERA_HEIGHT)}/max(tan(-${ld(PITCH)}),0.0001),400))`,
    `st(${FLOOR_X},${ld(FLOOR_D)}*sin(${ld(YAW)}))`,
    `st(${FLOOR_Z},${ld(FLOOR_D)}*cos(${ld(YAW)}))`,
    `st(${HIT_WALL},lt(abs(${ld(DPHI)}),${byAreaNum((a) => rad(a.halfWidthDeg))})*gte(${ld(WALL_H)},${byAreaNum((a) => a.bottomMetres)})*lte(${ld(WALL_H)},${byAreaNum((a) => a.topMetres)}))`,
  ].join(';');
}

/** Size of one pixel on a backdrop, metres; keeps painted lines at least a pixel wide at any resolution. */
function backdropPixel(width: number): number {
  return (2 * Math.PI * BACKDROP_DISTANCE) / width;
}

function wallColor(c: Channel, width: number): Expr {
  const [n, e, s, w] = SET_AREAS;
  const h = ld(WALL_H);
  const along = ld(WALL_S);
  const px = backdropPixel(width);
  // A painted line narrower than a pixel only aliases, so widths never drop below ~1.2 px.
  const line = (size: number): number => Math.max(size, 1.2 * px);
  // Light falls off towards the edges of each backdrop, as if lit from the middle of the lot.
  const edge = `(1-0.3*pow(abs(${ld(DPHI)})/${byAreaNum((a) => rad(a.halfWidthDeg))},2))`;

  // N: green screen with tracking markers.
  const marker = `lt(abs(mod(${along},1.5)-0.75),${num(line(0.07))})*lt(abs(mod(${h},1.5)-0.75),${num(line(0.07))})`;
  const green = `${mix(num(n.color[c]), num([0xd8, 0xf0, 0xd8][c] ?? 0), marker)}*(0.82+0.18*${h}/${num(n.topMetres)})`;

  // E: brick façade of a backlot street, bricks offset every other course.
  const course = `floor(${h}/0.3)`;
  const brickS = `(${along}+mod(${course},2)*0.4)`;
  const mortar = `max(lt(mod(${h},0.3),${num(line(0.035))}),lt(mod(${brickS},0.8),${num(line(0.035))}))`;
  const brickTone = `(0.82+0.18*${hash(`floor(${brickS}/0.8)*7+${course}`)})`;
  const brick = mix(`${num(e.color[c])}*${brickTone}`, num([0xc9, 0xbd, 0xaa][c] ?? 0), mortar);

  // S: black drapes whose folds catch the light.
  const drape = `${num(s.color[c] * 0.45)}*(0.7+0.3*sin(${along}*2*PI/0.45))*(0.85+0.15*${h}/${num(s.topMetres)})`;

  // W: make-up trailer: cream body, a stripe in the area colour, warm lit mirror windows.
  const stripe = `between(${h},1.05,1.25)`;
  const window = `between(${h},1.7,2.45)*between(mod(${along}+0.5,1.8),0.3,1.5)`;
  const roof = `gt(${h},${num(w.topMetres - 0.18)})`;
  const trailerBody = mix(num([0xe9, 0xe2, 0xd2][c] ?? 0), num(w.color[c]), stripe);
  const trailer = `if(${window},${num([0xff, 0xde, 0x9a][c] ?? 0)},if(${roof},${num([0xa8, 0xa4, 0x9c][c] ?? 0)},${trailerBody}))`;

  return `${byArea(green, brick, drape, trailer)}*${edge}`;
}

function floorColor(c: Channel): Expr {
  const d = ld(FLOOR_D);
  const x = ld(FLOOR_X);
  const z = ld(FLOOR_Z);
  // 1 m tiles offset by half a tile so the camera stands in the middle of one, not on a corner.
  const tile = `mod(floor(${x}+0.5)+floor(${z}+0.5),2)`;
  const seam = `max(lt(abs(mod(${x},1)-0.5),0.015+${d}*0.004),lt(abs(mod(${z},1)-0.5),0.015+${d}*0.004))`;
  // Far tiles are smaller than a pixel; fading their contrast with distance avoids moiré.
  const contrast = `exp(-${d}/7)`;
  const mid = (FLOOR_DARK[c] + FLOOR_LIGHT[c]) / 2;
  const half = (FLOOR_LIGHT[c] - FLOOR_DARK[c]) / 2;
  let color: Expr = `(${num(mid)}+(${tile}*2-1)*${num(half * 0.6)}*${contrast})*(1-0.3*${seam}*${contrast})`;

  // Each area's floor zone (the last ~1.8 m before its backdrop) is painted in its colour.
  const zone = `lt(abs(${ld(DPHI)}),${byAreaNum((a) => rad(a.halfWidthDeg))})*gt(${d}*cos(${ld(DPHI)}),${num(BACKDROP_DISTANCE - 1.8)})`;
  color = mix(color, byAreaNum((a) => a.color[c]), `${zone}*0.55`);

  // Dolly track: two rails on sleepers, running north–south east of the camera.
  const onTrack = `lt(abs(${z}),${num(DOLLY_TRACK_HALF_LENGTH)})`;
  const rails = `${onTrack}*(lt(abs(${x}-${num(DOLLY_TRACK_X - 0.3)}),0.035)+lt(abs(${x}-${num(DOLLY_TRACK_X + 0.3)}),0.035))`;
  const sleepers = `${onTrack}*lt(abs(${x}-${num(DOLLY_TRACK_X)}),0.45)*lt(mod(${z},0.6),0.14)`;
  color = `if(${rails},${num(RAIL[c])},if(${sleepers},${num(SLEEPER[c])},${color}))`;

  // The actor's T mark taped in front of Stage A.
  const mark = `max(lt(abs(${x}),0.45)*lt(abs(${z}-3),0.05),lt(abs(${x}),0.05)*between(${z},3,3.6))`;
  color = `if(${mark},${num(TAPE[c])},${color})`;

  // The tripod's shadow under the camera, then haze towards the horizon.
  const shadow = `(0.45+0.55*clip((${d}-0.2)/0.3,0,1))`;
  return mix(`${color}*${shadow}`, num(HAZE[c]), `1-exp(-${d}/45)`);
}

function skyColor(c: Channel): Expr {
  const p = ld(PITCH);
  const yaw = ld(YAW);
  const gradient = mix(num(SKY_HORIZON[c]), num(SKY_ZENITH[c]), `sqrt(max(sin(${p}),0))`);
  const cosSun = `(cos(${p})*${num(Math.cos(SUN_PITCH))}*cos(${yaw}-${num(SUN_YAW)})+sin(${p})*${num(Math.sin(SUN_PITCH))})`;
  const sun = `min(pow(max(${cosSun},0),900)*3+pow(max(${cosSun},0),25)*0.35,1)`;
  const cloud = `pow(clip(sin(${yaw}*4+2*sin(${yaw}*2.3)+${p}*5)*sin(${p}*9+1.3*sin(${yaw}*5)),0,1),3)*clip((${p}-0.03)/0.12,0,1)*clip((1.25-${p})/0.5,0,1)*0.6`;
  return mix(mix(gradient, '250', cloud), num(SUN[c]), sun);
}

function skylineColor(c: Channel): { hit: Expr; color: Expr } {
  // 72 distant buildings around the lot, random heights, a few gaps.
  const slot = `floor((${ld(YAW)}+PI)/(2*PI)*72)`;
  const h1 = hash(slot);
  const height = `(0.02+0.09*${h1})*gt(${h1},0.18)`;
  const hit = `lt(${ld(PITCH)},${height})`;
  const tone = `(0.9+0.1*${hash(`${slot}+31`)})*(1-0.25*${ld(PITCH)}/max(${height},0.001))`;
  return { hit, color: `${num(SKYLINE[c])}*${tone}` };
}

/** geq option values (r, g, b) for a `width`-wide equirect frame. */
export function backdropExpressions(width: number): { r: Expr; g: Expr; b: Expr } {
  const channel = (c: Channel): Expr => {
    const skyline = skylineColor(c);
    const color = `if(${ld(HIT_WALL)},${wallColor(c, width)},if(lt(${ld(PITCH)},0),${floorColor(c)},if(${skyline.hit},${skyline.color},${skyColor(c)})))`;
    return `${preamble()};clip(${color},0,255)`;
  };
  return { r: channel(0), g: channel(1), b: channel(2) };
}
