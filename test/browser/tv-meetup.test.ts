// Star meet-ups on a TV with the remote only, in real Chromium against the real server (in-process, real sockets,
// SQLite, its live HLS): a gold backer opens "Meet-ups" from home with the D-pad (at 4× CPU throttling, as a TV), the
// live 360 stage plays and its live edge moves, they react with a colour key and with the on-screen button (counted
// by the server: its stored reactions timeline), ask a suggested question, walk the question board with up/down and
// upvote one with OK; the host (a real host socket) spotlights a question and the TV shows it; Back closes the room,
// then the list, with the focus back on "Meet-ups". A backer without a code types one on the on-screen keypad and,
// at the supporter tier, is refused with the reason in Chinese. Key events go through CDP with the sets' key codes.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetupApi } from '../../src/meetup/meetup-api';
import { MeetupClient } from '../../src/meetup/meetup-client';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { keypadRows } from '../../src/tv/meetup';
import { recordingLogger } from '../helpers/feed-client';
import { launchChromium, pixelStats, recordPageErrors, saveArtifact } from '../helpers/browser';
import { SAMPLE_MEETUP_ID } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { focusState, pressKey, TIZEN, WEBOS, type RemoteKey, type TvProfile } from './tv-remote';

const MEETUP_ID = 'tv-meetup';
const ENDED_ID = 'tv-meetup-ended';
const OTHER_BACKER = 'tv-meetup-other-gold';
const OTHER_QUESTIONS = ['Did the lanterns really stay lit all night?', 'Which crew member made you laugh most?', 'Will there be a sequel?'];
/** Tizen's colour keys: key name and keyCode as a Samsung set sends them. */
const RED = { key: 'ColorF0Red', keyCode: 403 };

let server: TestServer;
let browser: Browser;
let api: MeetupApi;
const clients: MeetupClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  api = new MeetupApi(server.url);
  const scheduled = await api.schedule(
    PROJECT_ID,
    { id: MEETUP_ID, title: { en: 'Meet the Keeper on TV', 'zh-CN': '电视上的守灯人见面会' }, star: { en: 'Lin Yue', 'zh-CN': '林悦' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'gold' },
    OPERATOR_TOKEN,
  );
  expect(scheduled.ok).toBe(true);
  expect((await api.start(MEETUP_ID, OPERATOR_TOKEN)).ok).toBe(true);
  // A meet-up already over: its replay (VOD) and the reactions it had.
  expect((await api.schedule(PROJECT_ID, { id: ENDED_ID, title: { en: 'Yesterday with the Keeper' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() - 60_000).toISOString(), requiredTier: 'gold' }, OPERATOR_TOKEN)).ok).toBe(true);
  expect((await api.start(ENDED_ID, OPERATOR_TOKEN)).ok).toBe(true);
  expect((await api.end(ENDED_ID, OPERATOR_TOKEN)).ok).toBe(true);
  await server.storage.ensureBackerToken(OTHER_BACKER, { label: 'Another gold backer', tier: 'gold', projects: [PROJECT_ID] });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.dispose();
  await browser?.close();
  await server?.dispose();
});

/** A real room socket (another backer, or the host with the operator token), joined. */
async function roomSocket(token: string): Promise<{ client: MeetupClient; store: AppStore }> {
  const store = createAppStore();
  const client = new MeetupClient({ url: server.url, store, token: () => token, logger: recordingLogger(), socketOptions: { transports: ['websocket'] } });
  clients.push(client);
  client.join(MEETUP_ID);
  await waitFor(() => store.getState().meetup.phase === 'joined', 10_000, 'a room socket to join');
  return { client, store };
}

interface Tv {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
  press: (key: RemoteKey) => Promise<void>;
}

async function openTv(profile: TvProfile, lang: 'en' | 'zh-CN', code?: string): Promise<Tv> {
  const context = await browser.newContext({ userAgent: profile.userAgent, viewport: { width: 1280, height: 720 } });
  // A TV that was given the backer code before: it is in Web Storage, where the app's sign-in keeps it.
  if (code) await context.addInitScript((token) => localStorage.setItem('setvisit:backer-token', token), code);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
  return { context, page, cdp, errors, press: (key) => pressKey(cdp, profile, key) };
}

async function expectFocus(page: Page, test: (id: string) => boolean, what: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const state = await focusState(page);
        return state.focusedCount === 1 && state.activeId !== null && state.activeId === state.focusedId && test(state.activeId);
      },
      { timeout: 15_000, message: `focus should be on ${what}, is ${JSON.stringify(await focusState(page))}` },
    )
    .toBe(true);
  return (await focusState(page)).activeId as string;
}

