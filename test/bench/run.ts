// Owns `npm run bench` (`npx tsx test/bench/run.ts`): builds SetVisit and the peer viewers, measures them side by side
// in Chromium at each CPU rate, adds the bundle, TV, XR and server figures, and prints the one table.
import { cpSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchDebianChromium } from '../helpers/browser';
import { postMilestone, validMilestone } from '../helpers/test-server';
import { buildApp, BENCH_APP_DIR } from './app-build';
import { type Row, type TableRow, renderTable } from './bench-table';
import { onCleanup, runCleanups, withTimeout } from './bounded';
import { measureBundleSizes, type EntrySize } from './bundle-sizes';
import { MILESTONES_KEPT } from '../../src/protocol/project-state';
import { measureHeap, type HeapFigures } from './heap-run';
import { measureTvFirstScreen, measureXrFigures, runServerBench, type TvFirstScreen } from './other-figures';
import { startPeerServer } from './peer-server';
import { buildPeers, PEERS_DIST } from './peers-build';
import { readMachineCpu } from './process-usage';
import { startSetVisitServer } from './setvisit-server';
import { runSoak, soakReport } from './soak-run';
import { measureTvKeyLatency, type KeyLatency, type TvKeyLatency } from './tv-key-latency';
import { visit, type ViewerId, type VisitFigures } from './viewer-run';
import { viewerTargets, type BenchLadder } from './viewer-targets';
import { ensureLadder4k, LADDER_4K_DIR, LADDER_4K_PROJECT, writeBenchScenes } from './ladder-4k';
import { targetVerdicts } from './bench-targets';

export interface BenchOptions {
  runs: number;
  cpuRates: number[];
  viewers: ViewerId[];
  /** Heap run: warm-up, then this long playing (5 minutes with --long). 0 skips it. */
  heapPlayMs: number;
  heapWarmupMs: number;
  playbackMs: number;
  /** Where SetVisit's build goes (and is served from). */
  appDir: string;
  build: boolean;
  /** Feed and meet-up benches, run short. */
  serverBenches: boolean;
  /** TV first screen and XR figures. */
  shellFigures: boolean;
  /** The sample tour (2K top) and the 2K + 4K ladder (made at bench time, cached under test/bench/.out). */
  ladders: BenchLadder[];
  /** `--soak N`: only the memory soak, N minutes (null: the whole bench). */
  soakMinutes: number | null;
  log: (line: string) => void;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  runs: 3,
  cpuRates: [1, 4],
  viewers: ['setvisit', 'setvisit-hlsjs', 'setvisit-wide', 'psv', 'aframe', 'three'],
  heapPlayMs: 30_000,
  heapWarmupMs: 10_000,
  // At least 10 s of playback after the first frame: long enough for ABR to settle and for frame rates to mean something.
  playbackMs: 10_000,
  appDir: BENCH_APP_DIR,
  build: true,
  serverBenches: true,
  shellFigures: true,
  ladders: ['sample', '4k'],
  soakMinutes: null,
  log: (line) => console.error(line),
};

const FIRST_FRAME_TIMEOUT_MS = 90_000;
/** The soak's warm-up after the feed is full: V8 compiles and the first segments' buffers settle. */
const SOAK_WARMUP_MS = 60_000;
/** The bound on heap growth over a long visit, after warm-up. */
const SOAK_GROWTH_LIMIT = 0.1;
const SOAK_APP_DIR = join(BENCH_APP_DIR, '../soak-app');
/** Remote key latency is timed at the rate that stands in for a TV's SoC, whatever --cpu says. */
const TV_KEY_CPU_RATE = 4;
const MEETUP_SHORT_ARGS = ['--clients', '200', '--seconds', '10', '--rate', '20000', '--repeats', '5'];

export interface BenchResult {
  rows: Row[];
  failures: string[];
  table: string;
  notes: string[];
}

