// Owns `npm run media:sample`: renders source footage for the three sample locations, runs each through the
// same code path as `npm run media` (--ladder demo) into public/media/<id>/, then writes scenes/lantern-keeper.json.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../protocol';
import type { TourLocation } from '../../protocol/tour-schema';
import { runCli } from './cli';
import { findLabelFonts } from './fonts';
import { generateSourceFootage } from './generate-source';
import { parseLocation } from './location-stub';
import { monitorFeeds, monitorLabels, monitorPlate } from './monitor-scene';
import { sampleCaptions, type SampleLocationId } from './sample-captions';
import { SAMPLE_DURATION_SECONDS, SAMPLE_NAMES, buildSampleTour, type SampleTourBase } from './sample-tour';
import { stageACrane, stageALabels, stageAPlate } from './stage-a-scene';
import { generateStereoSource, roomTone } from './stereo-source';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const MEDIA_DIR = path.join(REPO, 'public/media');
const TOUR_FILE = path.join(REPO, 'scenes/lantern-keeper.json');
const FPS = 30;
const D = SAMPLE_DURATION_SECONDS;
/** public/media is committed to git: the three locations together stay below this. */
const SIZE_BUDGET_BYTES = 12 * 1024 * 1024;
/** Source footage is rendered at the demo ladder's headset size, so nothing is upscaled. */
const SOURCE = {
  backlot: { width: 2048, height: 1024 },
  stageAEye: { width: 1440, height: 720, spanDeg: 360 },
  monitorEye: { width: 1024, height: 1024, spanDeg: 180 },
} as const;

interface SampleLocation {
  id: SampleLocationId;
  projection: 'equirect360' | 'equirect180';
  stereo: 'mono' | 'top-bottom' | 'left-right';
  render(outFile: string, sources: Partial<Record<SampleLocationId, string>>): Promise<void>;
}

const log = (line: string): void => {
  console.info(line);
};

const LOCATIONS: readonly SampleLocation[] = [
  {
    id: 'backlot',
    projection: 'equirect360',
    stereo: 'mono',
    async render(outFile) {
      await generateSourceFootage({ outFile, ...SOURCE.backlot, durationSeconds: D, fps: FPS, title: 'BACKLOT — SetVisit demo', preset: 'medium', crf: 14 });
    },
  },
  {
    id: 'stage-a',
    projection: 'equirect360',
    stereo: 'top-bottom',
    async render(outFile) {
      await generateStereoSource({
        outFile,
        projection: 'equirect360',
        stereo: 'top-bottom',
        eye: SOURCE.stageAEye,
        durationSeconds: D,
        fps: FPS,
        title: 'STAGE A — SetVisit demo',
        plate: stageAPlate(),
        moving: stageACrane(D),
        labels: stageALabels,
        audio: roomTone(D, '[a]', { lowpass: 260, level: 0.9, humHz: 100, humLevel: 0.015 }),
        preset: 'medium',
        crf: 14,
        log,
      });
    },
  },
  {
    id: 'monitor',
    projection: 'equirect180',
    stereo: 'left-right',
    async render(outFile, sources) {
      if (!sources['stage-a'] || !sources.backlot) throw new Error('the monitor location shows stage-a and backlot: render those first');
      await generateStereoSource({
        outFile,
        projection: 'equirect180',
        stereo: 'left-right',
        eye: SOURCE.monitorEye,
        durationSeconds: D,
        fps: FPS,
        title: 'VIDEO VILLAGE — SetVisit demo',
        plate: monitorPlate(),
        feeds: monitorFeeds({ image: SOURCE.monitorEye, stageA: sources['stage-a'], backlot: sources.backlot, fonts: findLabelFonts(), fps: FPS }),
        labels: monitorLabels,
        audio: roomTone(D, '[a]', { lowpass: 520, level: 0.7 }),
        preset: 'medium',
        crf: 14,
        log,
      });
    },
  },
];

