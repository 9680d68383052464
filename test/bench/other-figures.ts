// Figures from other parts of SetVisit that the one bench table shows: the TV shell's first screen, the XR view
// (test/bench/xr-figures.ts, when its owner has written it) and the server benches (feed, meet-up) run short.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../helpers/test-server';
import { withTimeout } from './bounded';
import { probeInitScript, type ProbeReadings } from './page-probe';
import type { XrViewFigure } from './xr-figures';

export interface TvFirstScreen {
  interactiveMs: number;
  jsKbGz: number;
  /** OK on "Watch the set" (focused on arrival) → the first draw of the 360 video; null if none within the limit. */
  watchFirstFrameMs: number | null;
}

/** A Tizen 2022 set's user agent: device detection picks the TV shell from it, as on a real set. */
const TV_USER_AGENT =
  'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.5) AppleWebKit/537.36 (KHTML, like Gecko) 85.0.4183.93/6.5 TV Safari/537.36';
const TV_MARK = 'setvisit:tv-interactive';

/**
 * Navigation → performance.mark('setvisit:tv-interactive') and the JS loaded by then; then, as a family would, OK
 * on the focused "Watch the set" → the first draw of the 360 video (the same probe as the viewers' first frame).
 * Null if the mark never comes.
 */
export async function measureTvFirstScreen(browser: Browser, baseUrl: string, cpuRate: number, timeoutMs: number): Promise<TvFirstScreen | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, userAgent: TV_USER_AGENT });
  try {
    const page = await context.newPage();
    await page.addInitScript(probeInitScript());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length / 1000, () => 0));
    });
    await page.goto(`${baseUrl}/?mode=tv&project=lantern-keeper&lang=en`, { waitUntil: 'commit' });
    const handle = await page
      .waitForFunction((mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime, TV_MARK, { timeout: timeoutMs, polling: 50 })
      .catch(() => null);
    if (!handle) return null;
    const interactiveMs = (await handle.jsonValue()) as number;
    const jsKbGz = (await Promise.all([...scripts])).reduce((s, v) => s + v, 0);
    const okAt = await page.evaluate(() => performance.now());
    await page.keyboard.press('Enter');
    const firstDraw = await page
      .waitForFunction(
        (after) => (window as unknown as { __benchProbe: ProbeReadings }).__benchProbe.firstDraws.find((d) => d.at > after)?.at,
        okAt,
        { timeout: timeoutMs, polling: 50 },
      )
      .then(async (h) => (await h.jsonValue()) as number, () => null);
    return { interactiveMs, jsKbGz, watchFirstFrameMs: firstDraw === null ? null : firstDraw - okAt };
  } finally {
    await context.close();
  }
}

export type { XrViewFigure } from './xr-figures';

/** The XR engineer's measurement, if test/bench/xr-figures.ts exists; null otherwise. */
export async function measureXrFigures(baseUrl: string, timeoutMs: number): Promise<XrViewFigure[] | 'not written' | { error: string }> {
  const file = join(REPO_ROOT, 'test/bench/xr-figures.ts');
  if (!existsSync(file)) return 'not written';
  try {
    const module = (await import(file)) as { measureXrView?: (baseUrl: string) => Promise<XrViewFigure[]> };
    if (typeof module.measureXrView !== 'function') return { error: 'xr-figures.ts exports no measureXrView' };
    return await withTimeout(module.measureXrView(baseUrl), timeoutMs, 'measureXrView');
  } catch (err) {
    return { error: String(err) };
  }
}

export interface ServerBenchRow {
  figure: string;
  value: string;
}

/** Runs a server bench script with tsx, bounded; returns the rows of its Markdown table whose figure matches. */
export function runServerBench(script: string, args: string[], pick: RegExp, timeoutMs: number): Promise<ServerBenchRow[] | { error: string }> {
  const file = join(REPO_ROOT, 'test/bench', script);
  if (!existsSync(file)) return Promise.resolve({ error: 'not written' });
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', file, ...args], { cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      const rows = stdout
        .split('\n')
        .filter((line) => line.startsWith('| '))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .filter((cells) => cells.length > 3 && pick.test(cells[1] ?? ''))
        .map((cells) => ({ figure: cells[1]!, value: cells[2]! }));
      if (rows.length > 0) resolve(rows);
      else resolve({ error: err ? `exited: ${err.message.split('\n')[0]}` : 'printed no matching rows' });
    });
  });
}
