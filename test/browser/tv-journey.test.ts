// The TV journey in real Chromium with key events only, as a Samsung (Tizen) and an LG (webOS) set send them:
// home → timeline → watch the set → a hotspot by D-pad, media keys, pan with held arrows → Back to home (focus back
// where it was) → Back asks before exit → "Stay" keeps the app. A milestone posted meanwhile shows as a toast without taking the focus. The modern first screen loads
// no three.js/R3F/hls.js chunk. The webOS run goes at 4× CPU throttling.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, meanDifference, pixelStats, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, postMilestone, startTestServer, type TestServer } from '../helpers/test-server';
import { readManifest, sourcesOf } from '../tv/build-output';
import { TvRemote, WEBOS_UA } from '../tv/watch/tv-remote';
import { backLeaves, enterWatch, openTvHome, selectHotspotWithDpad, watchState, type WatchPage } from '../tv/watch/watch-page';
import { focusState, pressKey, type RemoteKey, type TvProfile, TIZEN, WEBOS } from './tv-remote';

let server: TestServer;
let browser: Browser;
/** Chunks that carry three.js, R3F or hls.js: none may load before "Watch the set". */
let viewOnlyChunks: string[];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  const view = ['/node_modules/three/', '/node_modules/@react-three/', '/node_modules/hls.js/'];
  viewOnlyChunks = Object.values(readManifest())
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js') && (sourcesOf(file) ?? []).some((source) => view.some((lib) => source.includes(lib))));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Journey {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  errors: string[];
  scripts: string[];
  press: (key: RemoteKey) => Promise<void>;
}

async function openTv(profile: TvProfile, options: { throttle?: number } = {}): Promise<Journey> {
  const context = await browser.newContext({ userAgent: profile.userAgent, viewport: { width: 1280, height: 720 } });
  // A stand-in for the vendor API where the set has one (Tizen): records key registration and the exit call.
  if (profile.name === 'tizen') {
    await context.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { __tizenCalls: string[] }).__tizenCalls = calls;
      (window as unknown as { tizen: unknown }).tizen = {
        tvinputdevice: { registerKeyBatch: (keys: string[], ok?: () => void) => (calls.push(`register:${keys.join(',')}`), ok?.()) },
        application: { getCurrentApplication: () => ({ exit: () => calls.push('exit') }) },
      };
    });
  }
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.slice(1));
  });
  const cdp = await context.newCDPSession(page);
  if (options.throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle });
  // No ?mode=tv: the user agent alone must open the TV shell.
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
  return { context, page, cdp, errors, scripts, press: (key) => pressKey(cdp, profile, key) };
}

async function expectFocus(page: Page, test: (id: string) => boolean, what: string): Promise<string> {
  await expect.poll(async () => {
    const state = await focusState(page);
    return state.focusedCount === 1 && state.activeId !== null && state.activeId === state.focusedId && test(state.activeId);
  }, { timeout: 10_000, message: `focus should be on ${what}, is ${JSON.stringify(await focusState(page))}` }).toBe(true);
  return (await focusState(page)).activeId as string;
}

/** From the "Watch the set" button down into the timeline, with arrows only. */
async function intoTimeline(journey: Journey): Promise<string> {
  await journey.press('down');
  for (let i = 0; i < 6 && !((await focusState(journey.page)).activeId ?? '').startsWith('milestone-'); i++) await journey.press('right');
  return expectFocus(journey.page, (id) => id.startsWith('milestone-'), 'a timeline item');
}

