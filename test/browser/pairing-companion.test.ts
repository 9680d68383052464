// The paired phone as the TV's companion, in real Chromium against the real server. A TV page (Tizen user agent,
// remote keys only) on a backers-only project offers "Pair a phone" on its sign-in card; a 390×844 phone page pairs
// by the QR link and types the backer code; the TV is signed in (the project opens) without the code in any URL or
// server log. Then "look here": the TV shows the set, the phone touches and drags its pad, and the TV's view
// direction turns to where the phone points, with a line saying which phone pointed. And a meet-up question typed
// on the phone: refused while the TV shows no meet-up, then on the TV's question board under the phone's name.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MEETUP_ID, SAMPLE_PROJECT } from '../../src/server/sample-project';
import { closeLeftoverPages, launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { layoutProblems } from '../helpers/layout-problems';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { TIZEN_UA, TvRemote, type RemoteButton } from '../tv/watch/tv-remote';
import { focusedId } from '../tv/watch/watch-page';

const PRIVATE = 'crew-only-cut';
const CREW_CODE = 'crew-code-5678';
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE, visibility: 'backers', title: { en: 'Crew-only cut' } });
  await server.storage.ensureBackerToken(CREW_CODE, { label: 'crew', tier: 'gold', projects: [PRIVATE] });
  browser = await launchChromium();
}, 60_000);
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  await closeLeftoverPages(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Tv {
  page: Page;
  remote: TvRemote;
  errors: string[];
}

async function openTv(projectId: string, viewport: { width: number; height: number }): Promise<Tv> {
  const context = await browser.newContext({ userAgent: TIZEN_UA, viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${projectId}&lang=en`);
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 30_000 });
  return { page, remote: await TvRemote.for(page), errors };
}

async function openPhone(link: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
  await page.getByTestId('phone-pairing-paired').getByText('Paired with TV').waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** Presses the keys in turn until the focus is where `test` says (remote only: no clicks on the TV). */
async function moveFocus(tv: Tv, keys: RemoteButton[], test: (id: string) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if (test((await focusedId(tv.page)) ?? '')) return;
    await tv.remote.press(keys[i % keys.length]!);
    await tv.page.waitForTimeout(60);
  }
  throw new Error(`focus never reached ${what}; it is on ${await focusedId(tv.page)}`);
}

/** "Pair a phone" by remote, and the phone opened from the QR code's link (which pairs at once). */
async function pairPhone(tv: Tv, keys: RemoteButton[]): Promise<{ page: Page; errors: string[] }> {
  await moveFocus(tv, keys, (id) => id === 'home-pair', 'Pair a phone');
  await tv.remote.press('ok');
  await tv.page.locator('[data-testid=tv-pairing][data-pairing-status=showing]').waitFor({ timeout: 20_000 });
  const link = (await tv.page.getByTestId('tv-pairing-qr').getAttribute('data-link'))!;
  const phone = await openPhone(link);
  await tv.page.locator('[data-phone-online=true]').waitFor({ timeout: 10_000 });
  return phone;
}

const tvDirection = (page: Page) =>
  page.evaluate(() => {
    const view = (window as unknown as { __setvisit: { view?: { current(): { yaw: number; pitch: number; source: string } } } }).__setvisit.view;
    const d = view?.current();
    return d ? { yaw: d.yaw, pitch: d.pitch, source: d.source } : null;
  });
const angleGap = (a: number, b: number) => Math.abs(((((a - b + 180) % 360) + 360) % 360) - 180);

describe('the paired phone as the TV’s companion', { timeout: 150_000 }, () => {
  it('on a backers-only project: pairs from the sign-in card, types the backer code, and the TV opens the project', async () => {
    const tv = await openTv(PRIVATE, { width: 1920, height: 1080 });
    await tv.page.getByTestId('tv-feed-error').waitFor({ timeout: 20_000 });
    const phone = await pairPhone(tv, ['up', 'right']);
    // The TV says what the phone is for here.
    await tv.page.getByTestId('tv-pairing-for-sign-in').getByText('Once a phone is paired, type the backer code on it').waitFor();
    expect(await layoutProblems(tv.page, { minTextPx: 24, within: '[data-testid=tv-pairing]' })).toEqual([]);
    saveArtifact('pairing-sign-in-tv.png', await tv.page.screenshot());

    await phone.page.getByTestId('phone-pairing-backer-code').fill(CREW_CODE);
    await phone.page.getByTestId('phone-pairing-backer-send').tap();
    await phone.page.getByTestId('phone-pairing-backer-accepted').getByText('The TV is signed in as a Gold backer.').waitFor({ timeout: 10_000 });
    await tv.page.getByTestId('tv-pairing-signed-in').waitFor({ timeout: 10_000 });
    expect(await tv.page.getByTestId('tv-pairing-for-sign-in').count()).toBe(0);
    // Back to home: the project is open now (its title and the backers' count), by the code the phone typed.
    await tv.remote.press('back');
    await tv.page.getByTestId('tv-title').getByText('Crew-only cut').waitFor({ timeout: 20_000 });
    await tv.page.getByTestId('tv-backers').waitFor({ timeout: 10_000 });
    expect(await tv.page.getByTestId('tv-feed-error').count()).toBe(0);
    expect(await tv.page.evaluate(() => localStorage.getItem('setvisit:backer-token'))).toBe(CREW_CODE);
    expect(tv.page.url()).not.toContain(CREW_CODE);
    expect(phone.page.url()).not.toContain(CREW_CODE);
    expect(JSON.stringify(server.logs)).not.toContain(CREW_CODE);
    saveArtifact('pairing-sign-in-tv-opened.png', await tv.page.screenshot());
    expect(tv.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  it('"look here": the phone’s pad turns the TV’s view to where it points', async () => {
    // 960×540: the set's WebGL view is cheap enough under SwiftShader at this size.
    const tv = await openTv(PROJECT_ID, { width: 960, height: 540 });
    await tv.page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    const phone = await pairPhone(tv, ['right']);
    // The pairing lives on while the TV shows the set: Back to home, then "Watch the set".
    await tv.remote.press('back');
    await moveFocus(tv, ['left'], (id) => id === 'home-watch', 'Watch the set');
    await tv.remote.press('ok');
    await tv.page.locator('.watch[data-view]').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await tvDirection(tv.page))?.source ?? 'none', { timeout: 30_000 }).not.toBe('none');
    const start = (await tvDirection(tv.page))!;

    const pad = phone.page.getByTestId('phone-pairing-pad');
    const box = (await pad.boundingBox())!;
    // Three quarters across, a quarter down: yaw 90 (right), pitch 45 (up).
    // The line saying who pointed stays 2.5 s: watched from the tap on, not after the turn (slow on a loaded machine).
    const notice = tv.page.getByTestId('tv-phone-pointing').getByText('Phone: look here').waitFor({ timeout: 10_000 });
    await pad.tap({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
    expect(Number(await pad.getAttribute('data-yaw'))).toBeCloseTo(90, 0);
    await expect
      .poll(async () => {
        const d = (await tvDirection(tv.page))!;
        return angleGap(d.yaw, 90) < 1.5 && Math.abs(d.pitch - 45) < 1.5;
      }, { timeout: 10_000 })
      .toBe(true);
    expect(angleGap(start.yaw, 90)).toBeGreaterThan(10); // it moved, not just stayed there
    await notice;
    saveArtifact('pairing-look-here-tv.png', await tv.page.screenshot());

    // A drag, the way a thumb does it: to a quarter across on the horizon (yaw −90), and the TV follows to its end.
    await phone.page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
    await phone.page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await phone.page.mouse.move(box.x + box.width * (0.75 - 0.05 * i), box.y + box.height * (0.25 + 0.025 * i));
      await phone.page.waitForTimeout(40);
    }
    await phone.page.mouse.up();
    await expect
      .poll(async () => {
        const d = (await tvDirection(tv.page))!;
        return angleGap(d.yaw, -90) < 1.5 && Math.abs(d.pitch) < 1.5;
      }, { timeout: 10_000 })
      .toBe(true);
    expect(await phone.page.getByTestId('phone-pairing-point-refusal').count()).toBe(0);
    expect(await layoutProblems(phone.page, { within: '[data-testid=phone-pairing]' })).toEqual([]);
    saveArtifact('pairing-look-here-phone.png', await phone.page.screenshot({ fullPage: true }));
    expect(tv.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  it('a meet-up question from the phone: refused with the reason off the meet-up, on the TV’s board in it', async () => {
    const tv = await openTv(PROJECT_ID, { width: 1920, height: 1080 });
    await tv.page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    const phone = await pairPhone(tv, ['right']);
    // The meet-up is for gold backers: the phone signs the TV in first.
    await phone.page.getByTestId('phone-pairing-backer-code').fill('demo-gold');
    await phone.page.getByTestId('phone-pairing-backer-send').tap();
    await phone.page.getByTestId('phone-pairing-backer-accepted').waitFor({ timeout: 10_000 });

    // The TV shows no meet-up yet: the phone hears why, and the text stays to send again.
    const question = 'Which lantern did you light first?';
    await phone.page.getByTestId('phone-pairing-question').fill(question);
    await phone.page.getByTestId('phone-pairing-ask').tap();
    await phone.page.locator('[data-testid=phone-pairing-question-refusal][data-reason=no-meetup]').getByText('The TV is not in a meet-up. Open the meet-up on the TV first.').waitFor({ timeout: 10_000 });
    expect(await phone.page.getByTestId('phone-pairing-question').inputValue()).toBe(question);

    // Back to home, Meet-ups, the demo's meet-up: its room, with the question board.
    await tv.remote.press('back');
    await moveFocus(tv, ['left'], (id) => id === 'home-meetups', 'Meet-ups');
    await tv.remote.press('ok');
    await moveFocus(tv, ['down', 'right'], (id) => id === `meetup-card-${SAMPLE_MEETUP_ID}`, 'the demo meet-up');
    await tv.remote.press('ok');
    await tv.page.getByTestId('tv-meetup-room').waitFor({ timeout: 20_000 });

    await phone.page.getByTestId('phone-pairing-ask').tap();
    await phone.page.getByTestId('phone-pairing-question-asked').getByText('Asked: it is on the meet-up’s question board.').waitFor({ timeout: 15_000 });
    expect(await phone.page.getByTestId('phone-pairing-question').inputValue()).toBe('');
    const asked = tv.page.getByTestId('tv-question-board').locator('.tv-question', { hasText: question });
    await asked.waitFor({ timeout: 10_000 });
    expect(await asked.locator('.tv-question__meta').textContent()).toContain('asked by Phone');
    saveArtifact('pairing-question-tv.png', await tv.page.screenshot());
    expect(await layoutProblems(phone.page, { within: '[data-testid=phone-pairing]' })).toEqual([]);
    saveArtifact('pairing-question-phone.png', await phone.page.screenshot({ fullPage: true }));
    expect(tv.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
