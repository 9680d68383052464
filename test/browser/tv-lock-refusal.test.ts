// The TV's watch screen and the backers-only location, with remote keys only, in English and Chinese: without a code
// the Video village's hotspot is marked with its tier and OK on it shows a lock that names the tier (nothing of it is
// fetched, the family stays where it was); with a code the operator has since revoked, going there says that the
// code was revoked — the reason, not a generic stream error, and never a fault of the TV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssuedBackerCode } from '../../src/protocol';
import { parseTour } from '../../src/protocol/tour-schema';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';
import { dpadReach, hotspotsOnShow } from '../tv/watch/dpad-reach';
import { enterWatch, focusedId, openTvHome, selectHotspotWithDpad, shot, watchState, type WatchPage } from '../tv/watch/watch-page';

const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const gated = parsed.tour.locations.find((l) => l.tier)!;
const folder = gated.stream.slice(0, gated.stream.lastIndexOf('/') + 1);

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

const operator = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** From Stage A (the backlot's hotspot straight ahead leads there), the D-pad up to the hotspot of the gated
 * location (straight ahead, 19° up, shown from 2 s to 7 s), then OK. On the way, every hotspot on show is reached
 * with the arrows from the overlay's first focus (the D-pad is the only way a TV family has). */
async function pickGatedHotspot(watch: WatchPage, name: string): Promise<void> {
  const { page, remote } = watch;
  await selectHotspotWithDpad(watch, name);
  // That hotspot shows from 2 s to 7 s of the footage (which loops every 10 s). Wait until it is there (arrows pressed
  // before it shows have nothing above the controls to go to), and hold the footage there while the walk runs.
  await expect.poll(async () => (await watchState(page)).time % 10, { timeout: 15_000, interval: 100 }).toSatisfy((t: number) => t >= 2.1 && t <= 4);
  await remote.press('pause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
  await remote.press('ok');
  await page.locator('.watch[data-overlay=true]').waitFor();
  // The overlay's pins are shown a frame after it opens: the locator waits for the gated one, then all are read.
  const gatedOnShow = await page.locator(`.watch-hotspot[data-target=${gated.id}]:not([hidden])`).getAttribute('data-focus-id');
  const onShow = await hotspotsOnShow(watch);
  expect(onShow).toContain(gatedOnShow);
  const reach = await dpadReach(watch);
  for (const id of onShow) expect(reach.has(id), `${id} cannot be reached with the D-pad from ${[...reach.keys()][0]}`).toBe(true);
  for (let i = 0; i < 5; i++) {
    const target = await page.evaluate(() => document.activeElement?.getAttribute('data-target') ?? null);
    if (target === gated.id) break;
    await remote.press('up');
  }
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-target'))).toBe(gated.id);
  await remote.press('play');
  await expect.poll(async () => (await watchState(page)).paused).toBe(false);
  await remote.press('ok');
}

const LOCK_TEXT = {
  en: { title: `${gated.name.en} is for Supporter backers`, badge: 'Supporter backers' },
  'zh-CN': { title: `${gated.name['zh-CN']}仅限「支持者」档及以上支持者`, badge: '「支持者」档' },
} as const;

const REVOKED_TEXT = { en: 'This backer code was revoked. Enter a valid one.', 'zh-CN': '此支持者代码已被撤销，请输入有效代码。' } as const;

describe('the TV watch screen and a backers-only location', { timeout: 150_000 }, () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shows a lock naming the tier to a TV without a code (${lang})`, async () => {
      const watch = await openTvHome(browser, server.url, '', { lang });
      const asked: string[] = [];
      watch.page.on('request', (r) => new URL(r.url()).pathname.startsWith(folder) && asked.push(r.url()));
      await enterWatch(watch);
      await pickGatedHotspot(watch, `tv-lock-${lang}`);
      const lock = watch.page.getByTestId('locked-location');
      await lock.waitFor({ timeout: 5_000 });
      expect(await lock.getAttribute('data-tier')).toBe(gated.tier);
      expect(await lock.textContent()).toContain(LOCK_TEXT[lang].title);
      saveArtifact(`tv-lock-${lang}.png`, await shot(watch.page));
      // The hotspot said it before OK: its label carries the tier.
      expect(await watch.page.locator(`.watch-hotspot[data-target=${gated.id}]`).first().textContent()).toContain(LOCK_TEXT[lang].badge);
      // Still at Stage A and playing, nothing of the locked location asked for, and the focus is not lost to the notice.
      const state = await watchState(watch.page);
      expect(state).toMatchObject({ location: 'stage-a', media: 'playing' });
      expect(asked).toEqual([]);
      expect(await focusedId(watch.page)).not.toBeNull();
      expect(watch.errors).toEqual([]);
      await watch.context.close();
    });

    it(`says the code was revoked when the TV's code no longer opens the location (${lang})`, async () => {
      const issued = await operator('POST', '/api/backer-tokens', { label: `tv refusal ${lang}`, tier: gated.tier, projects: [PROJECT_ID] });
      expect(issued.status).toBe(201);
      const code = IssuedBackerCode.parse(await issued.json());
      const watch = await openTvHome(browser, server.url, '', { lang, initScript: `localStorage.setItem('setvisit:backer-token', ${JSON.stringify(code.token)})` });
      await enterWatch(watch);
      // The pass the tour loaded with opens the location (its hotspot is not marked), then the operator revokes the
      // code, and the pass runs out (the browser drops the cookie at its expiry; here the test drops it).
      expect(await watch.page.locator(`.watch-hotspot[data-target=${gated.id}][data-locked]`).count()).toBe(0);
      expect((await operator('POST', `/api/backer-tokens/${code.id}/revoke`)).status).toBe(200);
      await watch.context.clearCookies({ name: 'setvisit_media' });
      await pickGatedHotspot(watch, `tv-refusal-${lang}`);
      const card = watch.page.locator('.watch__status--error[data-refusal=pass]');
      await card.getByText(REVOKED_TEXT[lang]).waitFor({ timeout: 20_000 });
      saveArtifact(`tv-refusal-${lang}.png`, await shot(watch.page));
      // The reason, not the generic network message nor the device blamed.
      expect(await card.textContent()).not.toMatch(/cannot be reached|could not be decoded|无法连接|无法解码/);
      expect((await watchState(watch.page)).location).toBe(gated.id);
      expect(watch.errors).toEqual([]);
      await watch.context.close();
    });
  }
});
