// The watch overlay from a sofa at 1920×1080, in English and Chinese, remote keys only: every text at least 24 px
// (10-foot guidelines), a scrub bar that Left and Right seek while it has the focus, captions the family can move
// (and that never jump into the middle of the picture when the controls open). Screenshots of each state.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome, shot, watchState } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('TV watch overlay at 1920×1080', { timeout: 120_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: text ≥ 24 px, the scrub bar seeks, the captions move`, async () => {
      const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36', viewport: { width: 1920, height: 1080 } });
      const watch = await openTvHome(browser, server.url, '&mode=tv&tv360=flat', { context, lang });
      const { page, remote } = watch;
      await enterWatch(watch);
      saveArtifact(`tv-watch-panning-${lang}-1920.png`, await shot(page));
      await remote.press('ok');
      await page.locator('.watch[data-overlay=true]').waitFor();
      await expect.poll(() => focusedId(page)).toBe('watch-play');
      await page.getByTestId('tv-scrub').waitFor({ timeout: 10_000 });
      // Every visible text of the watch screen, measured: none under 24 px.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.watch *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && el.getClientRects().length > 0)
          .map((el) => ({ text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))
          .filter((item) => item.px < 24),
      );
      expect(small).toEqual([]);
      // Captions open with the controls at the top of the picture, not in its middle.
      const captions = page.locator('.watch__captions');
      await captions.waitFor({ timeout: 15_000 });
      const box = (await captions.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(1080 * 0.35);
      saveArtifact(`tv-watch-overlay-${lang}-1920.png`, await shot(page));

      // The scrub bar: Up from the buttons, then Left/Right seek. Paused, so only the seek moves the time.
      await remote.press('pause');
      await expect.poll(async () => (await watchState(page)).paused).toBe(true);
      for (let i = 0; i < 3 && (await focusedId(page)) !== 'watch-scrub'; i++) await remote.press('up');
      expect(await focusedId(page)).toBe('watch-scrub');
      await remote.press('left');
      await expect.poll(async () => (await watchState(page)).time, { timeout: 5_000 }).toBeLessThan(0.5);
      const before = (await watchState(page)).time;
      await remote.press('right');
      await expect.poll(async () => (await watchState(page)).time, { timeout: 5_000 }).toBeGreaterThan(before + 5);
      // Still the scrub bar: seeking did not move the focus.
      expect(await focusedId(page)).toBe('watch-scrub');
      saveArtifact(`tv-watch-scrub-${lang}-1920.png`, await shot(page));

      // The captions control moves them to the top for good (remembered on this TV).
      await remote.press('down');
      for (let i = 0; i < 10 && (await focusedId(page)) !== 'watch-captions'; i++) await remote.press('right');
      expect(await focusedId(page)).toBe('watch-captions');
      await remote.press('ok');
      await page.locator('.watch__captions[data-place=top]').waitFor({ timeout: 5_000 });
      await remote.press('play');
      await remote.press('back');
      await page.locator('.watch[data-overlay=false]').waitFor();
      // Read while a cue shows: between two cues the captions box is empty and not laid out.
      const captionBox = page.locator('.watch__captions');
      // The box the poll saw is the one checked: read again, the cue may have ended in between.
      const seen: { y: number }[] = [];
      const showing = async () => {
        const box = await captionBox.boundingBox();
        if (box) seen.push(box);
        return seen.length;
      };
      await expect.poll(showing, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(seen[0]!.y).toBeLessThan(1080 * 0.3);
      expect(await page.evaluate(() => localStorage.getItem('setvisit:tv-captions'))).toBe('top');
      saveArtifact(`tv-watch-captions-top-${lang}-1920.png`, await shot(page));
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
