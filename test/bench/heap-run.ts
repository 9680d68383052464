// JS heap held after warm-up: one viewer plays for a while (SetVisit with a steady feed of milestones posted to the
// real server, since the peers have no feed), with a full GC through CDP before both readings. SetVisit's warm-up
// brings the feed to its steady state first (the project panel keeps the latest MILESTONES_KEPT milestones, so its
// list grows until then by design). Each reading is split by a heap snapshot into V8's compiled code (it grows as
// more functions are optimised, and V8 flushes it on its own) and everything else (objects, strings, DOM wrappers):
// a leak shows in the second.
import type { Browser, CDPSession } from 'playwright-core';
import { openProbedPage, waitForFirstDraw } from './viewer-run';
import type { ViewerTarget } from './viewer-run';
import { sleep, withTimeout } from './bounded';

export interface HeapFigures {
  beforeMiB: number;
  afterMiB: number;
  growthMiB: number;
  /** The growth without V8's compiled code (the snapshot's 'code' nodes). */
  growthWithoutCodeMiB: number;
  playedSeconds: number;
  feedPosts: number;
}

export interface HeapOptions {
  warmupMs: number;
  playMs: number;
  /** Called about once a second while playing, e.g. to post a milestone; returns whether something was sent. */
  feedTick?: () => Promise<boolean>;
  /** Called once after the first frame, before the warm-up wait: brings the page to its steady state. */
  warmUp?: () => Promise<void>;
  firstFrameTimeoutMs: number;
}

interface HeapReading {
  usedMiB: number;
  codeMiB: number;
}

export async function heapAfterGc(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedMiB: usedSize / 1024 / 1024, codeMiB: (await compiledCodeBytes(cdp)) / 1024 / 1024 };
}

/** Bytes of V8 compiled code in a heap snapshot (nodes of type 'code'). */
async function compiledCodeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + typeAt] === code) bytes += snapshot.nodes[i + sizeAt]!;
  return bytes;
}

export async function measureHeap(browser: Browser, target: ViewerTarget, options: HeapOptions): Promise<HeapFigures> {
  const { page, cdp, close } = await openProbedPage(browser, 1, target.viewport);
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    await waitForFirstDraw(page, -1, options.firstFrameTimeoutMs);
    await options.warmUp?.();
    await sleep(options.warmupMs);
    const before = await heapAfterGc(cdp);
    const started = Date.now();
    let feedPosts = 0;
    while (Date.now() - started < options.playMs) {
      const tick = Date.now();
      if (options.feedTick && (await options.feedTick())) feedPosts++;
      await sleep(Math.max(0, 1_000 - (Date.now() - tick)));
    }
    const playedSeconds = (Date.now() - started) / 1000;
    const after = await heapAfterGc(cdp);
    return {
      beforeMiB: before.usedMiB,
      afterMiB: after.usedMiB,
      growthMiB: after.usedMiB - before.usedMiB,
      growthWithoutCodeMiB: after.usedMiB - after.codeMiB - (before.usedMiB - before.codeMiB),
      playedSeconds,
      feedPosts,
    };
  } finally {
    await withTimeout(close(), 10_000, 'closing the page').catch(() => undefined);
  }
}
