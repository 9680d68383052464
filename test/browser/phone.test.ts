// The desktop shell on a phone (390×844), in both languages: the tour's "Sound on" is on screen and reads as a
// button, not a thin column of characters; every tap target named in the design is at least 44 px tall
// (Set tour / Meet-ups, hotspots, Open, Ask, Me too); the Chinese backers figure has a label, not "位支持者".
// And on a computer, the look-around hint has a backing of its own.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const PHONE = { width: 390, height: 844 };
/** Apple's and Google's minimum for a finger (44 pt / 48 dp); 44 CSS px is the lower of the two. */
const TAP = 44;

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

async function boxes(locator: Locator) {
  const list = [];
  for (const item of await locator.all()) if (await item.isVisible()) list.push({ text: (await item.textContent())?.trim(), box: (await item.boundingBox())! });
  return list;
}

async function open(lang: 'en' | 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
  return { page, errors };
}

describe('the tour on a phone', { timeout: 90_000 }, () => {
  for (const [lang, soundOn, backers] of [
    ['en', 'Sound on', 'backers'],
    ['zh-CN', '打开声音', '支持者人数'],
  ] as const) {
    it(`${lang}: Sound on is on screen and one line, tap targets are ≥ ${TAP} px, the backers figure has its label`, async () => {
      const { page, errors } = await open(lang);
      const sound = page.locator('.view__chrome button').filter({ hasText: soundOn });
      await sound.waitFor({ timeout: 20_000 });
      const box = (await sound.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      // One line: wider than tall, and no taller than a tap target needs.
      expect(box.width).toBeGreaterThan(box.height);
      expect(box.height).toBeGreaterThanOrEqual(TAP);
      expect(box.height).toBeLessThan(TAP + 12);
      await sound.tap();
      await expect.poll(() => page.evaluate(() => document.querySelector('video')?.muted)).toBe(false);

      for (const tab of await boxes(page.locator('.sections__tab'))) expect(tab.box.height, `tab ${tab.text}`).toBeGreaterThanOrEqual(TAP);
      await page.locator('.hotspot:not([hidden])').first().waitFor({ timeout: 20_000 });
      const hotspots = await boxes(page.locator('.hotspot:not([hidden])'));
      expect(hotspots.length).toBeGreaterThan(0);
      for (const hotspot of hotspots) expect(hotspot.box.height, `hotspot ${hotspot.text}`).toBeGreaterThanOrEqual(TAP);

      const label = page.getByTestId('backers').locator('xpath=preceding-sibling::dt');
      expect((await label.textContent())?.trim()).toBe(backers);
      saveArtifact(`phone-tour-${lang}.png`, await page.screenshot());

      // Meet-ups: the card's Open, and in the room Ask (and Me too where a question is up).
      await page.locator('.sections__tab').nth(1).tap();
      const openButton = page.locator('[data-meetup] button').first();
      await openButton.waitFor({ timeout: 15_000 });
      expect((await openButton.boundingBox())!.height).toBeGreaterThanOrEqual(TAP);
      saveArtifact(`phone-meetups-${lang}.png`, await page.screenshot());
      await openButton.tap();
      const ask = page.locator('.ask button[type=submit], form button[type=submit]').last();
      await ask.waitFor({ timeout: 15_000 });
      expect((await ask.boundingBox())!.height).toBeGreaterThanOrEqual(TAP);
      for (const button of await boxes(page.locator('.meetup button.button--small'))) expect(button.box.height, `button ${button.text}`).toBeGreaterThanOrEqual(TAP);
      saveArtifact(`phone-meetup-room-${lang}.png`, await page.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the look-around hint on a computer (1280×720)', { timeout: 60_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: has its own dark backing, so it reads over a light or grey set`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
      const hint = page.locator('.view__hint');
      await hint.waitFor({ timeout: 20_000 });
      const look = await hint.evaluate((el) => {
        const style = getComputedStyle(el);
        const rgba = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
        return { background: rgba(style.backgroundColor), color: rgba(style.color) };
      });
      const [r = 255, g = 255, b = 255, alpha = 1] = look.background;
      // Dark and nearly opaque: light text on it keeps a contrast well above 4.5:1 whatever the set shows through.
      expect(alpha).toBeGreaterThanOrEqual(0.7);
      expect(Math.max(r, g, b)).toBeLessThan(40);
      expect(Math.min(...look.color.slice(0, 3))).toBeGreaterThan(200);
      saveArtifact(`tour-hint-${lang}-1280.png`, await page.screenshot());
      await context.close();
    });
  }
});