export async function runBench(options: BenchOptions = DEFAULT_OPTIONS): Promise<BenchResult> {
  const { log } = options;
  const started = Date.now();
  const cpuAtStart = readMachineCpu();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  if (options.build) {
    log(`building SetVisit (vite build → ${options.appDir})`);
    await buildApp(options.appDir);
  }
  const wantsPeers = options.viewers.some((v) => !v.startsWith('setvisit'));
  if (wantsPeers && options.build) {
    log('building the peer viewers (test/bench/peers)');
    await buildPeers(log);
  }
  const with4k = options.ladders.includes('4k');
  if (with4k) {
    await ensureLadder4k(log);
    // Served by SetVisit's own server beside the sample media, as the peers' server serves it beside theirs.
    cpSync(LADDER_4K_DIR, join(options.appDir, 'media/ladder-4k'), { recursive: true });
  }
  const scenesDir = writeBenchScenes();
  const app = await startSetVisitServer(options.appDir, { scenesDir, projects: [LADDER_4K_PROJECT] });
  onCleanup(() => app.close());
  const peers = wantsPeers ? await startPeerServer(PEERS_DIST, { scenesDir, media: { 'ladder-4k': LADDER_4K_DIR } }) : null;
  if (peers) onCleanup(() => peers.close());
  const browser: Browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  // The machine is shared: its load, sampled through the run, goes with the figures.
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(loadavg()[0] ?? Number.NaN), 10_000);
  onCleanup(() => clearInterval(loadTimer));

  const targetsOf = (ladder: BenchLadder) =>
    viewerTargets(app.url, peers?.url ?? '', ladder).filter((t) => options.viewers.includes(t.id) && !(ladder === '4k' && t.id === 'setvisit-hlsjs'));
  const visits = new Map<string, VisitFigures[]>();
  const failures: string[] = [];
  // Runs interleave the viewers, so a burst of load elsewhere on the machine falls on all of them alike.
  for (let run = 1; run <= options.runs; run++) {
    for (const ladder of options.ladders) {
      for (const cpuRate of options.cpuRates) {
        for (const target of targetsOf(ladder)) {
          log(`run ${run}/${options.runs}, ${LADDER_LABEL[ladder]}, ${cpuRate}× CPU: ${target.label}`);
          try {
            const figures = await withTimeout(
              visit(browser, target, { cpuRate, playbackMs: options.playbackMs, switchTarget: 'stage-a', firstFrameTimeoutMs: FIRST_FRAME_TIMEOUT_MS }),
              FIRST_FRAME_TIMEOUT_MS * 2 + 30_000,
              `${target.label} at ${cpuRate}×`,
            );
            log(`  first frame ${figures.firstFrameMs.toFixed(0)} ms, ${figures.video.presentedPerSecond.toFixed(1)} frames/s presented, ${figures.video.dropped} dropped, settled at ${figures.video.settledHeight}p, drawing ${figures.drawingBuffer.width}×${figures.drawingBuffer.height}`);
            const key = visitKey(target.id, cpuRate, ladder);
            visits.set(key, [...(visits.get(key) ?? []), figures]);
          } catch (err) {
            failures.push(`${target.label}, ${LADDER_LABEL[ladder]}, at ${cpuRate}× (run ${run}): ${String(err).split('\n')[0]}`);
            log(`  failed: ${String(err).split('\n')[0]}`);
          }
        }
      }
    }
  }
  const targets = targetsOf('sample');

  const heaps = new Map<ViewerId, HeapFigures>();
  if (options.heapPlayMs > 0) {
    let posted = 0;
    for (const target of targets) {
      log(`heap: ${target.label}, ${options.heapWarmupMs / 1000} s warm-up + ${options.heapPlayMs / 1000} s playing`);
      const post = async () => (await postMilestone(app.url, validMilestone(1000 + ++posted)).catch(() => null))?.status === 201;
      const feed = target.id.startsWith('setvisit');
      // The feed's steady state: the panel's milestone list at its cap (MILESTONES_KEPT), as after a long visit.
      const warmUp = feed
        ? async () => {
            for (let i = 0; i < MILESTONES_KEPT; i++) await post();
          }
        : undefined;
      try {
        heaps.set(
          target.id,
          await measureHeap(browser, target, { warmupMs: options.heapWarmupMs, playMs: options.heapPlayMs, feedTick: feed ? post : undefined, warmUp, firstFrameTimeoutMs: FIRST_FRAME_TIMEOUT_MS }),
        );
      } catch (err) {
        failures.push(`heap ${target.label}: ${String(err).split('\n')[0]}`);
      }
    }
  }

  const bundles = measureBundleSizes(options.appDir);
  const tv = new Map<number, TvFirstScreen | null>();
  let xr: Awaited<ReturnType<typeof measureXrFigures>> = 'not written';
  let tvKeys: TvKeyLatency | { error: string } | null = null;
  if (options.shellFigures) {
    for (const cpuRate of options.cpuRates) {
      log(`TV first screen at ${cpuRate}×`);
      tv.set(cpuRate, await measureTvFirstScreen(browser, app.url, cpuRate, 30_000).catch(() => null));
    }
    log(`TV remote key → focus ring painted at ${TV_KEY_CPU_RATE}×`);
    tvKeys = await withTimeout(measureTvKeyLatency(browser, app.url, TV_KEY_CPU_RATE), 180_000, 'TV key latency').catch((err: unknown) => ({
      error: String(err).split('\n')[0] ?? '',
    }));
    log('XR view figures');
    xr = await measureXrFigures(app.url, 120_000);
  }
  let feed: Awaited<ReturnType<typeof runServerBench>> | null = null;
  let meetup: Awaited<ReturnType<typeof runServerBench>> | null = null;
  if (options.serverBenches) {
    log('feed bench, short (200 clients, 20 milestones, 1 run)');
    feed = await runServerBench(
      'feed-bench.ts',
      ['--clients', '200', '--posts', '20', '--runs', '1', '--burst', '2000'],
      /^(Delivery latency p50|Delivery latency p95|Last client reached, max|Apply throughput|Deliveries missing)/,
      120_000,
    );
    log('meet-up bench, short (200 backers, 10 s storm)');
    meetup = await runServerBench(
      'meetup-bench.ts',
      MEETUP_SHORT_ARGS,
      /^(Backers joined|Reactions sent|Reactions counted|Disconnects|Reaction → screen latency p50|Reaction → screen latency p99|Window end → receipt p50|Question → board latency|Server CPU during the storm)/,
      150_000,
    );
  }

  const seconds = (Date.now() - started) / 1000;
  const machineBusy = (readMachineCpu().busyMs - cpuAtStart.busyMs) / (seconds * 1000 * cpus().length);
  const rows = buildRows({ options, visits, heaps, bundles, tv, tvKeys, xr, feed, meetup });
  const notes = [
    `Whole run: ${seconds.toFixed(0)} s; ${options.runs} run(s) per viewer and CPU rate (cells: median, then each run); heap: ${options.heapPlayMs / 1000} s of playback after ${options.heapWarmupMs / 1000} s warm-up${options.heapPlayMs >= 300_000 ? ' (--long)' : ' (default; --long plays 5 minutes)'}.`,
    `Machine: ${cpus().length} cores, busy ${(machineBusy * 100).toFixed(0)} % during the run (the benchmark's Chromium included); 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, ${loadSummary(loads)} sampled every 10 s.`,
    ...engineNotes(visits),
    ...targetVerdicts(visits, options),
    ...failures.map((f) => `Failed: ${f}`),
  ];
  return { rows, failures, table: renderTable(rows), notes };
}

