// The committed sample tour (npm run media:sample): every location plays from public/media with its ladder,
// the eye markers are where tests expect them in every rendition, and the whole thing stays small.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EYE_MARKER, EYE_MARKER_COLORS } from '../../../src/tools/media-pipeline/eye-marker';
import { runFfmpeg } from '../../../src/tools/media-pipeline/ffmpeg';
import { eyeGrid, frameAspect } from '../../../src/tools/media-pipeline/ladder';
import { Tour, TourLocation, type Tour as TourType } from '../../../src/protocol/tour-schema';
import { REPO_ROOT } from '../../helpers/test-server';

const MEDIA = path.join(REPO_ROOT, 'public/media');
const RENDITIONS = ['tv', 'desktop', 'headset'] as const;
type Eye = keyof typeof EYE_MARKER_COLORS;

let tour: TourType;
let work = '';

interface Frame {
  width: number;
  height: number;
  rgb: Buffer;
}

/** The first frame of a rendition, decoded from its init and first media segment. */
async function firstFrame(id: string, rendition: string): Promise<Frame> {
  const dir = path.join(MEDIA, id, rendition);
  const joined = path.join(work, `${id}-${rendition}.mp4`);
  await writeFile(joined, Buffer.concat([await readFile(path.join(dir, 'init.mp4')), await readFile(path.join(dir, 'seg_00000.m4s'))]));
  const out = path.join(work, `${id}-${rendition}.rgb`);
  const { stderr } = await runFfmpeg(['-y', '-i', joined, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', out]);
  const size = /Video: rawvideo[^\n]*?, (\d+)x(\d+)/.exec(stderr.slice(stderr.indexOf('Output #0')));
  return { width: Number(size?.[1]), height: Number(size?.[2]), rgb: await readFile(out) };
}

/** Mean colour of a 3×3 block. */
function colourAt(frame: Frame, x: number, y: number): [number, number, number] {
  const sum = [0, 0, 0];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const o = ((Math.round(y) + dy) * frame.width + Math.round(x) + dx) * 3;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (frame.rgb[o + c] ?? 0);
    }
  }
  return [Math.round((sum[0] ?? 0) / 9), Math.round((sum[1] ?? 0) / 9), Math.round((sum[2] ?? 0) / 9)];
}

/** Where each eye's marker is sampled: yaw 0, pitch −31.5° (the solid lower half of the square). */
function markerPoints(location: TourLocation, frame: Frame): Array<{ eye: Eye; x: number; y: number }> {
  const { cols, rows } = eyeGrid(location.stereo);
  const eyeW = frame.width / cols;
  const eyeH = frame.height / rows;
  const y = eyeH * (0.5 - (EYE_MARKER.pitchDeg - 1.5) / 180);
  if (location.stereo === 'mono') return [{ eye: 'mono', x: eyeW / 2, y }];
  if (location.stereo === 'top-bottom') return [{ eye: 'left', x: eyeW / 2, y }, { eye: 'right', x: eyeW / 2, y: eyeH + y }];
  return [{ eye: 'left', x: eyeW / 2, y }, { eye: 'right', x: eyeW + eyeW / 2, y }];
}

function expectColour(actual: [number, number, number], expected: readonly number[], what: string): void {
  actual.forEach((v, c) => {
    if ((expected[c] ?? 0) > 128) expect(v, `${what}: channel ${c} of ${actual.join(',')}`).toBeGreaterThan(200);
    else expect(v, `${what}: channel ${c} of ${actual.join(',')}`).toBeLessThan(60);
  });
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(full) : (await stat(full)).size;
  }
  return total;
}

