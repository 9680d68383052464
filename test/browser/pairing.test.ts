// A phone as the TV's companion, in real Chromium against the real server: a TV page (Tizen user agent, remote keys
// only) opens "Pair a phone"; a phone-sized page (390×844, touch) is refused a wrong code with the reason shown,
// pairs by the right one, gives the TV a backer code (the TV signs in: its state says the tier, its storage holds
// the code, no URL does) and sends a reaction that shows on the TV. In Chinese, a phone opened from the QR code's
// link pairs at once, and Unpair on the TV (by remote) ends the pairing on the phone. Screens of both at their sizes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { layoutProblems } from '../helpers/layout-problems';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { TIZEN_UA, TvRemote, type RemoteButton } from '../tv/watch/tv-remote';
import { focusedId } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

interface Tv {
  page: Page;
  remote: TvRemote;
  errors: string[];
}

async function openTv(lang: 'en' | 'zh-CN'): Promise<Tv> {
  const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: { width: 1920, height: 1080 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
  await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
  return { page, remote: await TvRemote.for(page), errors };
}

async function openPhone(lang: 'en' | 'zh-CN', hash = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?mode=pair&project=${PROJECT_ID}&lang=${lang}${hash}`);
  await page.getByTestId('phone-pairing').waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** Presses the keys in turn until the focus is where `test` says (remote only: no clicks on the TV). */
async function moveFocus(tv: Tv, keys: RemoteButton[], test: (id: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 12; i++) {
    const id = (await focusedId(tv.page)) ?? '';
    if (test(id)) return id;
    await tv.remote.press(keys[i % keys.length]!);
    await tv.page.waitForTimeout(60);
  }
  throw new Error(`focus never reached ${what}; it is on ${await focusedId(tv.page)}`);
}

/** From home, the D-pad to "Pair a phone", OK, and the code the TV shows. */
async function openPairing(tv: Tv): Promise<string> {
  await moveFocus(tv, ['right'], (id) => id === 'home-pair', 'Pair a phone');
  await tv.remote.press('ok');
  await tv.page.locator('[data-testid=tv-pairing][data-pairing-status=showing]').waitFor({ timeout: 20_000 });
  const code = (await tv.page.getByTestId('tv-pairing-code').textContent())!;
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  // The QR code's link: the phone page, the code in the fragment (never sent to a server), nothing secret.
  const link = new URL((await tv.page.getByTestId('tv-pairing-qr').getAttribute('data-link'))!);
  expect(link.hash).toBe(`#pair=${code}`);
  expect(link.search).not.toContain(code.replace('-', ''));
  expect(link.searchParams.get('mode')).toBe('pair');
  return code;
}

/** What the shared layout check finds on the TV's pairing screen at 1920×1080: text under 24 px, overflow, overlap, off-screen. */
const tvLayoutProblems = async (page: Page) => (await layoutProblems(page, { minTextPx: 24, within: '[data-testid=tv-pairing]' })).map((p) => `${p.kind}: ${p.what}`);
/** The phone page at 390×844: nothing overflows, overlaps or leaves the screen. */
const phoneLayoutProblems = async (page: Page) => (await layoutProblems(page, { within: '[data-testid=phone-pairing]' })).map((p) => `${p.kind}: ${p.what}`);

describe('a phone paired with the TV', { timeout: 120_000 }, () => {
  it('is refused a wrong code with the reason, pairs by the right one, signs the TV in and reacts on it', async () => {
    const tv = await openTv('en');
    const code = await openPairing(tv);

    const phone = await openPhone('en');
    await phone.page.getByTestId('phone-pairing-code').fill('ZZZ-ZZZ');
    await phone.page.getByTestId('phone-pairing-pair').tap();
    const refusal = phone.page.getByTestId('phone-pairing-refusal');
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.getAttribute('data-reason')).toBe('unknown-code');
    expect(await refusal.textContent()).toBe('No TV shows this code. Check it against the TV.');

    // Typed as people do: lower case.
    await phone.page.getByTestId('phone-pairing-code').fill(code.toLowerCase());
    await phone.page.getByTestId('phone-pairing-pair').tap();
    await phone.page.getByTestId('phone-pairing-paired').getByText('Paired with TV').waitFor({ timeout: 10_000 });
    await tv.page.getByTestId('tv-pairing-phones').getByText('Phone').waitFor({ timeout: 10_000 });
    expect(await tv.page.locator('[data-phone-online=true]').count()).toBe(1);

    // A wrong backer code: the reason on the phone, nothing on the TV.
    await phone.page.getByTestId('phone-pairing-backer-code').fill('not-a-code');
    await phone.page.getByTestId('phone-pairing-backer-send').tap();
    await phone.page.locator('[data-testid=phone-pairing-backer-refusal][data-reason=wrong-backer-code]').waitFor({ timeout: 10_000 });
    expect(await tv.page.getByTestId('tv-pairing-signed-in').count()).toBe(0);

    // The right one: the TV signs in with it (Web Storage, as its own keypad would), and says so.
    await phone.page.getByTestId('phone-pairing-backer-code').fill('demo-gold');
    await phone.page.getByTestId('phone-pairing-backer-send').tap();
    await phone.page.getByTestId('phone-pairing-backer-accepted').getByText('The TV is signed in as a Gold backer.').waitFor({ timeout: 10_000 });
    await tv.page.getByTestId('tv-pairing-signed-in').getByText('Signed in as a Gold backer, with the code from Phone: places for Gold backers are open on this TV.').waitFor({ timeout: 10_000 });
    expect(await tv.page.evaluate(() => localStorage.getItem('setvisit:backer-token'))).toBe('demo-gold');
    expect(tv.page.url()).not.toContain('demo-gold');
    expect(phone.page.url()).not.toContain('demo-gold');

    await phone.page.getByTestId('phone-pairing-react-applause').tap();
    await tv.page.getByTestId('tv-pairing-reactions').getByText('Phone sent: Applause').waitFor({ timeout: 10_000 });

    await tv.page.waitForTimeout(250); // the focus ring's 120 ms scale settles before the layout is judged
    expect(await tvLayoutProblems(tv.page)).toEqual([]);
    expect(await phoneLayoutProblems(phone.page)).toEqual([]);
    saveArtifact('pairing-tv-en.png', await tv.page.screenshot());
    saveArtifact('pairing-phone-en.png', await phone.page.screenshot({ fullPage: true }));
    expect(tv.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  it('in Chinese: the QR link pairs at once, and Unpair on the TV ends the pairing on the phone', async () => {
    const tv = await openTv('zh-CN');
    const code = await openPairing(tv);
    const link = new URL((await tv.page.getByTestId('tv-pairing-qr').getAttribute('data-link'))!);
    expect(link.searchParams.get('lang')).toBe('zh-CN');

    const phone = await openPhone('zh-CN', link.hash);
    await phone.page.getByTestId('phone-pairing-paired').getByText('已与电视配对').waitFor({ timeout: 10_000 });
    await tv.page.getByTestId('tv-pairing-phones').getByText('手机').waitFor({ timeout: 10_000 });
    await phone.page.getByTestId('phone-pairing-react-heart').tap();
    await tv.page.getByTestId('tv-pairing-reactions').getByText('手机发送了：爱心').waitFor({ timeout: 10_000 });
    await tv.page.waitForTimeout(250);
    expect(await tvLayoutProblems(tv.page)).toEqual([]);
    expect(await phoneLayoutProblems(phone.page)).toEqual([]);
    expect(await tv.page.getByTestId('tv-pairing-code').textContent()).toBe(code);
    saveArtifact('pairing-tv-zh-CN.png', await tv.page.screenshot());
    saveArtifact('pairing-phone-zh-CN.png', await phone.page.screenshot({ fullPage: true }));

    // Unpair, by remote: the phone is told and shows it; the TV lists no phone.
    await moveFocus(tv, ['up', 'right'], (id) => id.startsWith('pairing-unpair-'), 'Unpair');
    await tv.remote.press('ok');
    await phone.page.getByTestId('phone-pairing-closed').getByText('电视已取消与这部手机的配对。').waitFor({ timeout: 10_000 });
    await tv.page.getByTestId('tv-pairing-phones').getByText('还没有配对的手机。').waitFor({ timeout: 10_000 });
    saveArtifact('pairing-phone-unpaired-zh-CN.png', await phone.page.screenshot());
    expect(tv.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
