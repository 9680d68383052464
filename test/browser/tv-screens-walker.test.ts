// Walks every TV screen (home, watch with its overlay, meet-ups, offline, a missing project) at 1920×1080 and
// 1280×720, in English and Chinese, in real Chromium against the real server, with remote keys only. Fails where
// text overflows its box, two controls overlap, a control sits off the screen's sides, text is under the 10-foot
// minimum (24 px at 1080p; the TV's layout is in vw, so the same share of a 720p screen: 16 px), or the page throws.
// One page per language, resized between the two sizes on each screen. Screenshots of each go to test/.artifacts/.
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { layoutProblems } from '../helpers/layout-problems';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { TIZEN_UA, TvRemote } from '../tv/watch/tv-remote';
import { focusedId } from '../tv/watch/watch-page';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;
/** 10-foot guidelines: body text at least 24 px on a 1080p screen. */
const MIN_TEXT_PX_AT_1080P = 24;

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

const screenOf = (page: Page) => page.getByTestId('tv-shell').getAttribute('data-screen');

describe('every TV screen, at 1080p and 720p, in both languages', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(lang, { timeout: 150_000 }, async () => {
      const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: SIZES[0] });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      const remote = await TvRemote.for(page, 'tizen');
      const found: string[] = [];
      const check = async (screen: string) => {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          // The layout settles (vw sizes, the focus ring's 120 ms scale) before it is judged.
          await page.waitForTimeout(250);
          saveArtifact(`tv-screens-${screen}-${size.width}x${size.height}-${lang}.png`, await page.screenshot());
          const minTextPx = (MIN_TEXT_PX_AT_1080P * size.width) / 1920;
          for (const problem of await layoutProblems(page, { minTextPx, within: '[data-testid=tv-shell]' })) found.push(`${screen} ${size.width}: ${problem.kind}: ${problem.what}`);
        }
        await page.setViewportSize(SIZES[0]);
      };
      try {
        await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=${lang}&tv360=flat`);
        await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
        await page.locator('.tv-home[data-set-picture]').waitFor({ timeout: 10_000 });
        await check('home');

        // Watch the set, with the overlay open (its controls, the scrub bar, the captions).
        await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('home-watch');
        await remote.press('ok');
        await page.locator('.watch[data-view]').waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.watch video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 30_000 });
        await check('watch');
        await remote.press('ok');
        await page.locator('.watch[data-overlay=true]').waitFor({ timeout: 5_000 });
        await page.getByTestId('tv-scrub').waitFor({ timeout: 10_000 });
        await check('watch-overlay');
        await remote.press('back');
        await page.locator('.watch[data-overlay=false]').waitFor({ timeout: 5_000 });
        await remote.press('back');
        await expect.poll(() => screenOf(page), { timeout: 5_000 }).toBe('home');

        // The meet-ups list (the demo's scheduled meet-up).
        await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('home-watch');
        await remote.press('right');
        await remote.press('ok');
        await expect.poll(() => screenOf(page), { timeout: 5_000 }).toBe('meetups');
        await page.locator('[data-focus-id^=meetup-card-]').first().waitFor({ timeout: 20_000 });
        await check('meetups');
        // A TV list uses the screen: the next meet-up across the width, and every card says its state, the backers
        // it is for and when it is.
        const featured = await page.locator('.tv-meetup-card--featured').boundingBox();
        expect(featured!.width).toBeGreaterThan(SIZES[0].width * 0.75);
        expect(featured!.height).toBeGreaterThan(SIZES[0].height * 0.3);
        for (const card of await page.locator('[data-focus-id^=meetup-card-]').all()) {
          expect(await card.locator('.tv-meetup-pill').count()).toBe(2);
          expect(await card.locator('.tv-meetup-pill--tier').textContent()).toMatch(lang === 'en' ? /Gold backers/ : /黄金/);
          expect(await card.getByTestId('tv-meetup-when').textContent()).toMatch(/\d{1,2}:\d{2}/);
        }
        await remote.press('back');
        await expect.poll(() => screenOf(page), { timeout: 5_000 }).toBe('home');

        // Offline: the last known figures stay, the badge says so.
        await context.setOffline(true);
        await page.locator('[data-testid=tv-connection][data-status=offline]').waitFor({ timeout: 15_000 });
        await check('offline');
        await context.setOffline(false);
        await page.locator('[data-testid=tv-connection][data-status=live]').waitFor({ timeout: 30_000 });

        await page.goto(`${server.url}/?mode=tv&project=no-such-film&lang=${lang}`);
        await page.getByTestId('tv-feed-error').waitFor({ timeout: 30_000 });
        await check('missing-project');
      } finally {
        await context.close();
      }
      if (found.length) console.info(`TV layout problems in ${lang}:\n${found.join('\n')}`);
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