export const LADDER_LABEL: Record<BenchLadder, string> = { sample: 'sample tour (2K top)', '4k': '2K + 4K ladder' };

export const visitKey = (viewer: ViewerId, cpuRate: number, ladder: BenchLadder): string => `${viewer}@${cpuRate}@${ladder}`;

function loadSummary(loads: number[]): string {
  if (loads.length === 0) return 'no samples';
  const sorted = [...loads].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)})`;
}

/** Which engine each SetVisit column really played through (the policy decides per browser and stream). */
function engineNotes(visits: Map<string, VisitFigures[]>): string[] {
  const notes: string[] = [];
  for (const [key, list] of visits) {
    if (!key.startsWith('setvisit')) continue;
    const caps = list.map((v) => v.cap ?? 'none').join(' · ');
    notes.push(`${key}: played through ${[...new Set(list.map((v) => v.engine ?? 'unknown'))].join(', ')}; rendition cap at the end of each window: ${caps}.`);
  }
  return notes;
}

interface Collected {
  options: BenchOptions;
  visits: Map<string, VisitFigures[]>;
  heaps: Map<ViewerId, HeapFigures>;
  bundles: ReturnType<typeof measureBundleSizes>;
  tv: Map<number, TvFirstScreen | null>;
  tvKeys: TvKeyLatency | { error: string } | null;
  xr: Awaited<ReturnType<typeof measureXrFigures>>;
  feed: Awaited<ReturnType<typeof runServerBench>> | null;
  meetup: Awaited<ReturnType<typeof runServerBench>> | null;
}

const VISIT_FIGURES: { figure: string; unit: string; digits?: number; method: string; pick: (v: VisitFigures) => number }[] = [
  { figure: 'JS loaded to the first 360 frame', unit: 'kB gz', digits: 1, method: 'every script response the page received by then, gzip -9 (kB = 1000 B)', pick: (v) => v.jsKbGz },
  { figure: 'Navigation → first 360 frame', unit: 'ms', method: 'performance.now() at the first WebGL draw call after the first texImage2D/texSubImage2D from a <video> (probe wrapping the WebGL API, installed before page scripts); cold cache', pick: (v) => v.firstFrameMs },
  { figure: 'Switch location (backlot → stage A)', unit: 'ms', method: "the tour's own API (SetVisit player.goTo, PSV setCurrentNode), no preload → first draw after the new <video>'s first upload", pick: (v) => v.switchMs },
  { figure: 'Main thread per frame, median', unit: 'ms', digits: 1, method: 'CDP trace (toplevel): renderer main-thread tasks clipped into 1/60 s windows over the playback window', pick: (v) => v.mainThread.perFrameMedianMs },
  { figure: 'Main thread per frame, p95', unit: 'ms', digits: 1, method: 'same windows, nearest-rank p95', pick: (v) => v.mainThread.perFrameP95Ms },
  { figure: 'Main thread busy per second of playback', unit: 'ms', method: 'sum of the same tasks ÷ traced seconds', pick: (v) => v.mainThread.busyMsPerSecond },
  { figure: 'Video frames presented per second', unit: '/s', digits: 1, method: "getVideoPlaybackQuality of the playing <video>: decoded minus dropped frames over the playback window", pick: (v) => v.video.presentedPerSecond },
  { figure: 'Video frames dropped', unit: '', digits: 0, method: 'droppedVideoFrames over the same window', pick: (v) => v.video.dropped },
  { figure: 'Rendition settled on (height)', unit: 'px', digits: 0, method: "the playing <video>'s videoHeight at the end of the window", pick: (v) => v.video.settledHeight },
  { figure: 'Drawing buffer width', unit: 'px', digits: 0, method: "the largest <canvas>'s width (device pixels): what each viewer draws", pick: (v) => v.drawingBuffer.width },
  { figure: 'Drawing buffer height', unit: 'px', digits: 0, method: "the largest <canvas>'s height", pick: (v) => v.drawingBuffer.height },
  { figure: 'Frames drawn per second', unit: '/s', digits: 1, method: 'animation frames that issued ≥ 1 draw call, playback window', pick: (v) => v.drawnFramesPerSecond },
  { figure: 'Draw calls per drawn frame', unit: '', digits: 0, method: 'drawArrays/drawElements(+Instanced) calls between two animation frames, median over the window', pick: (v) => v.drawCalls },
  { figure: 'Triangles per drawn frame', unit: '', digits: 0, method: 'from each draw call: TRIANGLES count/3, strips and fans count−2, × instances', pick: (v) => v.triangles },
  { figure: 'Long tasks', unit: '', digits: 0, method: "PerformanceObserver 'longtask' (buffered), navigation → end of the switch", pick: (v) => v.longTaskCount },
  { figure: 'Long tasks, total', unit: 'ms', method: 'sum of their durations', pick: (v) => v.longTaskMs },
  { figure: 'Non-black share of the view', unit: '%', method: 'screenshot after playback, pixels with r+g+b > 30: proof the footage is on screen', pick: (v) => v.litShare * 100 },
];

function kb(size: EntrySize): number[] | undefined {
  return size.kbGz === null ? undefined : [size.kbGz];
}

function buildRows(c: Collected): Row[] {
  const rows: Row[] = [];
  for (const ladder of c.options.ladders) {
    for (const cpuRate of c.options.cpuRates) {
      rows.push({ section: `${ladder === 'sample' ? 'Sample tour (2048×1024 top rendition)' : '2K + 4K ladder (2048×1024 + 4096×2048, backlot)'} in Chromium, ${cpuRate}× CPU` });
      for (const spec of VISIT_FIGURES) {
        // The ladder's tour has one location: nothing to switch to.
        if (ladder === '4k' && spec.figure.startsWith('Switch')) continue;
        const values: TableRow['values'] = {};
        for (const viewer of c.options.viewers) {
          const samples = c.visits.get(visitKey(viewer, cpuRate, ladder));
          if (samples) values[viewer] = samples.map(spec.pick);
        }
        rows.push({ figure: spec.figure, unit: spec.unit, digits: spec.digits, method: spec.method, values });
      }
    }
  }
  if (c.heaps.size > 0) {
    rows.push({ section: 'Memory, 1× CPU' });
    const heapRow = (figure: string, method: string, pick: (h: HeapFigures) => number): TableRow => ({
      figure,
      unit: 'MiB',
      digits: 1,
      method,
      values: Object.fromEntries([...c.heaps].map(([id, h]) => [id, [pick(h)]])),
    });
    rows.push(heapRow('JS heap after warm-up', `CDP Runtime.getHeapUsage usedSize after two HeapProfiler.collectGarbage; SetVisit's warm-up first fills its feed to the ${MILESTONES_KEPT} milestones it keeps`, (h) => h.beforeMiB));
    rows.push(heapRow('JS heap after playing', `same, after ${c.options.heapPlayMs / 1000} s more playback; SetVisit also gets a milestone posted to the real server every second`, (h) => h.afterMiB));
    rows.push(heapRow('JS heap growth after warm-up', 'after − before', (h) => h.growthMiB));
    rows.push(heapRow('JS heap growth without compiled code', "the same without V8's compiled code (heap snapshot nodes of type 'code'): objects, strings, DOM wrappers", (h) => h.growthWithoutCodeMiB));
  }
  rows.push({ section: 'SetVisit bundles (Vite manifest)' });
  const sizeRow = (figure: string, size: EntrySize, method: string): Row =>
    size.kbGz === null ? { figure, text: 'not built', method } : { figure, unit: 'kB gz', digits: 1, method, values: { setvisit: kb(size) } };
  rows.push(sizeRow('Entry (every shell)', c.bundles.entry, "index.html's static imports, gzip -9"));
  rows.push(sizeRow('Desktop tour with hls.js', c.bundles.desktopTourHlsJs, 'entry + DesktopShell + PanoramaCanvas + hls.js chunks and their static imports'));
  rows.push(sizeRow('Desktop tour, native HLS', c.bundles.desktopTourNative, "the same without hls.js: what the page loads where it plays natively (the SetVisit column's 'JS loaded to the first 360 frame' is the same, counted from the responses)"));
  rows.push(sizeRow('hls.js chunk', c.bundles.hlsJs, 'the lazily loaded player'));
  rows.push(sizeRow('XR chunk', c.bundles.xrChunk, 'what ?mode=xr adds to the entry'));
  if (c.options.shellFigures) {
    rows.push({ section: 'TV first screen (?mode=tv, Tizen user agent)' });
    for (const cpuRate of c.options.cpuRates) {
      const m = c.tv.get(cpuRate);
      const method = "navigation → performance.mark('setvisit:tv-interactive')";
      if (!m) {
        rows.push({ figure: `Time to interactive, ${cpuRate}× CPU`, text: 'not built (no mark within 30 s)', method });
        continue;
      }
      rows.push({ figure: `Time to interactive, ${cpuRate}× CPU`, unit: 'ms', method, values: { setvisit: [m.interactiveMs] } });
      rows.push({ figure: `JS loaded by then, ${cpuRate}× CPU`, unit: 'kB gz', digits: 1, method: 'script responses by the mark, gzip -9 (budget 120)', values: { setvisit: [m.jsKbGz] } });
      const watchMethod = 'OK on the focused "Watch the set" → first draw after the video\'s first texture upload (page probe)';
      if (m.watchFirstFrameMs === null) rows.push({ figure: `Watch the set → first 360 frame, ${cpuRate}× CPU`, text: 'no frame within the limit', method: watchMethod });
      else rows.push({ figure: `Watch the set → first 360 frame, ${cpuRate}× CPU`, unit: 'ms', method: watchMethod, values: { setvisit: [m.watchFirstFrameMs] } });
    }
    tvKeyRows(rows, c.tvKeys);
    rows.push({ section: 'XR view (test/bench/xr-figures.ts)' });
    if (Array.isArray(c.xr)) {
      for (const f of c.xr) {
        rows.push({ figure: `Draw calls per eye, ${f.path}`, unit: '', method: 'measureXrView (XR engineer)', values: { setvisit: [f.drawCallsPerEye] } });
        rows.push({ figure: `Triangles per eye, ${f.path}`, unit: '', method: 'measureXrView (XR engineer)', values: { setvisit: [f.trianglesPerEye] } });
      }
    } else {
      rows.push({ figure: 'XR view', text: typeof c.xr === 'string' ? c.xr : `failed: ${c.xr.error}`, method: 'measureXrView' });
    }
  }
  const serverRows = (title: string, result: Collected['feed'], method: string) => {
    if (!result) return;
    rows.push({ section: title });
    if (!Array.isArray(result)) rows.push({ figure: title, text: result.error, method });
    else for (const r of result) rows.push({ figure: r.figure, text: r.value, method });
  };
  serverRows('Feed server (bench:feed, short)', c.feed, 'test/bench/feed-bench.ts --clients 200 --posts 20 --runs 1 --burst 2000');
  serverRows('Meet-up server (meetup-bench, short)', c.meetup, `test/bench/meetup-bench.ts ${MEETUP_SHORT_ARGS.join(' ')}`);
  return rows;
}

