// The circle on a TV's watch screen, laid out at 1920×1080 and at 960×540 CSS px (a page laid out smaller than
// 720p), in English and Chinese, remote keys only, in real Chromium against the real server. With the overlay open
// (its captions moved to the top) and messages from the circle arriving: the quick replies are a row of the
// overlay's bar, under its buttons and above the attention row, reached with Down and left with Up; nothing
// overlaps (the layout checker), and what arrives covers neither the bar nor the captions, nor does the badge.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleChat, CircleClient } from '../../src/circles';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { layoutProblemsAtRest } from '../helpers/layout-problems';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome, watchState } from '../tv/watch/watch-page';
import { TIZEN_UA } from '../tv/watch/tv-remote';

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

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 960, height: 540 },
] as const;

type Box = { left: number; top: number; right: number; bottom: number };
/** The boxes that must not meet: the bar, the captions (while a cue shows), the badge, each flash shown. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el || el.getClientRects().length === 0) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      bar: box(document.querySelector('.watch__bar')),
      quick: box(document.querySelector('[data-testid=tv-quick-replies]')),
      captions: box(document.querySelector('.watch__captions')),
      badge: box(document.querySelector('[data-testid=tv-circle] .tv-circle__state')),
      flashes: Array.from(document.querySelectorAll('.tv-flashes__item')).map(box).filter((b) => b !== null),
    };
  });
const meet = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
const inside = (a: Box, b: Box) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;

describe('the circle on the TV’s watch screen: laid out at 1080p and 960×540', { timeout: 150_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: quick replies in the overlay’s flow; flashes clear of the bar and the captions`, async () => {
      const host = new CircleClient({ url: server.url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
      const hostChat = new CircleChat({ client: host });
      owned.push(hostChat, host);
      expect(await host.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 2, playing: true })).toEqual({ ok: true });
      const code = host.current.view!.code;
      // Drawn at half scale: SwiftShader's work stays that of a 960×540 page whatever the CSS size.
      const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: SIZES[0], deviceScaleFactor: 0.5 });
      const tv = await openTvHome(browser, server.url, `#circle=${code}`, { context, lang });
      const { page, remote } = tv;
      try {
        await enterWatch(tv);
        // Up to 60 s: the circle's chunk loads after the first frame, which a loaded machine was seen to take long over.
        await expect.poll(() => page.getByTestId('tv-circle').getAttribute('data-circle-status'), { timeout: 60_000 }).toBe('joined');

        // The overlay: the quick replies are its row, under the buttons (Down), above the attention row (Down again).
        await remote.press('ok');
        await page.getByTestId('tv-quick-replies').waitFor({ timeout: 10_000 });
        await expect.poll(() => focusedId(page)).toBe('watch-play');
        await page.getByTestId('attention-switch').waitFor({ timeout: 10_000 });
        // The row may wrap onto a second line: Down walks through it, then on to the attention switch.
        const path: (string | null)[] = ['watch-play'];
        const step = async (key: 'up' | 'down') => {
          await remote.press(key);
          path.push(await focusedId(page));
        };
        await step('down');
        expect(path.at(-1), path.join(' → ')).toMatch(/^circle-quick-/);
        for (let i = 0; i < 3 && path.at(-1)!.startsWith('circle-quick-'); i++) await step('down');
        expect(path.at(-1), path.join(' → ')).toBe('watch-attention');
        await step('up');
        expect(path.at(-1), path.join(' → ')).toMatch(/^circle-quick-/);
        for (let i = 0; i < 3 && path.at(-1)!.startsWith('circle-quick-'); i++) await step('up');
        // Up leaves the row for the bar's row above it (the scrub bar where the buttons do not reach that far right).
        expect(path.at(-1), path.join(' → ')).toMatch(/^watch-(bar-back|look|rewind|play|forward|sound|captions|scrub)$/);

        // The circle pauses on a caption cue (7 s: "Stage A is ahead; …"), so the captions stay while measured.
        expect(await host.control({ kind: 'seek', mediaTime: 7 })).toEqual({ ok: true });
        expect(await host.control({ kind: 'pause' })).toEqual({ ok: true });
        await expect.poll(async () => (await watchState(page)).paused, { timeout: 10_000 }).toBe(true);
        await expect.poll(async () => (await watchState(page)).time, { timeout: 10_000 }).toBeCloseTo(7, 0);

        const problems: string[] = [];
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.locator('.watch__captions').waitFor({ timeout: 10_000 });
          // Something from the circle on screen, a long message among it (messages stay 6 s): measured at once.
          expect(await hostChat.say(lang === 'en' ? 'The crane on the left is where they shot the night scene, look at the lights above it' : '左边的吊车就是拍夜戏的地方，看看上面的灯')).toEqual({ ok: true });
          expect(await hostChat.react('applause')).toEqual({ ok: true });
          await page.locator('.tv-flashes__item:not([hidden])').nth(1).waitFor({ timeout: 5_000 });
          const b = await boxes(page);
          const found = await layoutProblemsAtRest(page, {
            minTextPx: (24 * size.width) / 1920,
            within: '.watch',
            capture: async () => saveArtifact(`tv-circle-layout-${size.width}x${size.height}-${lang}.png`, await page.screenshot({ scale: 'css' })),
          });
          problems.push(...found.map((p) => `${size.width}: ${p.kind}: ${p.what}`));
          const where = `${size.width}×${size.height}: ${JSON.stringify(b)}`;
          expect(b.bar && b.quick && b.badge && b.captions, where).toBeTruthy();
          expect(inside(b.quick!, b.bar!), `quick replies inside the bar, ${where}`).toBe(true);
          expect(b.flashes.length, where).toBeGreaterThan(0);
          for (const flash of b.flashes) {
            expect(meet(flash, b.bar!), `a flash meets the bar, ${where}`).toBe(false);
            expect(meet(flash, b.captions!), `a flash meets the captions, ${where}`).toBe(false);
          }
          expect(meet(b.badge!, b.bar!), `the badge meets the bar, ${where}`).toBe(false);
          expect(meet(b.captions!, b.bar!), `the captions meet the bar, ${where}`).toBe(false);
          expect(meet(b.captions!, b.badge!), `the captions meet the badge, ${where}`).toBe(false);
        }
        expect(problems).toEqual([]);
        expect(tv.errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
