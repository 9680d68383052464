// What the first 360 frame waits for, step by step: for each <video> in the page, when its first frame was decoded
// (requestVideoFrameCallback, whoever asked), when the element said 'loadeddata' and 'playing', when it was first
// uploaded to WebGL and drawn (the bench's probe), and when the page made its WebGL context. A tool, not a test:
// nothing is judged. Prints one line per run and the medians.
//
//   npx tsx test/bench/first-frame-timeline.ts [--app test/bench/.out/app] [--runs 3] [--cpu 1] [--query '&hls=js']
//     [--trace] [--repo <an older checkout, whose server serves --app: see compare-builds.ts>]
import { parseArgs } from 'node:util';
import { launchDebianChromium } from '../helpers/browser';
import { BENCH_APP_DIR } from './app-build';
import { onCleanup, runCleanups, withTimeout } from './bounded';
import { startSetVisitServerFrom } from './setvisit-server';
import { median } from './stats';
import { openProbedPage, readProbe, waitForFirstDraw } from './viewer-run';

export interface FirstFrameTimeline {
  /** ms since navigation start; NaN where it did not happen before the first draw. */
  tourAsked: number;
  manifestAsked: number;
  segmentIn: number;
  context: number;
  canvasInPage: number;
  loadedData: number;
  firstDecoded: number;
  playing: number;
  upload: number;
  draw: number;
}

/** Runs in the page before its scripts: marks each video's first decoded frame and its element events. */
export function installTimeline(): void {
  const marks: Record<string, number> = {};
  (window as unknown as { __timeline: Record<string, number> }).__timeline = marks;
  const mark = (name: string) => {
    if (!(name in marks)) marks[name] = performance.now();
  };
  const watched = new WeakSet<HTMLVideoElement>();
  const watch = (video: HTMLVideoElement) => {
    if (watched.has(video)) return;
    watched.add(video);
    for (const type of ['loadeddata', 'playing']) video.addEventListener(type, () => mark(type));
    video.requestVideoFrameCallback(() => mark('firstDecoded'));
  };
  const create = Document.prototype.createElement.bind(document);
  Document.prototype.createElement = function (tag: string, options?: ElementCreationOptions) {
    const element = create(tag, options);
    if (element instanceof HTMLVideoElement) watch(element);
    return element;
  };
  // The 360 view's canvas put into the page: the view exists from then on.
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLCanvasElement) mark('canvasInPage');
  }).observe(document, { childList: true, subtree: true });
  const getContext = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'getContext')!.value as (...a: unknown[]) => unknown;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].startsWith('webgl')) mark('context');
    return getContext.apply(this, args);
  } as typeof HTMLCanvasElement.prototype.getContext;
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; frame?: string } };
}

/**
 * The renderer main thread's work from navigation to `firstDrawAt` (ms after navigation): top-level tasks in all, and
 * what ran inside them by kind (script evaluation and calls by chunk, style, layout, paint, timers, events).
 */
export function summarizeTrace(
  json: string,
  firstDrawAt: number,
  gap?: { from: number; to: number },
): { busy: { ms: number; cpuMs: number }; work: Map<string, { ms: number; cpuMs: number }>; inGap: string[] } {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const starts = events.filter((e) => e.name === 'navigationStart' && main.has(`${e.pid}:${e.tid}`));
  const nav = starts[starts.length - 1];
  const work = new Map<string, { ms: number; cpuMs: number }>();
  const busy = { ms: 0, cpuMs: 0 };
  const inGap: string[] = [];
  if (!nav) return { busy, work, inGap };
  const thread = `${nav.pid}:${nav.tid}`;
  const end = nav.ts + firstDrawAt * 1000;
  const inWindow = (e: TraceEvent) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.ts >= nav.ts && e.ts < end && (e.dur ?? 0) > 0;
  const tasks = events.filter((e) => inWindow(e) && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  for (const task of tasks) {
    busy.ms += task.dur! / 1000;
    busy.cpuMs += (task.tdur ?? task.dur!) / 1000;
  }
  // The outermost named event inside each task: nested ones are part of it.
  const named = events.filter((e) => inWindow(e) && KINDS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let coveredUntil = 0;
  for (const e of named) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + e.dur!;
    const data = e.args?.data;
    const script = data?.url ? data.url.split('/').pop()!.split('?')[0] : '';
    const name = e.name === 'EventDispatch' ? `EventDispatch ${data?.type ?? ''}` : `${e.name}${script ? ` ${script}` : ''}${data?.functionName ? ` ${data.functionName}` : ''}`;
    const sum = work.get(name) ?? { ms: 0, cpuMs: 0 };
    work.set(name, { ms: sum.ms + e.dur! / 1000, cpuMs: sum.cpuMs + (e.tdur ?? e.dur!) / 1000 });
    const at = (e.ts - nav.ts) / 1000;
    if (gap && at + e.dur! / 1000 >= gap.from && at <= gap.to && e.dur! >= 1000) inGap.push(`${Math.round(at)} +${Math.round(e.dur! / 1000)} ms ${name}`);
  }
  return { busy, work, inGap };
}

const KINDS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'v8.compile',
  'v8.compileModule',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'XHRReadyStateChange',
  'ResourceReceivedData',
  'HitTest',
  'RunMicrotasks',
  'ParseAuthorStyleSheet',
  'ScheduleStyleRecalculation',
]);