function tvKeyRows(rows: Row[], result: Collected['tvKeys']): void {
  const method =
    'test/bench/tv-key-latency.ts: keydown timeStamp → focusin → next animation frame → a message posted from it (the frame painted on the main thread); ' +
    'arrows alternating one at a time, 150 ms apart; ?tv360=flat, Tizen user agent, 1280×720';
  if (!result || 'error' in result) {
    rows.push({ figure: `Remote key → focus ring painted, ${TV_KEY_CPU_RATE}× CPU`, text: result ? `failed: ${result.error}` : 'not measured', method });
    return;
  }
  const add = (where: string, k: KeyLatency | null) => {
    if (!k) return;
    const how = `${method}; ${k.latency.count} presses that moved the focus`;
    rows.push({ figure: `Key → focus painted, ${where}, p50, ${TV_KEY_CPU_RATE}× CPU`, unit: 'ms', method: how, values: { setvisit: [k.latency.p50] } });
    rows.push({ figure: `Key → focus painted, ${where}, p99, ${TV_KEY_CPU_RATE}× CPU`, unit: 'ms', method: how, values: { setvisit: [k.latency.p99] } });
  };
  add('home screen', result.home);
  add(`watch screen (${result.watchView ?? '?'} view, control bar)`, result.watch);
}

