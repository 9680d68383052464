// Pointer remotes (LG Magic Remote, air mice) in Chromium: hover moves the one focus, the next arrow continues
// from there, pointing at or clicking on nothing never leaves the focus on nothing, a click selects; the
// browser's own Back (history, as webOS sends it) walks back and asks before leaving. In Chinese, via ?mode=tv.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { focusState } from './tv-remote';

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

async function expectFocusOn(page: Page, id: string): Promise<void> {
  let last = await focusState(page);
  for (const until = Date.now() + 10_000; Date.now() < until; last = await focusState(page)) {
    if (last.focusedCount === 1 && last.activeId === id && last.focusedId === id) return;
    await page.waitForTimeout(50);
  }
  expect(last, `focus should be on ${id}`).toEqual({ activeId: id, focusedId: id, focusedCount: 1 });
}

async function hover(page: Page, id: string): Promise<void> {
  const box = await page.locator(`[data-focus-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`${id} is not on screen`);
  // Two steps: a real pointer arrives from somewhere, and the first move only marks the pointer as present.
  await page.mouse.move(box.x + box.width / 2 - 5, box.y + box.height / 2, { steps: 2 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
}

const inputMode = (page: Page) => page.getByTestId('tv-shell').getAttribute('data-input-mode');

describe('TV shell with a pointer remote', { timeout: 120_000 }, () => {
  it('hover moves the focus, an arrow continues from there, and focus is never on nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = recordPageErrors(page);
    await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN`);
    await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    await expectFocusOn(page, 'home-watch');
    expect(await page.getByTestId('tv-watch').textContent()).toBe('进入片场');

    await hover(page, 'tile-backers');
    await expectFocusOn(page, 'tile-backers');
    expect(await inputMode(page)).toBe('pointer');

    await page.keyboard.press('ArrowRight');
    await expectFocusOn(page, 'tile-phase');
    expect(await inputMode(page)).toBe('five-way');

    // Pointing at and clicking on what is not focusable (the title, the safe-area margin) keeps the focus where it
    // is. One step each, so the pointer crosses no tile on the way (crossing one would rightly focus it).
    await page.mouse.move(200, 62, { steps: 1 });
    await page.mouse.click(200, 62);
    await page.mouse.move(640, 708, { steps: 1 });
    await page.mouse.click(640, 708);
    await expectFocusOn(page, 'tile-phase');
    expect(await inputMode(page)).toBe('pointer');

    // A timeline item under the pointer, then the D-pad from there.
    const items = await page.locator('[data-focus-id^="milestone-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-focus-id') as string));
    expect(items.length).toBeGreaterThanOrEqual(2);
    await hover(page, items[0] as string);
    await expectFocusOn(page, items[0] as string);
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(page, items[1] as string);
    saveArtifact('tv-pointer-zh.png', await page.screenshot());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click selects; the browser’s Back walks back, restores focus, and asks before leaving home', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = recordPageErrors(page);
    await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN`);
    await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    // Give the page a user activation first: Chromium's history may skip entries pushed without one.
    await hover(page, 'tile-days');
    await page.getByTestId('tv-watch').click();
    await page.locator('[data-testid=tv-shell][data-screen=watch]').waitFor({ timeout: 10_000 });

    await page.goBack();
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await expectFocusOn(page, 'home-watch');

    await page.goBack();
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('tv-exit-prompt').textContent()).toContain('退出 SetVisit？');
    await expectFocusOn(page, 'exit-no');
    // Back again on the prompt means "stay".
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('tv-exit-prompt').count(), { timeout: 5_000 }).toBe(0);
    await expectFocusOn(page, 'home-watch');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(errors).toEqual([]);
    await page.close();
  });
});
