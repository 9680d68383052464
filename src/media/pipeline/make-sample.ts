// Owns the CLI that regenerates the committed demo footage in public/media/backlot/ (npx tsx src/media/pipeline/make-sample.ts).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LADDER, encodeHlsLadder } from './encode-hls';
import { runFfmpeg } from './ffmpeg';
import { generateSourceFootage } from './generate-source';

const OUT_DIR = fileURLToPath(new URL('../../../public/media/backlot/', import.meta.url));
const SOURCE = { width: 2048, height: 1024, durationSeconds: 12, fps: 30, title: 'BACKLOT — SetVisit demo' } as const;
const SEGMENT_SECONDS = 2;
/** The folder is committed to git; keep the whole ladder plus poster below this. */
const SIZE_BUDGET_BYTES = 4.5 * 1024 * 1024;
const POSTER = { width: 1024, height: 512, atSeconds: 2, quality: 5 } as const;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-sample-'));
  try {
    const source = path.join(work, 'backlot-source.mp4');
    console.info(`rendering ${SOURCE.width}x${SOURCE.height} ${SOURCE.durationSeconds}s source → ${source}`);
    const { fonts } = await generateSourceFootage({ outFile: source, ...SOURCE, preset: 'medium', crf: 14 });
    if (!fonts.hasCjk) console.warn('no Noto CJK font found: the Chinese labels will render as boxes (apt-get install fonts-noto-cjk)');

    console.info(`encoding HLS ladder (${DEFAULT_LADDER.map((r) => r.name).join(', ')}) → ${OUT_DIR}`);
    await rm(OUT_DIR, { recursive: true, force: true });
    const ladder = await encodeHlsLadder({
      input: source,
      outDir: OUT_DIR,
      renditions: DEFAULT_LADDER,
      segmentSeconds: SEGMENT_SECONDS,
      fps: SOURCE.fps,
      preset: 'slow',
    });

    // Poster from the pristine source, not the ladder, so it is as sharp as the budget allows.
    const poster = path.join(OUT_DIR, 'poster.jpg');
    await runFfmpeg([
      '-y', '-loglevel', 'error',
      '-ss', String(POSTER.atSeconds), '-i', source,
      '-frames:v', '1', '-vf', `scale=${POSTER.width}:${POSTER.height}:flags=lanczos`,
      '-q:v', String(POSTER.quality),
      poster,
    ]);

    console.info('\nwrote:');
    console.info(`  ${path.relative(process.cwd(), ladder.masterPlaylist)}`);
    for (const variant of ladder.variants) {
      const dir = path.dirname(variant.playlist);
      const files = await readdir(dir);
      const segments = files.filter((f) => f.endsWith('.m4s')).length;
      const r = variant.rendition;
      console.info(
        `  ${path.relative(process.cwd(), dir)}/  ${r.width}x${r.height} ${r.videoKbps}k+${r.audioKbps}k  ` +
          `${segments} segments  ${formatBytes(await dirSize(dir))}`,
      );
    }
    console.info(`  ${path.relative(process.cwd(), poster)}  ${formatBytes((await stat(poster)).size)}`);

    const total = await dirSize(OUT_DIR);
    console.info(`total ${formatBytes(total)} (budget ${formatBytes(SIZE_BUDGET_BYTES)})`);
    if (total > SIZE_BUDGET_BYTES) {
      throw new Error(`public/media/backlot is ${formatBytes(total)}, over the ${formatBytes(SIZE_BUDGET_BYTES)} budget: lower the ladder bitrates`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
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
