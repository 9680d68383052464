// Reading playback from the page itself: whether the playhead moves on, and how soon.
import type { Page } from 'playwright-core';
import type { FaultProxy } from './fault-proxy';

/** Waits until the page's <video> plays on from where it is now; returns how long that took (ms), or throws after
 * `withinMs`. */
export async function resumesWithin(page: Page, withinMs: number): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    () => {
      const video = document.querySelector('video');
      if (!video) return false;
      const w = window as unknown as { __resumeFrom?: number };
      w.__resumeFrom ??= video.currentTime;
      return video.currentTime > w.__resumeFrom + 0.1 && !video.paused;
    },
    undefined,
    { timeout: withinMs, polling: 50 },
  );
  await page.evaluate(() => delete (window as unknown as { __resumeFrom?: number }).__resumeFrom);
  return Date.now() - started;
}

/**
 * Arms the page's resume clock: from now on the page stamps, with its own Date.now() (the same clock as the test
 * process's: one machine), the moment its <video> presents a frame 0.1 s past where it stands now while playing:
 * the picture moving again. Frames are read with requestVideoFrameCallback, called for every frame presented;
 * timeupdate (every 250 ms or so) is the fallback where a frame callback does not come.
 */
export async function armResumeClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const video = document.querySelector('video');
    if (!video) throw new Error('no <video> in the page');
    const w = window as unknown as { __resumedAt?: number };
    delete w.__resumedAt;
    const from = video.currentTime;
    const stamp = (mediaTime: number) => {
      if (w.__resumedAt !== undefined || mediaTime <= from + 0.1 || video.paused) return false;
      w.__resumedAt = Date.now();
      return true;
    };
    const onTime = () => {
      if (stamp(video.currentTime) || w.__resumedAt !== undefined) video.removeEventListener('timeupdate', onTime);
    };
    video.addEventListener('timeupdate', onTime);
    const onFrame = (_now: number, frame: { mediaTime: number }) => {
      if (!stamp(frame.mediaTime) && w.__resumedAt === undefined) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/**
 * How long after `since` (Date.now() in the test, taken when the fault cleared) the armed page saw its video play
 * on (armResumeClock). Measured where it happens: polling from the test counts the test's own round trips to a
 * busy browser against the player, and a timeout says less than a figure. Waits up to `waitMs`, then throws.
 */
export async function resumedAfter(page: Page, since: number, waitMs = 10_000): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __resumedAt?: number }).__resumedAt ?? 0, undefined, { timeout: waitMs, polling: 100 });
  return (await handle.jsonValue()) - since;
}

/**
 * Clears the proxy's `fault` and returns how long the page took to play on (armResumeClock, resumedAfter). Throws
 * past `withinMs`, saying which requests matching `requests` went out meanwhile, each with its time after the clear.
 */
export async function clearAndResume(page: Page, proxy: FaultProxy, fault: string, requests: RegExp, withinMs = 2_000): Promise<number> {
  await armResumeClock(page);
  const from = proxy.seen();
  const clearedAt = Date.now();
  proxy.clear(fault);
  // Not playing on at all within the wait says which requests went out, as a late resume does (a CI run once timed
  // out here with no more than the timeout to go on).
  const ms = await resumedAfter(page, clearedAt).catch((error: unknown) => {
    throw new Error(`did not play on within 10 s after "${fault}" cleared (${String(error)}); requests meanwhile: ${proxy.timedRequests(requests, from, clearedAt).join(', ') || 'none'}`);
  });
  if (ms >= withinMs) {
    throw new Error(`played on ${ms} ms after "${fault}" cleared (limit ${withinMs} ms); requests meanwhile: ${proxy.timedRequests(requests, from, clearedAt).join(', ')}`);
  }
  return ms;
}