/** `--soak N`: SetVisit plays for N minutes with a milestone a second; the heap a minute, growth against the limit. */
async function runSoakOnly(options: BenchOptions, minutes: number): Promise<boolean> {
  const { log } = options;
  const loadAtStart = loadavg();
  const started = Date.now();
  // A build of its own: a bench started meanwhile rebuilds test/bench/.out/app under a soak still playing from it.
  const appDir = options.appDir === BENCH_APP_DIR ? SOAK_APP_DIR : options.appDir;
  if (options.build) {
    log(`building SetVisit (vite build → ${appDir})`);
    await buildApp(appDir);
  }
  const app = await startSetVisitServer(appDir);
  onCleanup(() => app.close());
  const browser: Browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  const target = viewerTargets(app.url, '').find((t) => t.id === 'setvisit')!;
  const soak = { minutes, warmupMs: SOAK_WARMUP_MS, growthLimit: SOAK_GROWTH_LIMIT, firstFrameTimeoutMs: FIRST_FRAME_TIMEOUT_MS, log };
  const result = await runSoak(browser, app.url, target, soak);
  console.info(`### Soak: ${minutes} minutes of ${target.label} (sample tour, 1× CPU), a milestone posted every second\n`);
  for (const line of soakReport(result, soak)) console.info(line);
  console.info('');
  console.info(
    `- Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s; machine: ${cpus().length} cores, load average (1, 5, 15 min) ${loadAtStart.map((l) => l.toFixed(1)).join(', ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(', ')} at the end.`,
  );
  return result.passed;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      cpu: { type: 'string' },
      viewers: { type: 'string' },
      long: { type: 'boolean' },
      'heap-seconds': { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-servers': { type: 'boolean' },
      'no-shells': { type: 'boolean' },
      ladders: { type: 'string' },
      soak: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.info(`npx tsx test/bench/run.ts [--runs N] [--cpu 1,4] [--viewers setvisit,setvisit-hlsjs,setvisit-wide,psv,aframe,three] [--long | --heap-seconds S] [--ladders sample,4k] [--no-build] [--no-servers] [--no-shells] [--soak MINUTES]`);
    process.exit(0);
  }
  const int = (raw: string | undefined, fallback: number, name: string, min: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
    return n;
  };
  const viewers = (values.viewers?.split(',') ?? DEFAULT_OPTIONS.viewers) as ViewerId[];
  for (const v of viewers) if (!DEFAULT_OPTIONS.viewers.includes(v)) throw new Error(`--viewers: unknown viewer "${v}"`);
  const ladders = (values.ladders?.split(',') ?? DEFAULT_OPTIONS.ladders) as BenchLadder[];
  for (const l of ladders) if (!DEFAULT_OPTIONS.ladders.includes(l)) throw new Error(`--ladders: unknown ladder "${l}" (sample, 4k)`);
  const cpuRates = values.cpu?.split(',').map((r) => int(r, 1, 'cpu', 1)) ?? DEFAULT_OPTIONS.cpuRates;
  return {
    ...DEFAULT_OPTIONS,
    runs: int(values.runs, DEFAULT_OPTIONS.runs, 'runs', 1),
    cpuRates,
    viewers,
    ladders,
    heapPlayMs: values.long ? 300_000 : int(values['heap-seconds'], DEFAULT_OPTIONS.heapPlayMs / 1000, 'heap-seconds', 0) * 1000,
    build: !values['no-build'],
    serverBenches: !values['no-servers'],
    shellFigures: !values['no-shells'],
    soakMinutes: values.soak === undefined ? null : int(values.soak, 30, 'soak', 1),
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(2);
  }
  process.once('SIGINT', () => void runCleanups().then(() => process.exit(130)));
  try {
    if (options.soakMinutes !== null) {
      const passed = await runSoakOnly(options, options.soakMinutes);
      if (!passed) process.exitCode = 1;
      return;
    }
    const result = await runBench(options);
    console.info(result.table);
    console.info('');
    for (const note of result.notes) console.info(`- ${note}`);
  } finally {
    await runCleanups();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
