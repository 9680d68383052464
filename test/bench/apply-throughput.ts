// Owns part 2 of the feed benchmark: one real ProjectFeed taking a burst of events from a scripted server.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ProjectFeed } from '../../src/feed/project-feed';
import type { Logger } from '../../src/feed/logger';
import { createAppStore } from '../../src/store/app-store';
import { milestoneEvent, startScriptedFeedServer } from '../helpers/scripted-feed-server';
import { PROJECT_ID } from '../helpers/test-server';
import { onCleanup, pollUntil, withTimeout } from './bounded';
import { readMachineCpu } from './process-usage';

export interface ApplyOptions {
  burst: number;
  /** The frame the feed batches store writes into; 16 ms is one frame at 60 Hz. */
  frameMs: number;
  timeoutMs: number;
}

export interface ApplyResult {
  burst: number;
  /** First emit → the last event applied. */
  elapsedMs: number;
  eventsPerSecond: number;
  /** How long the synchronous emit loop on the server side took (part of elapsedMs: same process). */
  emitLoopMs: number;
  storeWrites: number;
  applied: number;
  duplicates: number;
  gaps: number;
  rejected: number;
  /** Whether the store held the last event once the next frame had run. */
  storeCaughtUp: boolean;
  /** CPU this process used from first emit to last applied (the scripted server runs in it too). */
  ownCpuMs: number;
  /** CPU every other process on the machine used in the same window. */
  othersCpuMs: number;
  /** After a full GC, with the feed live and the prepared events still referenced. */
  heapBeforeBytes: number;
  /** Right after the last store write, without a GC: includes the burst's garbage. */
  heapAtEndBytes: number;
  /** After a full GC, the feed still live holding its state. */
  heapAfterBytes: number;
}

const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A full GC, so the heap figures compare live data rather than whenever V8 last collected. */
const collectGarbage = ((): (() => void) => {
  const exposed = globalThis.gc;
  // Called without options it collects synchronously.
  if (exposed) return () => void exposed();
  // The npm script runs tsx without --expose-gc; this exposes it at runtime instead.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export async function runApplyThroughput(options: ApplyOptions): Promise<ApplyResult> {
  const server = await startScriptedFeedServer();
  const closeServerLater = onCleanup(() => server.close());
  const store = createAppStore();
  const feed = new ProjectFeed({
    url: server.url,
    projectId: PROJECT_ID,
    store,
    logger: silentLogger,
    // A browser frame, as a timer: Node has no requestAnimationFrame.
    scheduleFrame: (callback) => void setTimeout(callback, options.frameMs),
    socketOptions: { transports: ['websocket'], reconnection: false },
  });
  const stopFeedLater = onCleanup(() => feed.stop());
  try {
    const live = new Promise<void>((resolve) => feed.on('resynced', () => resolve()));
    feed.start();
    await withTimeout(live, 10_000, 'the feed to subscribe to the scripted server');
    // The snapshot's own store write lands a frame after the subscribe; let it, so it is not counted as the burst's.
    if (!(await pollUntil(() => store.getState().feed.data !== null, 2_000))) throw new Error('the snapshot never reached the store');
    const writesBefore = feed.stats.storeWrites;

    // Built before the clock starts: the benchmark measures delivery and apply, not test-data construction.
    const events = Array.from({ length: options.burst }, (_, i) => milestoneEvent(i + 1));
    let lastAppliedAt = Number.NaN;
    feed.on('applied', () => (lastAppliedAt = performance.now()));
    collectGarbage();
    const heapBeforeBytes = process.memoryUsage().heapUsed;

    const machineAtStart = readMachineCpu().busyMs;
    const ownAtStart = process.cpuUsage();
    const start = performance.now();
    for (const event of events) server.emit(event);
    const emitLoopMs = performance.now() - start;
    // Not an error when it falls short: the counts below say what went wrong.
    await pollUntil(() => feed.stats.applied + feed.stats.rejected >= options.burst, options.timeoutMs);
    const ownCpu = process.cpuUsage(ownAtStart);
    const ownCpuMs = (ownCpu.user + ownCpu.system) / 1000;
    const othersCpuMs = Math.max(0, readMachineCpu().busyMs - machineAtStart - ownCpuMs);
    const storeCaughtUp = await pollUntil(() => store.getState().feed.data?.seq === options.burst, Math.min(options.timeoutMs, 2_000));
    const heapAtEndBytes = process.memoryUsage().heapUsed;
    collectGarbage();
    const heapAfterBytes = process.memoryUsage().heapUsed;
    // Keeps the prepared events alive through the last heap reading, so before and after hold the same test data.
    if (events.length !== options.burst) throw new Error('the prepared events changed');

    const elapsedMs = lastAppliedAt - start;
    return {
      burst: options.burst,
      elapsedMs,
      eventsPerSecond: (feed.stats.applied / elapsedMs) * 1000,
      emitLoopMs,
      storeWrites: feed.stats.storeWrites - writesBefore,
      applied: feed.stats.applied,
      duplicates: feed.stats.duplicates,
      gaps: feed.stats.gaps,
      rejected: feed.stats.rejected,
      storeCaughtUp,
      ownCpuMs,
      othersCpuMs,
      heapBeforeBytes,
      heapAtEndBytes,
      heapAfterBytes,
    };
  } finally {
    stopFeedLater();
    feed.stop();
    closeServerLater();
    await withTimeout(server.close(), 10_000, 'the scripted server to close');
  }
}
