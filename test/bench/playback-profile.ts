// Where SetVisit's main-thread time goes while the tour plays: a sampled CPU profile (CDP Profiler) of the renderer
// over a playback window, self time grouped by script (chunk) and by function, beside the traced busy ms per second
// (the bench's "Main thread busy per second of playback", same method). A tool, not a test: nothing is judged.
//
//   npx tsx test/bench/playback-profile.ts [--app test/bench/.out/app] [--seconds 5] [--cpu 1] [--query '&hls=js']
//
// Run `npx tsx test/bench/run.ts --no-servers --heap-seconds 0 --runs 1 --cpu 1` once first (it builds the app),
// or point --app at any build of the app with its manifest.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { launchDebianChromium } from '../helpers/browser';
import { BENCH_APP_DIR } from './app-build';
import { onCleanup, runCleanups, sleep } from './bounded';
import { mainThreadFigures } from './main-thread-trace';
import { startSetVisitServer } from './setvisit-server';
import { openProbedPage, waitForFirstDraw } from './viewer-run';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  seconds: number;
  busyMsPerSecond: number;
  /** Self time per second of playback, by script file (or V8's own buckets: GC, program, idle). */
  byScript: { name: string; msPerSecond: number }[];
  byFunction: { name: string; msPerSecond: number }[];
}

/** Self time per node from the samples: each sample's delta is charged to the node it landed in. */
export function summarizeProfile(profile: CpuProfile, top = 15): Omit<ProfileSummary, 'busyMsPerSecond'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const scripts = new Map<string, number>();
  const functions = new Map<string, number>();
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node || ms <= 0) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const script = url ? basename(url.split('?')[0] ?? url) : `(${functionName.replace(/[()]/g, '') || 'native'})`;
    scripts.set(script, (scripts.get(script) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url ? `${script}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  const rank = (map: Map<string, number>) =>
    [...map]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, msPerSecond: ms / seconds }));
  return { seconds, byScript: rank(scripts), byFunction: rank(functions) };
}

export async function profilePlayback(appDir: string, options: { seconds: number; cpuRate: number; query: string }): Promise<ProfileSummary> {
  const app = await startSetVisitServer(appDir);
  onCleanup(() => app.close());
  const browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  const { page, cdp } = await openProbedPage(browser, options.cpuRate);
  await page.goto(`${app.url}/?mode=desktop&project=lantern-keeper&lang=en${options.query}`, { waitUntil: 'commit' });
  await waitForFirstDraw(page, -1, 90_000);
  // Past the first frame's work (shader compile, ABR's first climb) before the window opens.
  await sleep(2_000);
  await startProfiler(cdp);
  await browser.startTracing(page, { categories: ['toplevel'] });
  await sleep(options.seconds * 1000);
  const trace = await browser.stopTracing();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return { ...summarizeProfile(profile), busyMsPerSecond: mainThreadFigures(trace).busyMsPerSecond };
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  // 250 µs: fine enough for per-frame work of a few ms, coarse enough not to be the cost itself.
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { app: { type: 'string' }, seconds: { type: 'string' }, cpu: { type: 'string' }, query: { type: 'string' } },
  });
  const seconds = Number(values.seconds ?? 5);
  const cpuRate = Number(values.cpu ?? 1);
  if (!(seconds > 0) || !(cpuRate >= 1)) throw new Error('--seconds must be > 0 and --cpu ≥ 1');
  const summary = await profilePlayback(values.app ?? BENCH_APP_DIR, { seconds, cpuRate, query: values.query ?? '' });
  const line = (r: { name: string; msPerSecond: number }) => `| ${r.name} | ${r.msPerSecond.toFixed(1)} |`;
  console.info(`Main thread busy: ${summary.busyMsPerSecond.toFixed(0)} ms per second (trace), ${summary.seconds.toFixed(1)} s profiled at ${cpuRate}× CPU, query "${values.query ?? ''}"\n`);
  console.info(`| Script | self ms/s |\n|---|---|\n${summary.byScript.map(line).join('\n')}\n`);
  console.info(`| Function | self ms/s |\n|---|---|\n${summary.byFunction.map(line).join('\n')}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.once('SIGINT', () => void runCleanups().then(() => process.exit(130)));
  main()
    .then(runCleanups)
    .then(
      () => process.exit(0),
      async (err: unknown) => {
        console.error(err);
        await runCleanups();
        process.exit(1);
      },
    );
}
