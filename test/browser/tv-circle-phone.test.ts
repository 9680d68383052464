// A phone paired with the TV reacts while the family watches: the reaction flashes over the TV's watch screen (not
// only on the pairing screen), clear of the overlay's bar. Real Chromium (a Tizen TV page at 960×540, remote keys
// only) against the real server; the phone is the real pairing client over a real socket (its page has a test of
// its own: pairing.test.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../src/circles';
import { PhonePairing } from '../../src/pairing';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome } from '../tv/watch/watch-page';
import type { RemoteButton, TvRemote } from '../tv/watch/tv-remote';

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

async function moveFocus(page: Page, remote: TvRemote, key: RemoteButton, id: string): Promise<void> {
  for (let i = 0; i < 6 && (await focusedId(page)) !== id; i++) await remote.press(key);
  expect(await focusedId(page)).toBe(id);
}

/** "Pair a phone" from home: a real phone client paired with the code the TV shows. */
async function pairPhone(page: Page, remote: TvRemote, name: string): Promise<PhonePairing> {
  await moveFocus(page, remote, 'right', 'home-pair');
  await remote.press('ok');
  await page.locator('[data-testid=tv-pairing][data-pairing-status=showing]').waitFor({ timeout: 20_000 });
  const code = (await page.getByTestId('tv-pairing-code').textContent())!;
  const phone = new PhonePairing({ url: server.url, name: () => name, socketOptions: { transports: ['websocket'] } });
  owned.push(phone);
  expect(await phone.pair(code)).toBe(true);
  return phone;
}

describe('a paired phone’s reactions on the TV’s watch screen', { timeout: 150_000 }, () => {
  it('a reaction from the phone flashes over the picture, clear of the controls', async () => {
    const tv = await openTvHome(browser, server.url);
    const { page, remote } = tv;
    const phone = await pairPhone(page, remote, 'Li’s phone');

    // Back home, then "Watch the set", with the overlay up.
    await remote.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await moveFocus(page, remote, 'left', 'home-watch');
    await enterWatch(tv);
    await remote.press('ok');
    await page.locator('.watch[data-overlay=true]').waitFor({ timeout: 5_000 });

    // The phone reacts until the TV shows it: the watch screen hears the pairing once its circle chunk has loaded
    // after the first frame (a reaction sent before that is the pairing screen's, which is closed).
    const flash = page.locator('.tv-flashes__item', { hasText: 'Li’s phone: Heart' });
    // Read in the page the moment it shows (it stays 3 s; a loaded machine may take that long over a screenshot).
    const seen = () =>
      page.evaluate(() => {
        const item = Array.from(document.querySelectorAll('.tv-flashes__item')).find((el) => el.textContent?.includes('Li’s phone: Heart') && el.getClientRects().length > 0);
        const bar = document.querySelector('.watch__bar');
        if (!item || !bar) return null;
        return { text: (item.querySelector('svg path') ? '[shape] ' : '') + item.textContent.trim(), bottom: item.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top, fontPx: parseFloat(getComputedStyle(item).fontSize) };
      });
    let shown: Awaited<ReturnType<typeof seen>> = null;
    await expect
      .poll(
        async () => {
          shown = await seen();
          if (!shown) await phone.react('heart');
          return shown !== null;
        },
        { timeout: 60_000, interval: 1_500 },
      )
      .toBe(true);
    saveArtifact('tv-circle-phone-reaction-960.png', await page.screenshot({ scale: 'css' }));
    const at = shown!;
    expect(at.text).toBe('[shape] Li’s phone: Heart');
    expect(at.bottom, JSON.stringify(at)).toBeLessThanOrEqual(at.barTop);
    // 24 px at 1080p: the same share of this 960×540 page.
    expect(at.fontPx).toBeGreaterThanOrEqual(12);
    // Brief: gone after a few seconds.
    await expect.poll(() => flash.count(), { timeout: 10_000 }).toBe(0);
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });

  it('a circle code typed on the phone joins the TV to that circle; a wrong one is refused on both', async () => {
    const tv = await openTvHome(browser, server.url);
    const { page, remote } = tv;
    const phone = await pairPhone(page, remote, 'Li’s phone');
    // Ana (a real circle client over its own socket) starts a circle on the backlot.
    const ana = new CircleClient({ url: server.url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
    owned.push(ana);
    expect(await ana.start({ projectId: PROJECT_ID, locationId: 'backlot' })).toEqual({ ok: true });
    const circleCode = ana.current.view!.code;

    await remote.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await moveFocus(page, remote, 'left', 'home-watch');
    await enterWatch(tv);
    // The watch screen's circle chunk comes after the first frame: until it has, the phone hears "not now".
    await expect.poll(() => phone.joinCircle('ZZZZZZZZ').then(() => phone.current.circle), { timeout: 60_000, interval: 1_500 }).toMatchObject({ refusal: { reason: 'circle-refused' } });
    // A code of no circle: refused on the phone, and the TV's badge says why.
    await page.locator('[data-testid=tv-circle][data-circle-status=refused]', { hasText: 'No circle has that code' }).waitFor({ timeout: 10_000 });

    expect(await phone.joinCircle(circleCode)).toBe(true);
    await expect.poll(() => ana.current.view?.members.filter((m) => m.online).map((m) => m.device).sort(), { timeout: 10_000 }).toEqual(['desktop', 'tv']);
    expect(await page.evaluate(() => (window as unknown as { __setvisit: { circle: { current: { status: string } } } }).__setvisit.circle.current.status)).toBe('joined');
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
});
