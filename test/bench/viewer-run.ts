// One measured visit of one viewer in Chromium: cold cache, CPU throttled by CDP, the probe installed before the
// page's scripts. Navigation → first 360 frame, the JS it took, a traced playback window, a location switch.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { probeInitScript, type ProbeReadings } from './page-probe';
import { mainThreadFigures, type MainThreadFigures } from './main-thread-trace';
import { median } from './stats';
import { sleep, withTimeout } from './bounded';
import { pixelStats } from '../helpers/browser';

/** `setvisit` plays with its engine policy (native HLS where it serves); `setvisit-hlsjs` is forced onto hls.js. */
export type ViewerId = 'setvisit' | 'setvisit-hlsjs' | 'psv' | 'aframe';

export interface ViewerTarget {
  id: ViewerId;
  label: string;
  url: string;
  /** Moves to another location in the page; null where the viewer has no tours. */
  switchTo: ((page: Page, locationId: string) => Promise<number>) | null;
}

export interface VisitFigures {
  firstFrameMs: number;
  /** Gzipped JS the page had loaded when the first 360 frame was drawn (every script response, gzip -9). */
  jsKbGz: number;
  mainThread: MainThreadFigures;
  /** Animation frames that drew, per second of playback. */
  drawnFramesPerSecond: number;
  drawCalls: number;
  triangles: number;
  longTaskCount: number;
  longTaskMs: number;
  switchMs: number;
  /** Share of non-black pixels in a screenshot after playback: a check that the 360 view really shows footage. */
  litShare: number;
  /** SetVisit's media engine at the first frame (its store says), null for the peers. */
  engine: string | null;
  /** The largest canvas's drawing buffer (device pixels): what each viewer draws, to compare like with like. */
  drawingBuffer: { width: number; height: number };
  /** The playing video over the playback window: frames presented per second (decoded minus dropped), frames
   * dropped, and the rendition's height at its end (what ABR settled on). */
  video: { presentedPerSecond: number; dropped: number; settledHeight: number };
}

export interface VisitOptions {
  cpuRate: number;
  playbackMs: number;
  switchTarget: string;
  firstFrameTimeoutMs: number;
}

export const VIEWPORT = { width: 960, height: 540 };

export async function openProbedPage(browser: Browser, cpuRate: number): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await page.addInitScript(probeInitScript());
  return { page, cdp, close: () => context.close() };
}

export const readProbe = (page: Page): Promise<ProbeReadings> =>
  page.evaluate(() => (window as unknown as { __benchProbe: ProbeReadings }).__benchProbe);

/** The page's playing video (the one furthest along) and its largest canvas. */
const readVideo = (page: Page) =>
  page.evaluate(() => {
    const videos = [...document.querySelectorAll('video')].sort((a, b) => b.currentTime - a.currentTime);
    const video = videos[0];
    const quality = video?.getVideoPlaybackQuality?.();
    const canvases = [...document.querySelectorAll('canvas')].sort((a, b) => b.width * b.height - a.width * a.height);
    return {
      total: quality?.totalVideoFrames ?? 0,
      dropped: quality?.droppedVideoFrames ?? 0,
      height: video?.videoHeight ?? 0,
      canvas: { width: canvases[0]?.width ?? 0, height: canvases[0]?.height ?? 0 },
    };
  });

export async function waitForFirstDraw(page: Page, after: number, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (t) => (window as unknown as { __benchProbe: ProbeReadings }).__benchProbe.firstDraws.find((d) => d.at > t)?.at,
    after,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

export async function visit(browser: Browser, target: ViewerTarget, options: VisitOptions): Promise<VisitFigures> {
  const { page, close } = await openProbedPage(browser, options.cpuRate);
  try {
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length / 1000, () => 0));
    });
    await page.goto(target.url, { waitUntil: 'commit' });
    const firstFrameMs = await waitForFirstDraw(page, -1, options.firstFrameTimeoutMs);
    const jsKbGz = (await Promise.all([...scripts])).reduce((s, v) => s + v, 0);
    const engine = await page.evaluate(
      () => (window as unknown as { __setvisit?: { store: { getState(): { media: { engine: string | null } } } } }).__setvisit?.store.getState().media.engine ?? null,
    );

    await sleep(1_000);
    const qualityBefore = await readVideo(page);
    const framesBefore = (await readProbe(page)).drawnFrameCount;
    const started = Date.now();
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
    await sleep(options.playbackMs);
    const trace = await browser.stopTracing();
    const seconds = (Date.now() - started) / 1000;
    const qualityAfter = await readVideo(page);
    const probe = await readProbe(page);
    const drawn = Math.min(probe.frames.length, probe.drawnFrameCount - framesBefore);
    const windowFrames = drawn > 0 ? probe.frames.slice(-drawn) : [];
    const litShare = pixelStats(await page.screenshot()).litShare;

    let switchMs = Number.NaN;
    if (target.switchTo) {
      const t0 = await target.switchTo(page, options.switchTarget);
      switchMs = (await waitForFirstDraw(page, t0, options.firstFrameTimeoutMs)) - t0;
    }
    const longTasks = (await readProbe(page)).longTasks;
    return {
      firstFrameMs,
      jsKbGz,
      mainThread: mainThreadFigures(trace),
      drawnFramesPerSecond: (probe.drawnFrameCount - framesBefore) / seconds,
      drawCalls: median(windowFrames.map((f) => f.drawCalls)),
      triangles: median(windowFrames.map((f) => f.triangles)),
      longTaskCount: longTasks.length,
      longTaskMs: longTasks.reduce((s, t) => s + t.duration, 0),
      switchMs,
      litShare,
      engine,
      drawingBuffer: qualityAfter.canvas,
      video: {
        presentedPerSecond: (qualityAfter.total - qualityAfter.dropped - (qualityBefore.total - qualityBefore.dropped)) / seconds,
        dropped: qualityAfter.dropped - qualityBefore.dropped,
        settledHeight: qualityAfter.height,
      },
    };
  } finally {
    await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
  }
}
