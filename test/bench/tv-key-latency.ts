// Remote key → focus ring painted on the TV shell: the home screen (D-pad between its buttons and tiles) and the
// watch screen's control bar, at a given CPU rate. Used by `npm run bench`; `npx tsx test/bench/tv-key-latency.ts
// [--app-dir dist] [--cpu 4] [--presses 60]` runs it alone against an existing build.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchDebianChromium } from '../helpers/browser';
import { REPO_ROOT } from '../helpers/test-server';
import { onCleanup, runCleanups, withTimeout } from './bounded';
import { startSetVisitServer } from './setvisit-server';
import { distribution, type Distribution } from './stats';

export interface KeyLatency {
  /** Key presses that moved the focus, and their latency distribution (ms). */
  latency: Distribution;
  /** Presses that moved nothing (an edge of the screen); not in the distribution. */
  unmoved: number;
}

export interface TvKeyLatency {
  home: KeyLatency | null;
  watch: KeyLatency | null;
  /** Which 360 view the watch screen used. */
  watchView: string | null;
}

const TV_USER_AGENT =
  'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36';
const TV_MARK = 'setvisit:tv-interactive';
const OPPOSITE: Record<string, string> = { ArrowRight: 'ArrowLeft', ArrowLeft: 'ArrowRight', ArrowDown: 'ArrowUp', ArrowUp: 'ArrowDown' };

/**
 * Installed before the page's scripts, so its capture listener sees each keydown first: the key's event timestamp
 * → the focusin it causes → the next animation frame → a message posted from it, which runs once that frame's
 * style, layout and paint are done on the main thread (compositing and scan-out come after and are not counted).
 */
function keyProbe(): void {
  const probe = { samples: [] as number[], pending: -1 };
  (window as unknown as { __keyProbe: typeof probe }).__keyProbe = probe;
  addEventListener('keydown', (event) => {
    if (!event.repeat) probe.pending = event.timeStamp;
  }, true);
  addEventListener('focusin', () => {
    const start = probe.pending;
    if (start < 0) return;
    probe.pending = -1;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => probe.samples.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }, true);
}

const sampleCount = (page: Page) => page.evaluate(() => (window as unknown as { __keyProbe: { samples: number[] } }).__keyProbe.samples.length);

/** Presses arrows, alternating a direction that moves the focus with its opposite; one key at a time, idle between. */
async function pressArrows(page: Page, presses: number): Promise<KeyLatency> {
  let unmoved = 0;
  const press = async (key: string): Promise<boolean> => {
    const before = await sampleCount(page);
    await page.keyboard.press(key);
    const moved = await page
      .waitForFunction((n) => (window as unknown as { __keyProbe: { samples: number[] } }).__keyProbe.samples.length > n, before, { timeout: 2_000, polling: 20 })
      .then(() => true, () => false);
    await page.waitForTimeout(150);
    return moved;
  };
  let key = '';
  for (const candidate of Object.keys(OPPOSITE)) {
    if (await press(candidate)) {
      key = OPPOSITE[candidate]!;
      break;
    }
    unmoved++;
  }
  if (!key) throw new Error('no arrow moved the focus');
  for (let i = 1; i < presses; i++) {
    if (!(await press(key))) unmoved++;
    key = OPPOSITE[key]!;
  }
  const samples = await page.evaluate(() => (window as unknown as { __keyProbe: { samples: number[] } }).__keyProbe.samples);
  return { latency: distribution(samples), unmoved };
}

async function openTv(browser: Browser, url: string, cpuRate: number, timeoutMs: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, userAgent: TV_USER_AGENT });
  const page = await context.newPage();
  await page.addInitScript(keyProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark').length > 0, TV_MARK, { timeout: timeoutMs, polling: 50 });
  await page.waitForTimeout(1_000); // the first screen's late work (feed, chart) settles before keys are timed
  return { context, page };
}

export async function measureTvKeyLatency(browser: Browser, baseUrl: string, cpuRate: number, presses = 60, timeoutMs = 60_000): Promise<TvKeyLatency> {
  const result: TvKeyLatency = { home: null, watch: null, watchView: null };
  // The flat-pan view: what 2018–2019 sets get, and free of SwiftShader's software WebGL cost, which no TV has.
  const url = `${baseUrl}/?mode=tv&project=lantern-keeper&lang=en&tv360=flat`;
  const home = await openTv(browser, url, cpuRate, timeoutMs);
  try {
    result.home = await withTimeout(pressArrows(home.page, presses), timeoutMs, 'home key latency');
  } finally {
    await home.context.close();
  }
  const watch = await openTv(browser, url, cpuRate, timeoutMs);
  try {
    const { page } = watch;
    await page.keyboard.press('Enter'); // "Watch the set" has the focus on arrival
    await page.locator('.watch[data-view]').waitFor({ timeout: timeoutMs });
    await page.waitForTimeout(2_000);
    await page.keyboard.press('Enter'); // OK on the view shows the control bar
    await page.locator('.watch[data-overlay=true]').waitFor({ timeout: timeoutMs });
    result.watchView = await page.locator('.watch').getAttribute('data-view');
    await page.evaluate(() => void ((window as unknown as { __keyProbe: { samples: number[] } }).__keyProbe.samples.length = 0));
    result.watch = await withTimeout(pressArrows(page, presses), timeoutMs, 'watch key latency');
  } finally {
    await watch.context.close();
  }
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'app-dir': { type: 'string' }, cpu: { type: 'string' }, presses: { type: 'string' } } });
  const appDir = values['app-dir'] ?? join(REPO_ROOT, 'dist');
  if (!existsSync(join(appDir, 'index.html'))) throw new Error(`no build in ${appDir}: run npm run build first`);
  const cpuRate = Number(values.cpu ?? 4);
  const presses = Number(values.presses ?? 60);
  if (!Number.isInteger(cpuRate) || cpuRate < 1 || !Number.isInteger(presses) || presses < 4) throw new Error('--cpu ≥ 1 and --presses ≥ 4, whole numbers');
  const app = await startSetVisitServer(appDir);
  onCleanup(() => app.close());
  const browser = await launchDebianChromium();
  onCleanup(() => browser.close());
  const figures = await withTimeout(measureTvKeyLatency(browser, app.url, cpuRate, presses), 300_000, 'TV key latency');
  const line = (name: string, k: KeyLatency | null) =>
    k ? `${name}: p50 ${k.latency.p50.toFixed(0)} ms, p99 ${k.latency.p99.toFixed(0)} ms, max ${k.latency.max.toFixed(0)} ms over ${k.latency.count} presses (${k.unmoved} moved nothing)` : `${name}: not measured`;
  console.info(`Remote key → focus ring painted, ${cpuRate}× CPU`);
  console.info(line('home screen', figures.home));
  console.info(line(`watch screen (${figures.watchView ?? '?'} view, control bar)`, figures.watch));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().then(
    () => runCleanups().then(() => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      void runCleanups().then(() => process.exit(1));
    },
  );
}
