// A circle on a phone, in real Chromium against the real server: the member who joins from an invite on a 390×844
// touch screen keeps the picture. Once in, the panel folds to its title bar (the open panel covered nearly all of
// the view), opens on a tap, and folds again. The desktop keeps it open (circle-chat.test.ts joins at 1280×720).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../src/circles';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let browser: Browser;
const owned: { dispose(): void }[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const o of owned) o.dispose();
  await browser?.close();
  await server?.dispose();
});

describe('a circle on a phone', { timeout: 120_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: the panel folds once in, leaving the picture, and opens on a tap`, async () => {
      const host = new CircleClient({ url: server.url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
      owned.push(host);
      expect(await host.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 2, playing: true })).toEqual({ ok: true });
      const code = host.current.view!.code;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: lang });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      try {
        await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}#circle=${code}`);
        const panel = page.locator('section.circle');
        // Up to 60 s: the panel's chunk loads after the first frame, which a loaded machine was seen to take long over.
        await panel.locator('input').first().fill('Dee', { timeout: 60_000 });
        await panel.locator('form button[type=submit]').tap();
        await expect.poll(() => panel.getAttribute('data-circle-status'), { timeout: 15_000 }).toBe('joined');
        const fold = panel.locator('.circle__fold');
        // Folded: the title bar only, with who is online; the picture around it is free.
        expect(await panel.getAttribute('data-folded')).toBe('true');
        expect(await fold.getAttribute('aria-expanded')).toBe('false');
        expect(await page.getByTestId('circle-chat').count()).toBe(0);
        const view = (await page.locator('.view').boundingBox())!;
        const folded = (await panel.boundingBox())!;
        expect(folded.height).toBeLessThan(view.height * 0.2);
        expect(await panel.locator('.circle__title').textContent()).toMatch(/ · 2$/);
        saveArtifact(`circle-phone-folded-${lang}.png`, await page.screenshot());
        // A tap opens it (the chat and the invite), a tap folds it again.
        await fold.tap();
        await page.getByTestId('circle-chat').waitFor({ timeout: 5_000 });
        expect(await fold.getAttribute('aria-expanded')).toBe('true');
        saveArtifact(`circle-phone-open-${lang}.png`, await page.screenshot());
        await fold.tap();
        await expect.poll(() => page.getByTestId('circle-chat').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        host.dispose();
      }
    });
  }
});