const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      app: { type: 'string', default: BENCH_APP_DIR },
      runs: { type: 'string', default: '3' },
      cpu: { type: 'string', default: '1' },
      query: { type: 'string', default: '' },
      trace: { type: 'boolean', default: false },
      repo: { type: 'string' },
    },
  });
  const work = new Map<string, { ms: number; cpuMs: number }>();
  let busy = { ms: 0, cpuMs: 0 };
  const server = await startSetVisitServerFrom(values.app, values.repo);
  onCleanup(() => server.close());
  const browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  const rows: FirstFrameTimeline[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const { page, close } = await openProbedPage(browser, Number(values.cpu));
    try {
      await page.addInitScript(`${NAME_SHIM}\n(${installTimeline.toString()})();`);
      if (values.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.goto(`${server.url}/?mode=desktop&project=lantern-keeper&lang=en${values.query}`, { waitUntil: 'commit' });
      await waitForFirstDraw(page, -1, 90_000);
      const probe = await readProbe(page);
      const marks = await page.evaluate(() => (window as unknown as { __timeline: Record<string, number> }).__timeline);
      const first = probe.firstDraws[0]!;
      const resources = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      );
      const firstOf = (pattern: RegExp, key: 'start' | 'end') => resources.find((r) => pattern.test(r.name.split('?')[0]!))?.[key] ?? Number.NaN;
      const at = (name: string) => marks[name] ?? Number.NaN;
      const row = {
        tourAsked: firstOf(/\/scenes\/|tour/, 'start'),
        manifestAsked: firstOf(/\.m3u8$/, 'start'),
        segmentIn: firstOf(/\.(ts|m4s|mp4)$/, 'end'), context: at('context'), canvasInPage: at('canvasInPage'), loadedData: at('loadeddata'), firstDecoded: at('firstDecoded'), playing: at('playing'), upload: first.uploadAt, draw: first.at };
      rows.push(row);
      if (values.trace) {
        const summary = summarizeTrace((await browser.stopTracing()).toString(), first.at, { from: row.firstDecoded, to: row.upload });
        if (row.upload - row.firstDecoded > 20) console.info(`  between the first decoded frame and its upload:\n    ${summary.inGap.join('\n    ')}`);
        busy = { ms: busy.ms + summary.busy.ms, cpuMs: busy.cpuMs + summary.busy.cpuMs };
        for (const [name, t] of summary.work) {
          const sum = work.get(name) ?? { ms: 0, cpuMs: 0 };
          work.set(name, { ms: sum.ms + t.ms, cpuMs: sum.cpuMs + t.cpuMs });
        }
      }
      console.info(JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v)]))), `decoded→upload ${Math.round(row.upload - row.firstDecoded)} ms`);
    } finally {
      await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
    }
  }
  const medians = Object.fromEntries(Object.keys(rows[0]!).map((key) => [key, Math.round(median(rows.map((r) => r[key as keyof FirstFrameTimeline])))]));
  if (values.trace) {
    const runs = rows.length;
    console.info(`main thread before the first draw, mean per run: ${Math.round(busy.ms / runs)} ms (${Math.round(busy.cpuMs / runs)} ms CPU)`);
    for (const [name, t] of [...work].sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 25)) console.info(`  ${(t.cpuMs / runs).toFixed(1).padStart(7)} ms CPU ${(t.ms / runs).toFixed(1).padStart(7)} ms  ${name}`);
  }
  console.info('median', JSON.stringify(medians), `decoded→upload ${Math.round(median(rows.map((r) => r.upload - r.firstDecoded)))} ms`);
}

if (process.argv[1]?.endsWith('first-frame-timeline.ts')) {
  main()
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(() => void runCleanups());
}