/** Presses `key` until the focus satisfies `test` (at most `limit` presses). */
async function pressUntil(tv: Tv, key: RemoteKey, test: (id: string) => boolean, limit = 8): Promise<void> {
  for (let i = 0; i < limit && !test((await focusState(tv.page)).activeId ?? ''); i++) await tv.press(key);
}

/** From home: right to "Meet-ups", OK, and the list with the live meet-up focused first. */
async function openMeetups(tv: Tv): Promise<void> {
  await tv.page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
  await expectFocus(tv.page, (id) => id === 'home-watch', 'Watch the set');
  await tv.press('right');
  await expectFocus(tv.page, (id) => id === 'home-meetups', 'Meet-ups');
  await tv.press('ok');
  await tv.page.locator('[data-testid=tv-shell][data-screen=meetups]').waitFor({ timeout: 10_000 });
  await expectFocus(tv.page, (id) => id === `meetup-card-${MEETUP_ID}`, 'the live meet-up (listed first)');
}

interface RoomProbe {
  phase: string;
  live: { edgeSeconds: number; currentSeconds: number } | null;
  totals: Record<string, number>;
  questions: { id: string; text: string; votes: number }[];
  spotlight: { text: string } | null;
}
const room = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { meetup: RoomProbe } } } }).__setvisit.store.getState().meetup);

/** Types `text` on the on-screen keypad with arrows and OK only, steering by the keys' positions on screen. */
async function typeOnKeypad(tv: Tv, text: string): Promise<void> {
  const alphabet = keypadRows(false).flat().join('');
  for (const char of text) {
    expect(alphabet).toContain(char);
    const target = `keypad-${char}`;
    await steerTo(tv, target, `the keypad's “${char}”`);
    await tv.press('ok');
  }
}

/** Moves the focus to `target` with arrows only, steering by the keys' positions on screen. */
async function steerTo(tv: Tv, target: string, what: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
      const step = await tv.page.evaluate((targetId) => {
        const from = document.activeElement?.getBoundingClientRect();
        const to = document.querySelector(`[data-focus-id="${targetId}"]`)?.getBoundingClientRect();
        if (!from || !to) return 'lost';
        const dy = to.top + to.height / 2 - (from.top + from.height / 2);
        const dx = to.left + to.width / 2 - (from.left + from.width / 2);
        if (Math.abs(dy) > from.height / 2) return dy > 0 ? 'down' : 'up';
        if (Math.abs(dx) > from.width / 2) return dx > 0 ? 'right' : 'left';
        return 'here';
      }, target);
      if (step === 'here') break;
      expect(step).not.toBe('lost');
      await tv.press(step as RemoteKey);
  }
  await expectFocus(tv.page, (id) => id === target, what);
}