async function runJourney(profile: TvProfile, throttle?: number): Promise<void> {
  const journey = await openTv(profile, throttle ? { throttle } : {});
  const { page, press } = journey;
  await page.getByTestId('tv-shell').waitFor({ timeout: 30_000 });
  await page.getByTestId('tv-backers').waitFor({ timeout: 20_000 });
  await expectFocus(page, (id) => id === 'home-watch', 'the Watch the set button');
  expect(await page.locator('[data-testid=tv-connection][data-status=live]').count()).toBe(1);

  // The timeline scrolls with the D-pad, one item per press.
  const first = await intoTimeline(journey);
  await press('down');
  const second = await expectFocus(page, (id) => id.startsWith('milestone-') && id !== first, 'the next timeline item');
  await press('down');
  const third = await expectFocus(page, (id) => id.startsWith('milestone-') && id !== second, 'the third timeline item');

  // A milestone posted now arrives as a toast; the focus does not move.
  const title = `Scene ${profile.name} 45 wrapped`;
  const posted = await postMilestone(server.url, { kind: 'scene-wrapped', title: { en: title, 'zh-CN': '第 45 场杀青' } });
  expect(posted.status).toBe(201);
  await page.getByTestId('tv-toasts').getByText(title).waitFor({ timeout: 10_000 });
  expect((await focusState(page)).activeId).toBe(third);
  // The toast comes from the feed client's arrival event; the timeline from the store, written on the next frame.
  await page.getByTestId('tv-timeline').getByText(title).waitFor({ timeout: 5_000 });
  expect(await page.getByTestId('tv-timeline').getByText(title).count()).toBe(1);
  expect((await focusState(page)).activeId).toBe(third);
  saveArtifact(`tv-${profile.name}-home-toast.png`, await page.screenshot());

  // Nothing of the 360 view has loaded on the first screen.
  expect(journey.scripts.filter((file) => viewOnlyChunks.includes(file))).toEqual([]);

  // Watch the set: Tizen with its Play key from the timeline, webOS (no media keys on the Magic Remote) through
  // the on-screen button with the D-pad and OK.
  if (profile.name === 'tizen') {
    await press('play');
  } else {
    // Up from the timeline to the header's row of actions (the nearest above may be another of them), then left
    // along it to the first.
    for (let i = 0; i < 10; i++) {
      const at = (await focusState(page)).activeId;
      if (at === 'home-watch') break;
      await press(at === 'home-meetups' || at === 'home-pair' ? 'left' : 'up');
    }
    await expectFocus(page, (id) => id === 'home-watch', 'the Watch the set button');
    await press('ok');
  }
  await page.locator('[data-testid=tv-shell][data-screen=watch]').waitFor({ timeout: 10_000 });
  await expect.poll(async () => page.evaluate(() => Boolean(document.activeElement?.closest('.tv-watch'))), { timeout: 20_000 }).toBe(true);
  // The focus ring's mark follows the DOM focus by a render: on a loaded machine the first read can fall between.
  await expect.poll(async () => (await focusState(page)).focusedCount, { timeout: 5_000 }).toBe(1);

  // The 360 view (its own tests: test/browser/tv-watch*.test.ts) with this platform's keys: held arrows pan, the
  // media keys pause and play, a hotspot is focused and selected with the D-pad. SwiftShader renders the sphere on
  // the CPU, so throttling ends here: the first screen above ran at the throttled rate.
  if (throttle) await journey.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const watch: WatchPage = { context: journey.context, page, remote: await TvRemote.for(page, profile.name), errors: journey.errors };
  await page.locator('.watch[data-view]').waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await watchState(page)).media, { timeout: 30_000 }).toBe('playing');
  const started = (await watchState(page)).time;
  await expect.poll(async () => (await watchState(page)).time, { timeout: 15_000 }).toBeGreaterThan(started + 0.5);
  // A hotspot first, while the view still faces it: OK shows the overlay, up reaches the hotspot, OK goes there.
  await selectHotspotWithDpad(watch, `tv-journey-${profile.name}`);
  // Pause (media key), hold right: the picture changes by the view alone. Then Play resumes.
  await watch.remote.press('pause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
  await page.waitForTimeout(300);
  const before = await page.screenshot();
  expect(pixelStats(before).litShare).toBeGreaterThan(0.8);
  await watch.remote.hold('right', 700);
  await page.waitForTimeout(300);
  expect(meanDifference(before, await page.screenshot())).toBeGreaterThan(5);
  await watch.remote.press('play');
  await expect.poll(async () => (await watchState(page)).paused).toBe(false);
  expect((await focusState(page)).focusedCount).toBe(1);
  saveArtifact(`tv-${profile.name}-watch.png`, await page.screenshot());

  // Back to home, focus where the family left it.
  await press('back');
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 10_000 });
  const restored = profile.name === 'tizen' ? third : 'home-watch';
  await expectFocus(page, (id) => id === restored, `${restored} (where the family was)`);

  // Back on home asks first; "Stay" is focused; the D-pad stays inside the prompt.
  await press('back');
  await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
  await expectFocus(page, (id) => id === 'exit-no', 'Stay');
  await press('up');
  await expectFocus(page, (id) => id === 'exit-no', 'Stay (the prompt keeps the D-pad)');
  await press('right');
  await expectFocus(page, (id) => id === 'exit-yes', 'Exit');
  await press('left');
  await expectFocus(page, (id) => id === 'exit-no', 'Stay');
  saveArtifact(`tv-${profile.name}-exit-prompt.png`, await page.screenshot());
  await press('ok');
  await expect.poll(() => page.getByTestId('tv-exit-prompt').count(), { timeout: 5_000 }).toBe(0);
  await expectFocus(page, (id) => id === restored, 'the item focused before Back');
  expect(page.isClosed()).toBe(false);
  expect(await page.getByTestId('tv-shell').count()).toBe(1);

  if (profile.name === 'tizen') {
    const calls = await page.evaluate(() => (window as unknown as { __tizenCalls: string[] }).__tizenCalls);
    expect(calls[0]).toMatch(/^register:.*MediaPlay/);
    expect(calls).not.toContain('exit');
    // "Exit" really leaves, through Tizen's application API.
    await press('back');
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
    await press('right');
    await press('ok');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __tizenCalls: string[] }).__tizenCalls.includes('exit')), { timeout: 5_000 }).toBe(true);
  }
  expect(journey.errors).toEqual([]);
  await journey.context.close();
}

