// JS heap held after warm-up: one viewer plays for a while (SetVisit with a steady feed of milestones posted to the
// real server, since the peers have no feed), with a full GC through CDP before both readings.
import type { Browser, CDPSession } from 'playwright-core';
import { openProbedPage, waitForFirstDraw } from './viewer-run';
import type { ViewerTarget } from './viewer-run';
import { sleep, withTimeout } from './bounded';

export interface HeapFigures {
  beforeMiB: number;
  afterMiB: number;
  growthMiB: number;
  playedSeconds: number;
  feedPosts: number;
}

export interface HeapOptions {
  warmupMs: number;
  playMs: number;
  /** Called about once a second while playing, e.g. to post a milestone; returns whether something was sent. */
  feedTick?: () => Promise<boolean>;
  firstFrameTimeoutMs: number;
}

async function heapAfterGcMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

export async function measureHeap(browser: Browser, target: ViewerTarget, options: HeapOptions): Promise<HeapFigures> {
  const { page, cdp, close } = await openProbedPage(browser, 1);
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    await waitForFirstDraw(page, -1, options.firstFrameTimeoutMs);
    await sleep(options.warmupMs);
    const beforeMiB = await heapAfterGcMiB(cdp);
    const started = Date.now();
    let feedPosts = 0;
    while (Date.now() - started < options.playMs) {
      const tick = Date.now();
      if (options.feedTick && (await options.feedTick())) feedPosts++;
      await sleep(Math.max(0, 1_000 - (Date.now() - tick)));
    }
    const playedSeconds = (Date.now() - started) / 1000;
    const afterMiB = await heapAfterGcMiB(cdp);
    return { beforeMiB, afterMiB, growthMiB: afterMiB - beforeMiB, playedSeconds, feedPosts };
  } finally {
    await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
  }
}