describe('star meet-ups on a TV, remote only', { timeout: 240_000 }, () => {
  it('a gold backer opens the live meet-up with the D-pad, reacts, asks, walks and upvotes the board, sees the spotlight; Back returns home', async () => {
    const other = await roomSocket(OTHER_BACKER);
    for (const text of OTHER_QUESTIONS) expect((await other.client.ask(text, 'Mei')).ok).toBe(true);

    const tv = await openTv(TIZEN, 'en', 'demo-gold');
    const { page } = tv;
    await openMeetups(tv);
    saveArtifact('tv-meetup-list.png', await page.screenshot());
    await tv.press('ok');
    await page.locator('[data-testid=tv-meetup-room][data-state=live]').waitFor({ timeout: 20_000 });
    expect(page.url()).not.toContain('demo-gold');
    await expectFocus(page, (id) => id === 'meetup-react-heart', 'the heart reaction');
    // SwiftShader renders the sphere on the CPU: throttling ends once the TV's own screens have been driven.
    await tv.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // The live stage plays through the watch screen's view; its live edge and the playhead move.
    await page.locator('.tv-meetup-stage .watch[data-view]').waitFor({ timeout: 30_000 });
    const first = await waitFor(async () => (await room(page)).live, 45_000, 'a live position');
    await waitFor(
      async () => {
        const live = (await room(page)).live;
        return live !== null && live.edgeSeconds > first.edgeSeconds && live.currentSeconds > first.currentSeconds;
      },
      45_000,
      'the live edge and the playhead to move',
    );
    await expect.poll(() => page.getByTestId('tv-meetup-latency').textContent(), { timeout: 10_000 }).toMatch(/^\d+\.\d s$/);
    await expect.poll(async () => Number(await page.getByTestId('tv-meetup-audience').textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

    // React: the red key (a heart) from wherever the focus is, then the on-screen flowers with the D-pad and OK.
    await tv.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: RED.key, windowsVirtualKeyCode: RED.keyCode, nativeVirtualKeyCode: RED.keyCode });
    await tv.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: RED.key, windowsVirtualKeyCode: RED.keyCode, nativeVirtualKeyCode: RED.keyCode });
    await tv.press('right');
    await expectFocus(page, (id) => id === 'meetup-react-flower', 'the flowers reaction');
    await tv.press('ok');
    // The server counted both: its stored reactions timeline (what the replay shows), and the room's totals.
    await expect
      .poll(
        async () => {
          const timeline = await api.reactionTimeline(MEETUP_ID, OPERATOR_TOKEN);
          return timeline.ok ? { heart: timeline.value.totals.heart ?? 0, flower: timeline.value.totals.flower ?? 0 } : null;
        },
        { timeout: 15_000 },
      )
      .toEqual({ heart: 1, flower: 1 });
    await expect.poll(() => page.getByTestId('tv-reaction-total-heart').textContent(), { timeout: 10_000 }).toBe('1');
    const burst = await page.evaluate(() => (window as unknown as { __setvisit: { reactionBurst?: { stats: { frames: number } } } }).__setvisit.reactionBurst?.stats.frames ?? 0);
    expect(burst).toBeGreaterThan(0);

    saveArtifact('tv-meetup-live.png', await page.screenshot());

    // Ask the star: the suggestions dialog, D-pad down to the second one, OK sends it.
    // Up from the reactions to the stage, right from the stage to the board's column, up to "Ask the star".
    await tv.press('up');
    await expectFocus(page, (id) => id === 'meetup-stage', 'the stage');
    await tv.press('right');
    await expectFocus(page, (id) => id === 'meetup-ask' || id.startsWith('meetup-q-'), 'the question board');
    await pressUntil(tv, 'up', (id) => id === 'meetup-ask');
    await expectFocus(page, (id) => id === 'meetup-ask', 'Ask the star');
    await tv.press('ok');
    await page.getByTestId('tv-ask-dialog').waitFor({ timeout: 5_000 });
    await expectFocus(page, (id) => id === 'meetup-suggest-0', 'the first suggestion');
    await tv.press('down');
    await expectFocus(page, (id) => id === 'meetup-suggest-1', 'the second suggestion');
    saveArtifact('tv-meetup-ask.png', await page.screenshot());
    await tv.press('ok');
    await expect.poll(() => page.getByTestId('tv-ask-dialog').count(), { timeout: 10_000 }).toBe(0);
    const asked = 'What was the hardest day on set?';
    await expect.poll(async () => (await room(page)).questions.some((q) => q.text === asked), { timeout: 10_000 }).toBe(true);
    await expectFocus(page, (id) => id === 'meetup-ask', 'Ask the star again');

    // The board with the D-pad: down into it, then one question per press in the board's order.
    await tv.press('down');
    const top = await expectFocus(page, (id) => id.startsWith('meetup-q-'), 'the first question');
    const order = (await room(page)).questions.map((q) => `meetup-q-${q.id}`);
    expect(order).toHaveLength(4);
    expect(top).toBe(order[0]);
    await tv.press('down');
    await expectFocus(page, (id) => id === order[1], 'the second question');
    await tv.press('down');
    await expectFocus(page, (id) => id === order[2], 'the third question');
    // OK upvotes the focused question: the server's count comes back to the TV and the other backer.
    const voted = order[2]!.slice('meetup-q-'.length);
    await tv.press('ok');
    await expect.poll(async () => (await room(page)).questions.find((q) => q.id === voted)?.votes, { timeout: 10_000 }).toBe(1);
    await waitFor(() => other.store.getState().meetup.questions.find((q) => q.id === voted)?.votes === 1, 10_000, 'the vote to reach the other backer');
    // The voted question moved to the top of the board; the focus stayed with it.
    await expectFocus(page, (id) => id === `meetup-q-${voted}`, 'the upvoted question, wherever it moved');
    expect((await room(page)).questions[0]?.id).toBe(voted);
    await tv.press('up');
    await expectFocus(page, (id) => id === 'meetup-ask', 'Ask the star (off the top of the board)');
    saveArtifact('tv-meetup-board.png', await page.screenshot());

    // The host spotlights the TV's question from a real host socket; the TV shows it over the stage.
    const host = await roomSocket(OPERATOR_TOKEN);
    expect(host.store.getState().meetup.role).toBe('host');
    const mine = (await room(page)).questions.find((q) => q.text === asked)!;
    expect((await host.client.moderate(mine.id, 'spotlight')).ok).toBe(true);
    await page.getByTestId('tv-meetup-spotlight').getByText(asked).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const shot = await page.screenshot();
    expect(pixelStats(shot).colours).toBeGreaterThan(50);
    saveArtifact('tv-meetup-live-spotlight.png', shot);
    expect((await focusState(page)).focusedCount).toBe(1);

    // The stage: OK on it, held arrows look around, Back ends looking (and does not leave the room).
    await pressUntil(tv, 'left', (id) => id === 'meetup-stage');
    await expectFocus(page, (id) => id === 'meetup-stage', 'the stage');
    await tv.press('ok');
    await page.locator('[data-testid=tv-meetup-stage][data-looking=true]').waitFor({ timeout: 5_000 });
    await tv.press('back');
    await page.locator('[data-testid=tv-meetup-stage][data-looking=false]').waitFor({ timeout: 5_000 });
    expect(await page.locator('[data-testid=tv-shell][data-screen=meetup]').count()).toBe(1);

    // Back closes the room (the socket leaves: the audience drops), Back again leaves the list to home.
    const audience = await waitFor(() => other.store.getState().meetup.audience, 5_000, 'the audience count');
    await tv.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=meetups]').waitFor({ timeout: 10_000 });
    await expectFocus(page, (id) => id === `meetup-card-${MEETUP_ID}`, 'the meet-up card it was opened from');
    await waitFor(() => other.store.getState().meetup.audience < audience, 10_000, 'the TV to leave the room');
    await tv.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await expectFocus(page, (id) => id === 'home-meetups', 'Meet-ups, where the family left home');
    expect(await page.getByTestId('tv-exit-prompt').count()).toBe(0);
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });

  it('a TV without a code types one on the keypad; a supporter is refused with the tier needed, in Chinese (webOS keys)', async () => {
    const tv = await openTv(WEBOS, 'zh-CN');
    const { page } = tv;
    await openMeetups(tv);
    await tv.press('ok');
    await page.getByTestId('tv-backer-code').waitFor({ timeout: 20_000 });
    await expectFocus(page, (id) => id === 'keypad-a', 'the keypad');
    await typeOnKeypad(tv, 'demo-supporter');
    expect(await page.getByTestId('tv-backer-code-value').textContent()).toBe('demo-supporter');
    // Down from the middle of the digits reaches the short row below it ("-" and "_"), not the controls past it.
    await steerTo(tv, 'keypad-5', 'the keypad\'s “5”');
    await tv.press('down');
    await expectFocus(page, (id) => id === 'keypad--' || id === 'keypad-_', 'the short row (- _)');
    saveArtifact('tv-meetup-keypad-zh.png', await page.screenshot());
    await pressUntil(tv, 'down', (id) => id.startsWith('keypad-') && ['keypad-shift', 'keypad-delete', 'keypad-clear', 'keypad-submit'].includes(id));
    await pressUntil(tv, 'right', (id) => id === 'keypad-submit');
    await expectFocus(page, (id) => id === 'keypad-submit', '打开 (Open)');
    await tv.press('ok');

    const refusal = page.getByTestId('tv-meetup-refusal').filter({ hasText: '这场见面会面向更高档位的支持者' });
    await refusal.waitFor({ timeout: 20_000 });
    expect(await refusal.textContent()).toContain('仅限黄金及以上支持者参加；你的支持档位是支持者。');
    expect((await room(page)).phase).toBe('refused');
    // Stored where the app keeps it, never in the URL; nothing of the stage was fetched.
    expect(await page.evaluate(() => localStorage.getItem('setvisit:backer-token'))).toBe('demo-supporter');
    expect(page.url()).not.toContain('demo-supporter');
    expect(await page.locator('.tv-meetup-stage').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/live/')))).toBe(false);
    await expectFocus(page, (id) => id === 'meetup-back', 'Back');
    saveArtifact('tv-meetup-refused-zh.png', await page.screenshot());

    await tv.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=meetups]').waitFor({ timeout: 10_000 });
    await tv.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await expectFocus(page, (id) => id === 'home-meetups', 'Meet-ups');
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
  it('a scheduled meet-up counts down and takes a reminder; an ended one plays its replay with the media keys (in Chinese)', async () => {
    const tv = await openTv(TIZEN, 'zh-CN', 'demo-gold');
    const { page } = tv;
    await openMeetups(tv);
    // Live across the top, then scheduled (the demo's) and ended in the row below: Down goes into the row, Right
    // walks it, Up goes back to the live one.
    await tv.press('down');
    await expectFocus(page, (id) => id === `meetup-card-${SAMPLE_MEETUP_ID}`, 'the scheduled meet-up');
    await tv.press('up');
    await expectFocus(page, (id) => id === `meetup-card-${MEETUP_ID}`, 'the live meet-up above');
    await tv.press('down');
    await expectFocus(page, (id) => id === `meetup-card-${SAMPLE_MEETUP_ID}`, 'the scheduled meet-up again');
    await tv.press('ok');
    await page.getByTestId('tv-meetup-countdown').waitFor({ timeout: 20_000 });
    await expectFocus(page, (id) => id === 'meetup-remind', 'Add to my TV');
    await expect.poll(() => page.getByRole('timer').textContent(), { timeout: 5_000 }).toMatch(/^\d\d:\d\d:\d\d$/);
    await tv.press('ok');
    await page.getByText('开始时会在这里提醒你。').waitFor({ timeout: 5_000 });
    saveArtifact('tv-meetup-countdown-zh.png', await page.screenshot());
    await tv.press('back');
    await expectFocus(page, (id) => id === `meetup-card-${SAMPLE_MEETUP_ID}`, 'the card it was opened from');

    await tv.press('right');
    await expectFocus(page, (id) => id === `meetup-card-${ENDED_ID}`, 'the ended meet-up');
    await tv.press('ok');
    await page.locator('[data-testid=tv-meetup-room][data-state=ended]').waitFor({ timeout: 20_000 });
    await page.getByTestId('tv-meetup-replay').getByText('回放 · 见面会期间共 0 次互动').waitFor();
    await expectFocus(page, (id) => id === 'meetup-stage', 'the replay stage');
    await tv.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const video = () => page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('.tv-meetup-stage video');
      return v ? { time: v.currentTime, paused: v.paused } : null;
    });
    const started = await waitFor(async () => ((await video())?.time ?? 0) > 0.5 && (await video()), 45_000, 'the replay to play');
    expect(started.paused).toBe(false);
    // Pause with the media key, play again with the on-screen button (remotes without media keys).
    const pause = { key: 'Unidentified', windowsVirtualKeyCode: 19, nativeVirtualKeyCode: 19 };
    await tv.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...pause });
    await tv.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...pause });
    await expect.poll(async () => (await video())?.paused, { timeout: 5_000 }).toBe(true);
    await pressUntil(tv, 'down', (id) => id.startsWith('meetup-replay-'));
    await pressUntil(tv, 'right', (id) => id === 'meetup-replay-play');
    await expectFocus(page, (id) => id === 'meetup-replay-play', 'the on-screen Play');
    saveArtifact('tv-meetup-replay-zh.png', await page.screenshot());
    await tv.press('ok');
    await expect.poll(async () => (await video())?.paused, { timeout: 5_000 }).toBe(false);
    await tv.press('back');
    await tv.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await expectFocus(page, (id) => id === 'home-meetups', 'Meet-ups');
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
  it('the list says when it cannot load (Try again focused) and when there are no meet-ups (Back focused)', async () => {
    const tv = await openTv(WEBOS, 'en');
    const { page } = tv;
    let answer: { status: number; body: unknown } = { status: 503, body: { error: { code: 'unavailable', message: 'The platform is down for maintenance' } } };
    await page.route(`**/api/projects/${PROJECT_ID}/meetups`, (route) => route.fulfill({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) }));
    await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    await tv.press('right');
    await expectFocus(page, (id) => id === 'home-meetups', 'Meet-ups');
    await tv.press('ok');
    await page.getByTestId('tv-meetup-list-error').getByText('The meet-ups could not be loaded: The platform is down for maintenance').waitFor({ timeout: 20_000 });
    await expectFocus(page, (id) => id === 'meetup-list-retry', 'Try again');
    saveArtifact('tv-meetup-list-error.png', await page.screenshot());
    answer = { status: 200, body: { meetups: [] } };
    await tv.press('ok');
    await page.getByText('No meet-ups are planned for this project yet.').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('tv-meetup-list-empty').getByRole('heading').textContent()).toBe('No meet-ups yet');
    await expectFocus(page, (id) => id === 'meetup-list-back', 'Back');
    await tv.press('ok');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
    await expectFocus(page, (id) => id === 'home-meetups', 'Meet-ups');
    expect(tv.errors).toEqual([]);
    await tv.context.close();
  });
});
