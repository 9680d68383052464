// Memory over a long visit (`npm run bench -- --soak N`): SetVisit's desktop tour plays the sample tour for N minutes
// while a milestone is posted to the real server every second, and the JS heap is read once a minute after a full
// GC. The warm-up (the feed filled to the milestones it keeps, then a minute of playing) is left out of the growth:
// until then the feed's list grows by design and V8 is still compiling. Growth after warm-up is checked against a
// limit (10 %), both for the whole heap and without V8's compiled code (which grows and is flushed on its own).
import type { Browser, Page } from 'playwright-core';
import { MILESTONES_KEPT } from '../../src/protocol/project-state';
import { postMilestone, validMilestone } from '../helpers/test-server';
import { sleep, withTimeout } from './bounded';
import { heapAfterGc } from './heap-run';
import { openProbedPage, waitForFirstDraw, type ViewerTarget } from './viewer-run';

export interface SoakOptions {
  minutes: number;
  warmupMs: number;
  /** The most growth after warm-up that passes, as a share of the heap then. */
  growthLimit: number;
  firstFrameTimeoutMs: number;
  log: (line: string) => void;
}

export interface SoakReading {
  minute: number;
  usedMiB: number;
  withoutCodeMiB: number;
  /** Milestones the server accepted so far. */
  posts: number;
  /** Video frames presented so far (decoded minus dropped, over the page's videos): proof it kept playing. */
  framesPresented: number;
  /** SetVisit's media engine and rendition cap (its store's): a handover to hls.js loads hls.js into the heap. */
  engine: string;
  cap: string;
}

export interface SoakResult {
  warm: SoakReading;
  readings: SoakReading[];
  growthShare: number;
  growthWithoutCodeShare: number;
  passed: boolean;
  failedPosts: number;
}

const readMedia = (page: Page) =>
  page.evaluate(() => {
    const media = (window as unknown as { __setvisit?: { store: { getState(): { media: { engine: string | null; cap: { reason: string } | null } } } } }).__setvisit?.store.getState().media;
    return { engine: media?.engine ?? 'unknown', cap: media?.cap?.reason ?? 'none' };
  });

const readFramesPresented = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('video')].reduce((sum, v) => {
      const q = v.getVideoPlaybackQuality();
      return sum + q.totalVideoFrames - q.droppedVideoFrames;
    }, 0),
  );

export async function runSoak(browser: Browser, appUrl: string, target: ViewerTarget, options: SoakOptions): Promise<SoakResult> {
  const { page, cdp, close } = await openProbedPage(browser, 1);
  let posts = 0;
  let failedPosts = 0;
  let n = 0;
  const post = async () => {
    const ok = (await postMilestone(appUrl, validMilestone(5000 + ++n)).catch(() => null))?.status === 201;
    if (ok) posts++;
    else failedPosts++;
  };
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    await waitForFirstDraw(page, -1, options.firstFrameTimeoutMs);
    for (let i = 0; i < MILESTONES_KEPT; i++) await post();
    // One milestone a second from here on, warm-up included, on its own clock.
    let stopped = false;
    const ticker = (async () => {
      while (!stopped) {
        const tick = Date.now();
        await post();
        await sleep(Math.max(0, 1_000 - (Date.now() - tick)));
      }
    })();
    try {
      await sleep(options.warmupMs);
      const reading = async (minute: number): Promise<SoakReading> => {
        const heap = await withTimeout(heapAfterGc(cdp), 60_000, 'a heap reading');
        return { minute, usedMiB: heap.usedMiB, withoutCodeMiB: heap.usedMiB - heap.codeMiB, posts, framesPresented: await readFramesPresented(page), ...(await readMedia(page)) };
      };
      const warm = await reading(0);
      options.log(`soak: after warm-up ${warm.usedMiB.toFixed(2)} MiB (${warm.withoutCodeMiB.toFixed(2)} without code), ${posts} milestones`);
      const readings: SoakReading[] = [];
      const started = Date.now();
      for (let minute = 1; minute <= options.minutes; minute++) {
        await sleep(Math.max(0, started + minute * 60_000 - Date.now()));
        const r = await reading(minute);
        readings.push(r);
        options.log(`soak: minute ${minute}/${options.minutes}: ${r.usedMiB.toFixed(2)} MiB (${r.withoutCodeMiB.toFixed(2)} without code), ${r.posts} milestones, ${r.framesPresented} video frames presented, ${r.engine}, cap ${r.cap}`);
      }
      const last = readings.at(-1) ?? warm;
      const growthShare = (last.usedMiB - warm.usedMiB) / warm.usedMiB;
      const growthWithoutCodeShare = (last.withoutCodeMiB - warm.withoutCodeMiB) / warm.withoutCodeMiB;
      return { warm, readings, growthShare, growthWithoutCodeShare, passed: growthShare <= options.growthLimit, failedPosts };
    } finally {
      stopped = true;
      await ticker;
    }
  } finally {
    await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
  }
}

/** The soak's Markdown: one row a minute, then the verdict. */
export function soakReport(result: SoakResult, options: Pick<SoakOptions, 'growthLimit' | 'warmupMs'>): string[] {
  const pct = (share: number) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} %`;
  const lines = [
    '| minute | JS heap | without compiled code | milestones posted | video frames presented | engine | rendition cap |',
    '|---|---|---|---|---|---|---|',
    `| warm-up (${options.warmupMs / 1000} s) | ${result.warm.usedMiB.toFixed(2)} MiB | ${result.warm.withoutCodeMiB.toFixed(2)} MiB | ${result.warm.posts} | ${result.warm.framesPresented} | ${result.warm.engine} | ${result.warm.cap} |`,
    ...result.readings.map((r) => `| ${r.minute} | ${r.usedMiB.toFixed(2)} MiB | ${r.withoutCodeMiB.toFixed(2)} MiB | ${r.posts} | ${r.framesPresented} | ${r.engine} | ${r.cap} |`),
    '',
    `Growth after warm-up: ${pct(result.growthShare)} (without compiled code ${pct(result.growthWithoutCodeShare)}); limit ${pct(options.growthLimit)}: **${result.passed ? 'within' : 'over'} the limit**. Milestones refused or failed: ${result.failedPosts}.`,
  ];
  return lines;
}
