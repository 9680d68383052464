// One measured visit of one viewer in Chromium: cold cache, CPU throttled by CDP, the probe installed before the
// page's scripts. Navigation → first 360 frame, the JS it took, a traced playback window, a location switch.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { probeInitScript, type ProbeReadings } from './page-probe';
import { mainThreadFigures, type MainThreadFigures } from './main-thread-trace';
import { median } from './stats';
import { sleep, withTimeout } from './bounded';
import { pixelStats } from '../helpers/browser';

/** `setvisit` plays with its engine policy (native HLS where it serves); `setvisit-hlsjs` is forced onto hls.js;
 * `setvisit-wide` is `setvisit` with its view as large as the peers' window; `three` is a plain three.js page. */
export type ViewerId = 'setvisit' | 'setvisit-hlsjs' | 'setvisit-wide' | 'psv' | 'aframe' | 'three';

export interface ViewerTarget {
  id: ViewerId;
  label: string;
  url: string;
  /** Moves to another location in the page; null where the viewer has no tours. */
  switchTo: ((page: Page, locationId: string) => Promise<number>) | null;
  /** The window, where not VIEWPORT. */
  viewport?: { width: number; height: number };
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
  /** SetVisit's rendition cap at the end of the window (the store's, as ?stats=1 shows it), null where none. */
  cap: string | null;
}

export interface VisitOptions {
  cpuRate: number;
  playbackMs: number;
  switchTarget: string;
  firstFrameTimeoutMs: number;
}

/** The window every viewer gets (a 720p TV's, a laptop's browser window). */
export const VIEWPORT = { width: 1280, height: 720 };

export async function openProbedPage(browser: Browser, cpuRate: number, viewport = VIEWPORT): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  await page.addInitScript(probeInitScript());
  return { page, cdp, close: () => context.close() };
}

export const readProbe = (page: Page): Promise<ProbeReadings> =>
  page.evaluate(() => (window as unknown as { __benchProbe: ProbeReadings }).__benchProbe);

/**
 * The page's videos over the playback window. `mark` keeps every video's counts at the window's start (those in the
 * page and those drawn by WebGL, which PSV and a plain three.js page keep out of the document); `read` sums the frames
 * each video decoded and dropped since (a video made during the window, e.g. SetVisit handing a stream from the
 * browser's HLS to hls.js, counts from zero), and gives the height of the one furthest along and the largest canvas.
 */
const readVideo = (page: Page, mark: boolean) =>
  page.evaluate((mark) => {
    const w = window as unknown as { __benchVideos?: Set<HTMLVideoElement>; __benchWindow?: Map<HTMLVideoElement, { total: number; dropped: number }> };
    const videos = [...new Set([...document.querySelectorAll('video'), ...(w.__benchVideos ?? [])])];
    const counts = (v: HTMLVideoElement) => {
      const q = v.getVideoPlaybackQuality?.();
      return { total: q?.totalVideoFrames ?? 0, dropped: q?.droppedVideoFrames ?? 0 };
    };
    if (mark) w.__benchWindow = new Map(videos.map((v) => [v, counts(v)]));
    const start = w.__benchWindow ?? new Map<HTMLVideoElement, { total: number; dropped: number }>();
    let total = 0;
    let dropped = 0;
    for (const v of new Set([...videos, ...start.keys()])) {
      const now = counts(v);
      const then = start.get(v) ?? { total: 0, dropped: 0 };
      total += Math.max(0, now.total - then.total);
      dropped += Math.max(0, now.dropped - then.dropped);
    }
    const playing = videos.sort((a, b) => b.currentTime - a.currentTime)[0];
    const canvases = [...document.querySelectorAll('canvas')].sort((a, b) => b.width * b.height - a.width * a.height);
    return { total, dropped, height: playing?.videoHeight ?? 0, canvas: { width: canvases[0]?.width ?? 0, height: canvases[0]?.height ?? 0 } };
  }, mark);

interface CapState {
  size: { width: number; height: number } | null;
  reason: string;
  droppedAt: { width: number; height: number } | null;
}

/** SetVisit's presentation cap in words (its store's); null for the peers and where there is none. */
const readCap = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const hook = (window as unknown as { __setvisit?: { store: { getState(): { media: { cap?: CapState | null } } } } }).__setvisit;
    const cap = hook?.store.getState().media.cap;
    if (!cap) return null;
    const size = (s: { width: number; height: number } | null) => (s ? `${s.width}×${s.height}` : '?');
    return `${size(cap.size)} (${cap.reason}${cap.droppedAt ? `, drops at ${size(cap.droppedAt)}` : ''})`;
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
  const { page, close } = await openProbedPage(browser, options.cpuRate, target.viewport);
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
    await readVideo(page, true);
    const framesBefore = (await readProbe(page)).drawnFrameCount;
    const started = Date.now();
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
    await sleep(options.playbackMs);
    const trace = await browser.stopTracing();
    const seconds = (Date.now() - started) / 1000;
    const qualityAfter = await readVideo(page, false);
    const cap = await readCap(page);
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
      cap,
      drawingBuffer: qualityAfter.canvas,
      video: {
        presentedPerSecond: (qualityAfter.total - qualityAfter.dropped) / seconds,
        dropped: qualityAfter.dropped,
        settledHeight: qualityAfter.height,
      },
    };
  } finally {
    await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
  }
}
