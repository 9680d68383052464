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

/**
 * Arms the page's resume clock: from now on the page stamps, with its own Date.now() (the same clock as the test
 * process's: one machine), the first timeupdate at which its <video> plays 0.1 s past where it stands now.
 */
export async function armResumeClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const video = document.querySelector('video');
    if (!video) throw new Error('no <video> in the page');
    const w = window as unknown as { __resumedAt?: number };
    delete w.__resumedAt;
    const from = video.currentTime;
    const onTime = () => {
      if (video.currentTime <= from + 0.1 || video.paused) return;
      w.__resumedAt = Date.now();
      video.removeEventListener('timeupdate', onTime);
    };
    video.addEventListener('timeupdate', onTime);
  });
}

/**
 * How long after `since` (Date.now() in the test, taken when the fault cleared) the armed page saw its video play
 * on (armResumeClock). Measured where it happens: polling from the test counts the test's own round trips to a
 * busy browser against the player, and a timeout says less than a figure. Chromium sends timeupdate every 250 ms
 * or so while playing, so the figure errs long, never short. Waits up to `waitMs`, then throws.
 */
export async function resumedAfter(page: Page, since: number, waitMs = 10_000): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __resumedAt?: number }).__resumedAt ?? 0, undefined, { timeout: waitMs, polling: 100 });
  return (await handle.jsonValue()) - since;
}
