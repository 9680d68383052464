// The TV home screen for a sofa three metres away, in real Chromium at 1920×1080 and 1280×720, in English and
// Chinese: every text stays inside its box (tiles, chart, timeline, header), large amounts are short (Chinese in 万),
// timeline times are said as people say them, and the set's own picture is behind it all. Screenshots of each.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

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

/** Texts that run out of their box: each leaf text against its nearest box that clips or frames it. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = '.tv-tile, .tv-chart, .tv-milestone, .tv-home__header, .tv-button';
    const out: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.tv-home *')) {
      const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || element.closest('svg')) continue;
      const box = element.matches(boxes) ? element : element.closest<HTMLElement>(boxes);
      if (!box) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      const text = range.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      if (text.width === 0) continue;
      if (text.left < frame.left - 0.5 || text.right > frame.right + 0.5 || text.top < frame.top - 0.5 || text.bottom > frame.bottom + 0.5) {
        out.push(`${element.className || element.tagName}: "${element.textContent?.trim()}"`);
      }
      // An ellipsis hides the rest: that is overflow too (the title may ellipsize only past its own long width).
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow === 'hidden') out.push(`clipped ${element.className}: "${element.textContent?.trim()}"`);
    }
    return out;
  });
}

describe('TV home screen at 10-foot sizes', { timeout: 120_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: nothing overflows at 1920×1080 or 1280×720; short amounts, times as said, the set's picture`, async () => {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        const page = await browser.newPage({ viewport });
        const errors = recordPageErrors(page);
        await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=${lang}`);
        await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
        await page.locator('.tv-home[data-set-picture]').waitFor({ timeout: 10_000 });
        // The picture is the start location's still, and it really loads.
        const picture = await page.locator('.tv-home').getAttribute('data-set-picture');
        expect(picture).toMatch(/^\/media\/[\w-]+\/poster\.jpg$/);
        expect((await page.request.get(`${server.url}${picture}`)).status()).toBe(200);
        const raised = await page.getByTestId('tv-funding-raised').textContent();
        if (lang === 'zh-CN') expect(raised).toMatch(/^¥[\d.]+万$/);
        else expect(raised).toMatch(/^CN¥[\d.]+[KM]?$/);
        const times = await page.locator('.tv-milestone__time').allTextContents();
        expect(times.length).toBeGreaterThan(0);
        const said = lang === 'en' ? /ago|yesterday|now|last week/ : /前|昨天|现在|上周/;
        for (const time of times) expect(time, time).toMatch(said);
        // The title and the badge keep off the edges of the set's picture (the panel they sit on).
        const edges = await page.evaluate(() => {
          const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
          const panel = rect('.tv-home');
          return { title: rect('.tv-home__title').left - panel.left, badge: panel.right - rect('[data-testid=tv-connection]').right, top: rect('.tv-home__title').top - panel.top };
        });
        for (const [what, gap] of Object.entries(edges)) expect(gap, `${what} ${gap}px from the panel's edge`).toBeGreaterThanOrEqual(viewport.width * 0.01);
        // The funding chart is the recorded amounts over time: many points, a line that rises, a start date.
        const chart = page.getByTestId('tv-chart');
        expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(8);
        const heights = (await chart.locator('polyline').getAttribute('points'))!.split(' ').map((xy) => Number(xy.split(',')[1]));
        expect(new Set(heights).size, 'a flat line').toBeGreaterThan(5);
        expect(heights[0]).toBeGreaterThan(heights.at(-1)!);
        expect(await page.getByTestId('tv-chart-since').textContent()).toMatch(lang === 'en' ? /^[A-Z][a-z]{2} \d{1,2}$/ : /^\d{1,2}月\d{1,2}日$/);
        await page.waitForTimeout(300);
        expect(await overflowing(page), `${lang} ${viewport.width}×${viewport.height}`).toEqual([]);
        saveArtifact(`tv-home-${lang}-${viewport.width}.png`, await page.screenshot());
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});