async function main(): Promise<void> {
  const fonts = findLabelFonts();
  if (!fonts.hasCjk) console.warn('no Noto CJK font found: the Chinese labels will render as boxes (apt-get install fonts-noto-cjk)');
  const work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-sample-'));
  try {
    const sources: Partial<Record<SampleLocationId, string>> = {};
    const stubs: Partial<Record<SampleLocationId, TourLocation>> = {};
    for (const location of LOCATIONS) {
      const source = path.join(work, `${location.id}-source.mp4`);
      log(`\n== ${location.id}: rendering ${D} s of ${location.projection} ${location.stereo} source footage`);
      const started = Date.now();
      await location.render(source, sources);
      sources[location.id] = source;
      log(`rendered in ${((Date.now() - started) / 1000).toFixed(0)} s`);

      const captions: Partial<Record<Language, string>> = {};
      for (const language of ['en', 'zh-CN'] as const) {
        captions[language] = path.join(work, `${location.id}.${language}.vtt`);
        await writeFile(captions[language], sampleCaptions(location.id, language, D));
      }
      log(`== ${location.id}: npm run media -- … --ladder demo`);
      const argv = [
        source,
        '--projection', location.projection,
        '--stereo', location.stereo,
        '--id', location.id,
        '--name-en', SAMPLE_NAMES[location.id].en,
        '--name-zh', SAMPLE_NAMES[location.id]['zh-CN'],
        '--captions-en', captions.en ?? '',
        '--captions-zh', captions['zh-CN'] ?? '',
        '--out', MEDIA_DIR,
        '--ladder', 'demo',
        '--preset', 'slow',
        '--force',
      ];
      let stdout = '';
      const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => process.stderr.write(text) });
      if (code !== 0) throw new Error(`npm run media failed for ${location.id} (exit ${code})`);
      stubs[location.id] = parseLocation(JSON.parse(stdout));
    }

    // The old single-location layout (public/media/backlot/{1k,2k}) is gone with --force; nothing else is left over.
    for (const entry of await readdir(MEDIA_DIR, { withFileTypes: true })) {
      if (entry.isDirectory() && !LOCATIONS.some((l) => l.id === entry.name)) log(`note: public/media/${entry.name}/ is not a sample location (left alone)`);
    }

    log('\nsizes:');
    let total = 0;
    for (const location of LOCATIONS) {
      const size = await dirSize(path.join(MEDIA_DIR, location.id));
      total += size;
      log(`  public/media/${location.id}/`.padEnd(28) + formatBytes(size));
    }
    log(`  total`.padEnd(28) + `${formatBytes(total)} (budget ${formatBytes(SIZE_BUDGET_BYTES)})`);
    if (total > SIZE_BUDGET_BYTES) throw new Error(`public/media is ${formatBytes(total)}, over the ${formatBytes(SIZE_BUDGET_BYTES)} budget: lower the demo ladder's bitrates`);

    const tour = buildSampleTour(await tourBase(), stubs as Record<SampleLocationId, TourLocation>);
    await writeFile(TOUR_FILE, `${JSON.stringify(tour, null, 2)}\n`);
    log(`\nwrote ${path.relative(REPO, TOUR_FILE)} (${tour.locations.length} locations, start "${tour.start}")`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Keeps the tour's id, project and title from the existing file. */
async function tourBase(): Promise<SampleTourBase> {
  const fallback: SampleTourBase = { id: 'lantern-keeper-set', projectId: 'lantern-keeper', title: { en: 'On the set of The Lantern Keeper', 'zh-CN': '《守灯人》探班' } };
  try {
    const existing = JSON.parse(await readFile(TOUR_FILE, 'utf8')) as Partial<SampleTourBase>;
    return { id: existing.id ?? fallback.id, projectId: existing.projectId ?? fallback.projectId, title: existing.title ?? fallback.title };
  } catch {
    return fallback;
  }
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(full) : (await stat(full)).size;
  }
  return total;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
