// The 360 preview of a browser without a headset (?mode=xr in plain Chromium): the hotspot's label over the preview
// is text people can read, at a laptop's and a phone's size, in English and Chinese. Drawn on the set alone it came
// out 3–5 px tall in the card-sized preview. Measured on the rendered text, with a screenshot of each.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

/** The smallest label text that reads without leaning in (the page's own small print). */
const MIN_LABEL_PX = 14;
const LABELS = { en: 'Stage A — scene 45', 'zh-CN': '一号棚——第 45 场' } as const;

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

describe('the XR preview without a headset', { timeout: 60_000 }, () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`shows the hotspot's label at a readable size (${viewport.width}×${viewport.height}, ${lang})`, async () => {
        const page = await browser.newPage({ viewport });
        const errors = recordPageErrors(page);
        await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=${lang}`);
        await page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'unsupported', undefined, { timeout: 20_000 });
        // The backlot's hotspot straight ahead (Stage A, 30° up) is in the preview; the other is behind the camera.
        const label = page.locator('[data-testid=xr-preview-label][data-target=stage-a]');
        await label.waitFor({ state: 'visible', timeout: 20_000 });
        await page.waitForTimeout(300);
        await label.scrollIntoViewIfNeeded();
        saveArtifact(`xr-preview-label-${viewport.width}x${viewport.height}-${lang}.png`, await page.screenshot());
        expect(await label.textContent()).toBe(LABELS[lang]);
        expect(await page.locator('[data-testid=xr-preview-label][data-target=monitor]').isVisible()).toBe(false);
        // The rendered text: its glyphs' box (a Range over the text), not the element's declared size.
        const text = await label.evaluate((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const lines = [...range.getClientRects()];
          const preview = element.parentElement!.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          return {
            fontPx: parseFloat(getComputedStyle(element).fontSize),
            lineHeights: lines.map((r) => r.height),
            inside: box.left >= preview.left && box.right <= preview.right && box.top >= preview.top && box.bottom <= preview.bottom,
          };
        });
        expect(text.fontPx, JSON.stringify(text)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(text.lineHeights.length).toBeGreaterThan(0);
        for (const height of text.lineHeights) expect(height, JSON.stringify(text)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(text.inside, 'the label lies inside the preview').toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }
});
