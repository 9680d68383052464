// "Watch the set" on the legacy build, as TVs from 2018 to 2022 run it, in real Chromium at 4× CPU with remote keys:
// - 2018–2019 (Tizen 4–5, webOS 4–4.5: Chromium 53–63): no ES modules (the page's module scripts removed, as such
//   an engine ignores them), the APIs Chromium 53 lacks removed, and no WebGL 2 (three.js needs it): the flat-pan
//   view, loaded as its own chunk, with no three.js fetched at all.
// - 2020–2022 (Chromium 69–104): modules, but the build's modern check fails (no import.meta.resolve), so the page's
//   module fallback loads the legacy chunks; WebGL 2 is there, so the 360 sphere opens.
// Both: OK on "Watch the set" → the picture, held arrows pan, Back returns home with the focus where it was.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, meanDifference, pixelStats, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { TvRemote } from '../tv/watch/tv-remote';
import { focusedId, shot, watchState } from '../tv/watch/watch-page';

const WEBOS_2018 = 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 WebAppManager';
const TIZEN_2020 = 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 5.5) AppleWebKit/537.36 (KHTML, like Gecko) 69.0.3497.106/5.5 TV Safari/537.36';

/** What Chromium 53 lacks (see tv-legacy.test.ts), and WebGL 2, removed before any script runs. */
function removeChromium53Apis(): void {
  const w = window as unknown as Record<string, unknown>;
  for (const name of ['ResizeObserver', 'IntersectionObserver', 'queueMicrotask', 'WebGL2RenderingContext']) delete w[name];
  delete (Intl as unknown as Record<string, unknown>).RelativeTimeFormat;
  delete (Promise.prototype as unknown as Record<string, unknown>).finally;
  delete (Object as unknown as Record<string, unknown>).fromEntries;
  delete (Array.prototype as unknown as Record<string, unknown>).flat;
  delete (HTMLVideoElement.prototype as unknown as Record<string, unknown>).requestVideoFrameCallback;
  const proto = HTMLCanvasElement.prototype as unknown as { getContext: (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) => unknown };
  const getContext = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
    return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
  };
}

/** What Chromium 69 lacks of what the app could use (queueMicrotask 71, RelativeTimeFormat 71, fromEntries 73). */
function removeChromium69Apis(): void {
  delete (window as unknown as Record<string, unknown>).queueMicrotask;
  delete (Intl as unknown as Record<string, unknown>).RelativeTimeFormat;
  delete (Object as unknown as Record<string, unknown>).fromEntries;
  delete (HTMLVideoElement.prototype as unknown as Record<string, unknown>).requestVideoFrameCallback;
}

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

interface LegacyTv {
  context: BrowserContext;
  page: Page;
  remote: TvRemote;
  cdp: CDPSession;
  errors: string[];
  scripts: string[];
}

async function openLegacyTv(path: '2018' | '2020', lang: 'en' | 'zh-CN' = 'en'): Promise<LegacyTv> {
  const context = await browser.newContext({ userAgent: path === '2018' ? WEBOS_2018 : TIZEN_2020, viewport: { width: 1280, height: 720 } });
  await context.addInitScript(path === '2018' ? removeChromium53Apis : removeChromium69Apis);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    const original = await response.text();
    const html =
      path === '2018'
        ? // No modules at all: only the nomodule scripts run.
          original.replace(/<script type="module"[\s\S]*?<\/script>/g, '').replace(/<script nomodule/g, '<script')
        : // Modules, but the modern check fails (as without import.meta.resolve) and the modern entry never runs:
          // the remaining module script, the build's fallback, loads the legacy chunks.
          original
            .replace(/<script type="module" crossorigin src="[^"]*"><\/script>/, '')
            .replace(/<script type="module">import'data:[\s\S]*?<\/script>/, '');
    await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-length': String(Buffer.byteLength(html)) } });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 60_000 });
  return { context, page, cdp, errors, scripts, remote: await TvRemote.for(page, path === '2018' ? 'webos' : 'tizen') };
}

/** OK on "Watch the set" → a playing picture; held arrows pan; Back → home with the focus on "Watch the set". */
async function watchJourney(tv: LegacyTv, name: string, expectedView: 'flat' | 'webgl'): Promise<void> {
  const { page, remote } = tv;
  await expect.poll(() => focusedId(page), { timeout: 20_000 }).toBe('home-watch');
  await remote.press('ok');
  await page.locator('.watch[data-view]').waitFor({ timeout: 60_000 });
  expect(await page.locator('.watch').getAttribute('data-view')).toBe(expectedView);
  await expect.poll(async () => (await watchState(page)).media, { timeout: 60_000 }).toBe('playing');
  const t0 = (await watchState(page)).time;
  await expect.poll(async () => (await watchState(page)).time, { timeout: 30_000 }).toBeGreaterThan(t0 + 0.5);
  await expect.poll(() => focusedId(page)).toBe('watch-view');
  // A picture, not an empty screen: freeze the footage so only the pan can change it.
  await remote.press('pause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
  await page.waitForTimeout(500);
  const before = await shot(page);
  saveArtifact(`${name}-picture.png`, before);
  const stats = pixelStats(before);
  expect(stats.litShare).toBeGreaterThan(0.8);
  expect(stats.colours).toBeGreaterThan(50);
  await remote.hold('right', 1_200);
  await page.waitForTimeout(700);
  const after = await shot(page);
  saveArtifact(`${name}-panned.png`, after);
  expect(meanDifference(before, after)).toBeGreaterThan(5);
  expect(pixelStats(after).litShare).toBeGreaterThan(0.8);
  await remote.press('play');
  await expect.poll(async () => (await watchState(page)).paused).toBe(false);
  await remote.press('back');
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 20_000 });
  await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe('home-watch');
  saveArtifact(`${name}-home-again.png`, await shot(page));
}

describe('TV 2018–2019 (legacy build, no modules, Chromium 53 APIs, no WebGL 2)', { timeout: 240_000 }, () => {
  it('watches the set in the flat-pan view: picture, pan, Back home with the focus kept', async () => {
    const tv = await openLegacyTv('2018');
    await watchJourney(tv, 'tv-legacy-2018-watch', 'flat');
    // The legacy chunks only, the watch screen as a chunk of its own, and no three.js (it cannot run there).
    expect(tv.scripts.filter((path) => /\/assets\//.test(path) && !/-legacy/.test(path))).toEqual([]);
    expect(tv.scripts.some((path) => /WatchScreen-legacy/.test(path))).toBe(true);
    expect(tv.scripts.filter((path) => /location-sphere|PanoramaCanvas|PixelProbe/.test(path))).toEqual([]);
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
});

describe('TV 2020–2022 (Chromium 69–104: legacy chunks through the module fallback, WebGL 2)', { timeout: 240_000 }, () => {
  it('watches the set in the 360 sphere: picture, pan, Back home with the focus kept', async () => {
    const tv = await openLegacyTv('2020');
    await watchJourney(tv, 'tv-legacy-2020-watch', 'webgl');
    expect(tv.scripts.some((path) => /polyfills-legacy/.test(path))).toBe(true);
    expect(tv.scripts.some((path) => /WatchScreen-legacy/.test(path))).toBe(true);
    expect(tv.scripts.filter((path) => /\/assets\//.test(path) && !/-legacy/.test(path))).toEqual([]);
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
});
