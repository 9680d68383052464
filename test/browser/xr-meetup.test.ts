// A star meet-up in the headset, in Chromium with IWER's emulated Meta Quest 3, against the real server (its live
// HLS, real sockets): a gold backer (the code stored by the app, as the desktop's sign-in leaves it) opens the
// meet-up from the XR page, enters VR on its stage and the stage's video plays in the session; a reaction chosen
// on the palette held on the left controller, with the right controller's ray and trigger, reaches the server (a
// second backer's socket in the room counts it); the backer upvotes the host's question on the board in the room,
// and the host's spotlight (the operator's own socket) shows on it. From the set tour in VR, the live meet-up's
// entry in the room takes the backer onto the stage without leaving VR, where a suggested question is asked with
// one select, and the board's way back returns to the set tour. A supporter-tier backer is refused, with the tier that would let them in, on the flat page and on a
// panel in VR.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetupClient } from '../../src/meetup/meetup-client';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { recordingLogger } from '../helpers/feed-client';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { aimRightController, installIwer, setRightTrigger } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

const MEETUP_ID = 'vr-meetup';
const QUESTION = 'Which lantern took longest to build?';
let server: TestServer;
let browser: Browser;
const clients: MeetupClient[] = [];

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A real socket in the meet-up's room, from this process: a second backer, or the host with the operator token. */
async function joinFromHere(token: string): Promise<{ client: MeetupClient; store: AppStore }> {
  const store = createAppStore();
  const client = new MeetupClient({ url: server.url, store, token: () => token, logger: recordingLogger(), socketOptions: { transports: ['websocket'] } });
  clients.push(client);
  client.join(MEETUP_ID);
  await waitFor(() => store.getState().meetup.phase === 'joined', 15_000, `${token === OPERATOR_TOKEN ? 'the host' : 'a backer'} in the room`);
  return { client, store };
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, {
    id: MEETUP_ID,
    title: { en: 'Meet the Keeper in VR', 'zh-CN': '守灯人 VR 见面会' },
    star: { en: 'Lin Yue', 'zh-CN': '林悦' },
    scheduledStart: new Date(Date.now() + 60_000).toISOString(),
    requiredTier: 'gold',
  });
  expect(scheduled.status).toBe(201);
  expect((await api(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.dispose();
  await browser?.close();
  await server?.dispose();
});

interface PageState {
  store: { getState(): { meetup: { phase: string; audience: number }; tour: { locationId: string | null }; media: { status: string } } };
  xr?: { meetup: { facts: string; targets: { id: string; yaw: number; pitch: number }[]; highlighted: string | null; spotlight: string | null; questions: string[]; palette: string | null; sent: Record<string, number>; burst: { spawned: number }; refusal: string } };
}
const state = (page: Page) => page.evaluate(() => {
  const hook = (window as unknown as { __setvisit: PageState }).__setvisit;
  return { meetup: hook.store.getState().meetup, locationId: hook.store.getState().tour.locationId, media: hook.store.getState().media.status, xr: JSON.parse(JSON.stringify(hook.xr ?? null)) as PageState['xr'] | null };
});

/**
 * An XR page with IWER, the backer's code in Web Storage where the app's sign-in keeps it (never in the URL),
 * opened on the meet-up (?meetup=) or, with `onTour`, on the set tour.
 */
async function openXrPage(token: string, lang: 'en' | 'zh-CN', onTour = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  await installIwer(page, { polyfillLayers: false });
  await page.addInitScript((code) => localStorage.setItem('setvisit:backer-token', code), token);
  await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=${lang}${onTour ? '' : `&meetup=${MEETUP_ID}`}`);
  return page;
}

/** Points the right controller at a target of the board or palette, waits until it lights up, pulls the trigger. */
async function select(page: Page, xr: XrPage, id: string): Promise<void> {
  const target = await waitFor(async () => (await state(page)).xr?.meetup.targets.find((t) => t.id === id) ?? null, 15_000, `the target ${id}`);
  await aimRightController(page, target.yaw, target.pitch);
  await waitFor(async () => (await state(page)).xr?.meetup.highlighted === id, 10_000, `${id} under the ray`);
  await setRightTrigger(page, 1);
  await xr.frames(1);
  await setRightTrigger(page, 0);
  await xr.frames(1);
}

describe('a star meet-up in VR', { timeout: 300_000 }, () => {
  it('a gold backer stands on the live stage in VR, reacts from the palette, upvotes on the board and sees the spotlight', async () => {
    const page = await openXrPage('demo-gold', 'en');
    const errors = recordPageErrors(page);
    const xr = new XrPage(page, sampleTour());
    const observer = await joinFromHere('demo-gold');
    const host = await joinFromHere(OPERATOR_TOKEN);
    expect(host.store.getState().meetup.role).toBe('host');

    // Joined from the flat page; the stage's live stream plays through the tour player as location "stage".
    await page.getByTestId('xr-meetup-joined').waitFor({ timeout: 20_000 });
    expect(page.url()).not.toContain('demo-gold');
    await waitFor(async () => {
      const s = await state(page);
      return s.locationId === 'stage' && s.media === 'playing';
    }, 45_000, 'the stage playing');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="enter-vr"]')?.disabled === false, undefined, { timeout: 30_000 });
    await page.getByTestId('enter-vr').click();
    await page.waitForFunction(() => (window as unknown as { __setvisit: { xr?: { presenting: boolean } } }).__setvisit.xr?.presenting === true, undefined, { timeout: 20_000 });
    await xr.frames(5);
    const inVr = await xr.xr();
    expect(inVr).toMatchObject({ presenting: true, views: 2, path: 'sphere' });

    // The stage's video plays in the session: the one unpaused <video>, its time moving on.
    const playing = () => page.evaluate(() => [...document.querySelectorAll('video')].filter((v) => !v.paused).map((v) => ({ time: v.currentTime, muted: v.muted })));
    const before = await playing();
    expect(before).toHaveLength(1);
    await waitFor(async () => ((await playing())[0]?.time ?? 0) > before[0]!.time, 30_000, 'the stage video to advance in the session');
    expect((await state(page)).xr?.meetup.palette).toBe('hand');
    // The board in the room gives the audience and how far behind live the picture is.
    const facts = await waitFor(async () => {
      const f = (await state(page)).xr?.meetup.facts ?? '';
      return /\d+ watching · \d+\.\d s behind live/.test(f) ? f : null;
    }, 30_000, 'the audience and the latency on the board');
    expect(facts).toMatch(/^[1-9]\d* watching/);

    // A heart from the palette on the left controller, chosen with the right controller's ray and trigger: the
    // other backer's socket gets it in the room's reaction window.
    await select(page, xr, 'react:heart');
    await waitFor(() => (observer.store.getState().meetup.totals.heart ?? 0) >= 1, 15_000, 'the heart counted by the server');
    const afterHeart = await state(page);
    expect(afterHeart.xr?.meetup.sent.heart).toBe(1);
    expect(afterHeart.xr?.meetup.burst.spawned).toBeGreaterThan(0);
    saveArtifact('xr-meetup-palette.png', await page.locator('canvas').screenshot());

    // The host's question appears on the board in the room; the backer upvotes it there.
    const asked = await host.client.ask(QUESTION);
    expect(asked.ok).toBe(true);
    const questionId = asked.ok ? asked.question!.id : '';
    await waitFor(async () => (await state(page)).xr?.meetup.questions.includes(questionId), 15_000, 'the question on the board');
    await aimRightController(page, 90, -80);
    await select(page, xr, `upvote:${questionId}`);
    await waitFor(() => observer.store.getState().meetup.questions.find((q) => q.id === questionId)?.votes === 1, 15_000, 'the vote counted by the server');

    // The host spotlights it: the board shows it on top.
    const spotlit = await host.client.moderate(questionId, 'spotlight');
    expect(spotlit.ok).toBe(true);
    await waitFor(async () => (await state(page)).xr?.meetup.spotlight === QUESTION, 15_000, 'the spotlight on the board');
    await aimRightController(page, 90, -80);
    await xr.frames(3);
    saveArtifact('xr-meetup-board.png', Buffer.from((await page.evaluate(() => (window as unknown as { __setvisit: { xr: { surfacePng(n: string): string } } }).__setvisit.xr.surfacePng('board'))).split(',')[1]!, 'base64'));
    saveArtifact('xr-meetup-spotlight.png', await page.locator('canvas').screenshot());

    await xr.exitVr();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('from the set tour in VR, the live meet-up’s entry in the room leads onto the stage, where a suggested question is asked', async () => {
    const page = await openXrPage('demo-gold', 'zh-CN', true);
    const errors = recordPageErrors(page);
    const xr = new XrPage(page, sampleTour());
    const observer = await joinFromHere('demo-gold');
    await xr.enterVr();
    await select(page, xr, `invite:${MEETUP_ID}`);
    await waitFor(async () => {
      const s = await state(page);
      return s.locationId === 'stage' && s.media === 'playing' && s.meetup.phase === 'joined';
    }, 45_000, 'the stage playing in VR');
    expect((await xr.xr()).presenting).toBe(true);
    await aimRightController(page, 90, -80);
    await select(page, xr, 'ask:hardest');
    await waitFor(() => observer.store.getState().meetup.questions.some((q) => q.text === '哪场戏拍起来最难？'), 15_000, 'the suggested question on the server');
    saveArtifact('xr-meetup-board-zh.png', Buffer.from((await page.evaluate(() => (window as unknown as { __setvisit: { xr: { surfacePng(n: string): string } } }).__setvisit.xr.surfacePng('board'))).split(',')[1]!, 'base64'));
    // The board's way back: the set tour again, still in VR, the meet-up's room left.
    await aimRightController(page, 90, -80);
    await select(page, xr, 'leave');
    await xr.waitForLocation(sampleTour().start, 30_000);
    expect((await state(page)).meetup.phase).toBe('idle');
    expect((await xr.xr()).presenting).toBe(true);
    await xr.exitVr();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a supporter-tier backer with the tier that would let them in, on the flat page and in VR', async () => {
    const page = await openXrPage('demo-supporter', 'zh-CN');
    const errors = recordPageErrors(page);
    const xr = new XrPage(page, sampleTour());
    const refusal = page.getByTestId('xr-meetup-refusal');
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toContain('仅限黄金及以上支持者参加；你的支持档位是支持者。');
    expect((await state(page)).meetup.phase).toBe('refused');
    // Nothing of the stage reached this page.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/live/')))).toBe(false);
    saveArtifact('xr-meetup-refused-flat-zh.png', await page.screenshot());

    // In VR the set tour plays, with the refusal on a panel in the room.
    await xr.enterVr();
    await waitFor(async () => (await state(page)).xr?.meetup.refusal.includes('仅限黄金及以上支持者参加') ?? false, 15_000, 'the refusal in VR');
    // Its panel stands in front of the person, at about eye level.
    const panel = (await state(page)).xr?.meetup.targets.find((t) => t.id === 'refusal');
    expect(Math.abs(panel?.yaw ?? 180)).toBeLessThan(20);
    expect(Math.abs(panel?.pitch ?? 90)).toBeLessThan(20);
    saveArtifact('xr-meetup-refused-vr.png', await page.locator('canvas').screenshot());
    await xr.exitVr();
    expect(errors).toEqual([]);
    await page.close();
  });
});
