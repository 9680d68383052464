// The legacy build running: Chromium made to take the nomodule path (module scripts removed from the page, as an
// engine without modules ignores them) and stripped of APIs that 2018 TV engines (Chromium 53/56) lack, so the
// first screen must come up on the legacy chunks and their polyfills alone. A modern Chromium still parses newer
// syntax, so the ES2015 guarantee itself is test/tv/tv-build.test.ts's.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, postMilestone, startTestServer, type TestServer } from '../helpers/test-server';
import { focusState, pressKey, WEBOS } from './tv-remote';

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

describe('legacy TV first screen', { timeout: 90_000 }, () => {
  it('runs from the legacy chunks without the APIs Chromium 53 lacks: home, keys, a live toast', async () => {
    const context = await browser.newContext({ userAgent: WEBOS.userAgent, viewport: { width: 1280, height: 720 } });
    // Chromium 53 has none of these (ResizeObserver 64, IntersectionObserver 58, RelativeTimeFormat 71,
    // queueMicrotask 71, Promise#finally 63, Object.fromEntries 73, Array#flat 69, globalThis 71): remove them
    // before any script runs, so only the polyfills or the code's own fallbacks can stand in.
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      for (const name of ['ResizeObserver', 'IntersectionObserver', 'queueMicrotask']) delete w[name];
      delete (Intl as unknown as Record<string, unknown>).RelativeTimeFormat;
      delete (Promise.prototype as unknown as Record<string, unknown>).finally;
      delete (Object as unknown as Record<string, unknown>).fromEntries;
      delete (Array.prototype as unknown as Record<string, unknown>).flat;
    });
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<script type="module"[\s\S]*?<\/script>/g, '')
        .replace(/<script nomodule/g, '<script');
      await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-length': String(Buffer.byteLength(html)) } });
    });
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await page.getByTestId('tv-backers').waitFor({ timeout: 45_000 });
    expect(scripts.some((path) => /polyfills-legacy/.test(path))).toBe(true);
    expect(scripts.some((path) => /TvShell-legacy/.test(path))).toBe(true);
    expect(scripts.filter((path) => /\/assets\//.test(path) && !/-legacy/.test(path))).toEqual([]);

    const cdp = await context.newCDPSession(page);
    await expect.poll(async () => (await focusState(page)).activeId, { timeout: 10_000 }).toBe('home-watch');
    await pressKey(cdp, WEBOS, 'down');
    await expect.poll(async () => (await focusState(page)).activeId, { timeout: 10_000 }).not.toBe('home-watch');
    expect((await focusState(page)).focusedCount).toBe(1);

    const posted = await postMilestone(server.url, { kind: 'shooting-day', title: { en: 'Legacy day 24 of 40', 'zh-CN': '第 24 天' } });
    expect(posted.status).toBe(201);
    await page.getByTestId('tv-toasts').getByText('Legacy day 24 of 40').waitFor({ timeout: 10_000 });
    // Times as people say them without Intl.RelativeTimeFormat: the fallback's words, not a clock time.
    const yesterday = new Date(Date.now() - 26 * 3_600_000).toISOString();
    expect((await postMilestone(server.url, { kind: 'scene-wrapped', title: { en: 'Legacy scene 45 wrapped' }, occurredAt: yesterday })).status).toBe(201);
    const item = page.locator('.tv-milestone', { hasText: 'Legacy scene 45 wrapped' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.tv-milestone__time').textContent()).toBe('yesterday');
    expect(await page.locator('.tv-milestone', { hasText: 'Legacy day 24 of 40' }).locator('.tv-milestone__time').textContent()).toMatch(/^(now|\d+ seconds? ago)$/);
    expect(await page.evaluate(() => typeof (Intl as unknown as Record<string, unknown>).RelativeTimeFormat)).toBe('undefined');

    await pressKey(cdp, WEBOS, 'back');
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
    saveArtifact('tv-legacy-exit.png', await page.screenshot());
    expect(errors).toEqual([]);
    await context.close();
  });
});