describe('the sample tour', () => {
  beforeAll(async () => {
    tour = Tour.parse(JSON.parse(await readFile(path.join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
    work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-sample-test-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('has the three sample locations: mono 360 backlot, top-bottom 360 stage, left-right 180 village', () => {
    expect(tour.start).toBe('backlot');
    expect(tour.locations.map((l) => [l.id, l.projection, l.stereo])).toEqual([
      ['backlot', 'equirect360', 'mono'],
      ['stage-a', 'equirect360', 'top-bottom'],
      ['monitor', 'equirect180', 'left-right'],
    ]);
  });

  it('links the locations both ways, with one hotspot shown only for part of the clip', () => {
    const links = tour.locations.flatMap((l) => l.hotspots.map((h) => `${l.id}→${h.target}`));
    for (const link of ['backlot→stage-a', 'backlot→monitor', 'stage-a→backlot', 'stage-a→monitor', 'monitor→backlot']) expect(links).toContain(link);
    const timed = tour.locations.flatMap((l) => l.hotspots).filter((h) => h.start !== undefined || h.end !== undefined);
    expect(timed).toHaveLength(1);
    expect(timed[0]).toMatchObject({ start: 2, end: 7 });
  });

  it('serves every location’s stream, poster, captions and location stub from public/media', async () => {
    for (const location of tour.locations) {
      for (const url of [location.stream, location.poster ?? '', ...location.captions.map((c) => c.src)]) {
        expect(url.startsWith('/media/'), url).toBe(true);
        expect(existsSync(path.join(REPO_ROOT, 'public', url)), url).toBe(true);
      }
      const stub = TourLocation.parse(JSON.parse(await readFile(path.join(MEDIA, location.id, 'location.json'), 'utf8')));
      // A location's tier is the production's access decision in the tour file, not a property of the footage.
      const { tier: _tier, ...footage } = location;
      expect({ ...footage, hotspots: [] }).toEqual(stub);
      expect(location.captions.map((c) => c.language)).toEqual(['en', 'zh-CN']);
    }
  });

  it('keeps public/media under 12 MB', async () => {
    expect(await dirSize(MEDIA)).toBeLessThan(12 * 1024 * 1024);
  });

  for (const id of ['backlot', 'stage-a', 'monitor']) {
    it(`${id}: three renditions in the layout's aspect, cut at the same 2 s keyframes`, async () => {
      const location = tour.locations.find((l) => l.id === id)!;
      const master = await readFile(path.join(MEDIA, id, 'master.m3u8'), 'utf8');
      expect(master.split('\n').filter((l) => l.endsWith('index.m3u8'))).toEqual(RENDITIONS.map((r) => `${r}/index.m3u8`));
      for (const [, w, h] of master.matchAll(/RESOLUTION=(\d+)x(\d+)/g)) expect(Number(w) / Number(h)).toBeCloseTo(frameAspect(location), 2);
      const durations = await Promise.all(RENDITIONS.map(async (r) => (await readFile(path.join(MEDIA, id, r, 'index.m3u8'), 'utf8')).match(/#EXTINF:[\d.]+/g)));
      expect(durations[0]?.[0]).toBe('#EXTINF:2.000000');
      expect(durations[1]).toEqual(durations[0]);
      expect(durations[2]).toEqual(durations[0]);
    });

    it(`${id}: shows each eye its marker at yaw 0°, pitch −30° in every rendition`, async () => {
      const location = tour.locations.find((l) => l.id === id)!;
      for (const rendition of RENDITIONS) {
        const frame = await firstFrame(id, rendition);
        expect(frame.rgb.length).toBe(frame.width * frame.height * 3);
        for (const { eye, x, y } of markerPoints(location, frame)) {
          expectColour(colourAt(frame, x, y), EYE_MARKER_COLORS[eye], `${id} ${rendition} ${eye} eye`);
        }
      }
    });
  }

  it('renders real disparity: the eyes of a stereo location differ, a little', async () => {
    for (const id of ['stage-a', 'monitor']) {
      const location = tour.locations.find((l) => l.id === id)!;
      const frame = await firstFrame(id, 'tv');
      const { cols, rows } = eyeGrid(location.stereo);
      const eyeW = frame.width / cols;
      const eyeH = frame.height / rows;
      let diff = 0;
      let count = 0;
      // Upper half of each eye only: the markers below differ on purpose.
      for (let y = 0; y < eyeH / 2; y += 2) {
        for (let x = 0; x < eyeW; x += 2) {
          const left = (y * frame.width + x) * 3;
          const right = ((y + (rows - 1) * eyeH) * frame.width + x + (cols - 1) * eyeW) * 3;
          diff += Math.abs((frame.rgb[left] ?? 0) - (frame.rgb[right] ?? 0)) + Math.abs((frame.rgb[left + 1] ?? 0) - (frame.rgb[right + 1] ?? 0));
          count += 2;
        }
      }
      const mean = diff / count;
      expect(mean, `${id} mean difference between the eyes`).toBeGreaterThan(0.5);
      expect(mean, `${id} mean difference between the eyes`).toBeLessThan(20);
    }
  });
});
