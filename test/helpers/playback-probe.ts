// Reading playback from the page itself: whether the playhead moves on, and how soon.
import type { Page } from 'playwright-core';

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
