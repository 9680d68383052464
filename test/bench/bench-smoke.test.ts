// A short smoke of `npm run bench` (test/bench/run.ts): one tiny iteration against SetVisit only, to prove the
// harness still drives the app and fills its table. No figure is judged here: timings belong to the benchmark.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/test-server';
import type { TableRow } from './bench-table';
import { DEFAULT_OPTIONS, runBench } from './run';

const row = (rows: Awaited<ReturnType<typeof runBench>>['rows'], figure: string): TableRow => {
  const found = rows.find((r): r is TableRow => 'values' in r && r.figure === figure);
  if (!found) throw new Error(`no row "${figure}"`);
  return found;
};
const setvisit = (r: TableRow): number => r.values.setvisit?.[0] ?? Number.NaN;

describe('npm run bench, smoke', () => {
  // Most of the time is the production build (with the legacy TV bundle), which took 4 minutes on a loaded machine.
  it('measures SetVisit once and prints every row of the table', { timeout: 600_000 }, async () => {
    const result = await runBench({
      ...DEFAULT_OPTIONS,
      runs: 1,
      cpuRates: [1],
      viewers: ['setvisit'],
      // The 2K + 4K ladder takes minutes of ffmpeg to make the first time: the sample tour is enough to drive the harness.
      ladders: ['sample'],
      heapWarmupMs: 1_000,
      heapPlayMs: 2_000,
      playbackMs: 1_000,
      appDir: join(REPO_ROOT, 'test/bench/.out/smoke-app'),
      serverBenches: false,
      shellFigures: false,
      log: () => undefined,
    });
    expect(result.failures).toEqual([]);
    for (const figure of ['Navigation → first 360 frame', 'Switch location (backlot → stage A)', 'Main thread per frame, median', 'Long tasks', 'JS heap growth after warm-up', 'JS heap growth without compiled code']) {
      expect(result.table).toContain(`| ${figure} |`);
    }
    // The probe saw the footage drawn: a first frame, a switch, a sphere's worth of triangles, a lit view.
    expect(setvisit(row(result.rows, 'Navigation → first 360 frame'))).toBeGreaterThan(0);
    expect(setvisit(row(result.rows, 'Switch location (backlot → stage A)'))).toBeGreaterThan(0);
    expect(setvisit(row(result.rows, 'Draw calls per drawn frame'))).toBeGreaterThanOrEqual(1);
    expect(setvisit(row(result.rows, 'Triangles per drawn frame'))).toBeGreaterThan(1_000);
    expect(setvisit(row(result.rows, 'Non-black share of the view'))).toBeGreaterThan(50);
    // The video's own figures and what the viewer draws: frames presented, a settled rendition, a drawing buffer.
    expect(setvisit(row(result.rows, 'Video frames presented per second'))).toBeGreaterThan(0);
    expect(setvisit(row(result.rows, 'Rendition settled on (height)'))).toBeGreaterThan(0);
    expect(setvisit(row(result.rows, 'Drawing buffer width'))).toBeGreaterThan(0);
    expect(setvisit(row(result.rows, 'Video frames dropped'))).toBeGreaterThanOrEqual(0);
    // Bundle figures come from the build's manifest and count real files.
    expect(setvisit(row(result.rows, 'JS loaded to the first 360 frame'))).toBeGreaterThan(50);
    expect(setvisit(row(result.rows, 'Desktop tour with hls.js'))).toBeGreaterThan(setvisit(row(result.rows, 'Entry (every shell)')));
    expect(Number.isFinite(setvisit(row(result.rows, 'JS heap growth after warm-up')))).toBe(true);
    expect(Number.isFinite(setvisit(row(result.rows, 'JS heap growth without compiled code')))).toBe(true);
  });
});
