// The 2K + 4K ladder the bench plays beside the sample tour: the sample's backlot footage (its 2048×1024 rendition,
// played twice over) scaled to a 2048×1024 + 4096×2048 equirect HLS ladder with the product's own media pipeline. The
// product's sample ladder tops out at 2048 wide, so without it the bench never sees what a 4K rendition does to a
// device that cannot decode and upload it in time. Made at bench time, cached under test/bench/.out (never committed),
// and remade only when the recipe below changes. Its tour file (one location) sits beside the sample's in the bench's
// scenes folder, for SetVisit's server and the peers' alike.
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHlsLadder, type Rendition } from '../../src/tools/media-pipeline/encode-hls';
import { REPO_ROOT } from '../helpers/test-server';

export const BENCH_OUT = join(REPO_ROOT, 'test/bench/.out');
/** Where the ladder is cached; it is served at /media/ladder-4k/. */
export const LADDER_4K_DIR = join(BENCH_OUT, 'ladder-4k');
export const LADDER_4K_PROJECT = 'ladder-4k';
export const LADDER_4K_STREAM = '/media/ladder-4k/master.m3u8';
/** Tour files the bench serves at /scenes/: the sample tour and the 4K ladder's. */
export const BENCH_SCENES_DIR = join(BENCH_OUT, 'scenes');

const SOURCE_DIR = join(REPO_ROOT, 'public/media/backlot/headset');
const RENDITIONS: Rendition[] = [
  { name: 'r2048', width: 2048, height: 1024, videoKbps: 2500, audioKbps: 96 },
  { name: 'r4096', width: 4096, height: 2048, videoKbps: 8000, audioKbps: 96 },
];
// Not ultrafast: that preset turns off CABAC and makes the stream cheaper to decode than anything a person is sent.
const PRESET = 'veryfast';
const FPS = 30;
const SEGMENT_SECONDS = 2;
const RECIPE = JSON.stringify({ v: 1, RENDITIONS, PRESET, FPS, SEGMENT_SECONDS, twice: true });
const STAMP = join(LADDER_4K_DIR, 'recipe.json');

/** Makes the ladder if the cache does not hold this recipe's; returns its folder. */
export async function ensureLadder4k(log: (line: string) => void = () => undefined): Promise<string> {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === RECIPE && existsSync(join(LADDER_4K_DIR, 'master.m3u8'))) return LADDER_4K_DIR;
  log('making the 2K + 4K ladder (ffmpeg, cached in test/bench/.out/ladder-4k; a few minutes on 2 cores)');
  rmSync(LADDER_4K_DIR, { recursive: true, force: true });
  mkdirSync(LADDER_4K_DIR, { recursive: true });
  // The sample rendition's init segment and media segments, joined, are one fragmented MP4 that ffmpeg reads; twice
  // over, so the 10 s playback window does not span the loop's wrap.
  const source = join(BENCH_OUT, 'ladder-4k-source.mp4');
  const segments = readdirSync(SOURCE_DIR).filter((f) => f.endsWith('.m4s')).sort();
  const out = createWriteStream(source);
  out.write(readFileSync(join(SOURCE_DIR, 'init.mp4')));
  for (let pass = 0; pass < 2; pass++) for (const segment of segments) out.write(readFileSync(join(SOURCE_DIR, segment)));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  try {
    await encodeHlsLadder({ input: source, outDir: LADDER_4K_DIR, renditions: RENDITIONS, segmentSeconds: SEGMENT_SECONDS, fps: FPS, preset: PRESET });
  } finally {
    rmSync(source, { force: true });
  }
  writeFileSync(STAMP, RECIPE);
  return LADDER_4K_DIR;
}

/** Writes the bench's scenes folder: the sample tour as it is, and a one-location tour on the 4K ladder. */
export function writeBenchScenes(): string {
  mkdirSync(BENCH_SCENES_DIR, { recursive: true });
  copyFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), join(BENCH_SCENES_DIR, 'lantern-keeper.json'));
  const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')) as { locations: { id: string; initialView: unknown }[] };
  const backlot = sample.locations[0]!;
  const tour = {
    id: `${LADDER_4K_PROJECT}-set`,
    projectId: LADDER_4K_PROJECT,
    title: { en: 'Backlot, 2K + 4K ladder' },
    start: 'backlot-4k',
    locations: [{ id: 'backlot-4k', name: { en: 'Backlot, 4K' }, stream: LADDER_4K_STREAM, projection: 'equirect360', stereo: 'mono', initialView: backlot.initialView, hotspots: [] }],
  };
  writeFileSync(join(BENCH_SCENES_DIR, `${LADDER_4K_PROJECT}.json`), JSON.stringify(tour, null, 2));
  return BENCH_SCENES_DIR;
}