describe('TV journey with the remote only', { timeout: 180_000 }, () => {
  it('Tizen: key codes (Back 10009, Play 415) and a Samsung user agent', async () => {
    await runJourney(TIZEN);
  });

  it('webOS: key codes (Back 461) and an LG user agent, at 4× CPU throttling', async () => {
    await runJourney(WEBOS, 4);
  });

  it('leaves a held Back and the keys it does not use to the TV, and says how to leave when the browser stays', async () => {
    const context = await browser.newContext({ userAgent: TIZEN.userAgent, viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      const seen: [number, boolean][] = [];
      (window as unknown as { __keys: [number, boolean][] }).__keys = seen;
      window.addEventListener('keydown', (event) => setTimeout(() => seen.push([event.keyCode, event.defaultPrevented]), 0));
    });
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    await expectFocus(page, (id) => id === 'home-watch', 'the Watch the set button');
    // A held Return (auto-repeat: Tizen's long press leaves to the TV), Samsung's Exit key (10182), volume up (447).
    const back = TIZEN.keys.back;
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: back.key, windowsVirtualKeyCode: back.keyCode, autoRepeat: true });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'XF86Exit', windowsVirtualKeyCode: 10182 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'AudioVolumeUp', windowsVirtualKeyCode: 447 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __keys: [number, boolean][] }).__keys.length)).toBe(3);
    expect(await page.evaluate(() => (window as unknown as { __keys: [number, boolean][] }).__keys)).toEqual([
      [10009, false],
      [10182, false],
      [447, false],
    ]);
    expect(await page.getByTestId('tv-exit-prompt').count()).toBe(0);
    await expectFocus(page, (id) => id === 'home-watch', 'the Watch the set button');

    // No Tizen API here and a window the browser will not close: "Exit" keeps the app and says how to leave.
    await pressKey(cdp, TIZEN, 'back');
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
    await pressKey(cdp, TIZEN, 'right');
    await pressKey(cdp, TIZEN, 'ok');
    await page.getByTestId('tv-toasts').getByText('To leave, press your remote’s Home or Exit button.').waitFor({ timeout: 5_000 });
    await expectFocus(page, (id) => id === 'home-watch', 'the Watch the set button');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the packaged webOS app: Back (461) closes the overlay first, then the screen, and leaves only from home through platformBack', async () => {
    const context = await browser.newContext({ userAgent: WEBOS_UA, viewport: { width: 1280, height: 720 } });
    // What the webOS runtime gives a packaged web app whose appinfo.json sets disableBackHistoryAPI (as
    // `npm run package:tv` writes it): PalmSystem in the page, Back as a keydown with keyCode 461, and no
    // history.back() of its own. Each 461 records whether the page took it; platformBack records the exit.
    await context.addInitScript(() => {
      const record = { taken: [] as boolean[], platformBack: 0, historyBacks: 0 };
      (window as unknown as { __webos: typeof record }).__webos = record;
      (window as unknown as { PalmSystem: object }).PalmSystem = { platformBack: () => (record.platformBack += 1) };
      const back = history.back.bind(history);
      history.back = () => {
        record.historyBacks += 1;
        back();
      };
      window.addEventListener('keydown', (event) => {
        if (event.keyCode === 461) setTimeout(() => record.taken.push(event.defaultPrevented), 0);
      });
    });
    const watch = await openTvHome(browser, server.url, '&tv360=flat', { context, platform: 'webos' });
    const { page, remote } = watch;
    const webos = () => page.evaluate(() => (window as unknown as { __webos: { taken: boolean[]; platformBack: number; historyBacks: number } }).__webos);
    await enterWatch(watch);
    // Overlay open: Back closes it and the family keeps watching; panning: Back goes home, focus where it was.
    await backLeaves(watch);
    expect((await webos()).historyBacks).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('tv-exit-prompt').count()).toBe(0);
    // Home: Back asks first; "Stay" keeps the app, "Exit" hands control back to webOS.
    await remote.press('back');
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
    await remote.press('ok');
    await page.getByTestId('tv-exit-prompt').waitFor({ state: 'detached', timeout: 5_000 });
    expect((await webos()).platformBack).toBe(0);
    await remote.press('back');
    await page.getByTestId('tv-exit-prompt').waitFor({ timeout: 5_000 });
    await remote.press('right');
    await remote.press('ok');
    await expect.poll(async () => (await webos()).platformBack, { timeout: 5_000 }).toBe(1);
    saveArtifact('tv-webos-packaged-back.png', await page.screenshot());
    // Every Back key was the app's (none left for the runtime), and only the app's own screen change moved history.
    const record = await webos();
    expect(record.taken).toEqual([true, true, true, true]);
    expect(record.historyBacks).toBe(1);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
