// The circle across the three shells, in real Chromium against the real server, playing the real 360 HLS footage:
// a desktop page starts a circle; a TV page (Tizen user agent, remote keys only) opens the invite and enters the
// set with OK; a headset page (IWER's emulated Meta Quest 3) opens the invite and enters VR. The host pauses,
// changes location, seeks and plays: the other two follow. After settling, every member's media time stays within
// 100 ms of the circle's (p95 over 10 s, sampled in the pages). The host's "look here" turns the TV's view (saying
// who turned it) and shows the cue in VR. The TV's connection is cut: it says so, rejoins, and resumes at the
// circle's time. The pages are small, at half density (the TV and the headset 640×360, the desktop 960×540, above
// the phone layout, whose panel folds in a circle): SwiftShader draws three 360 views on two shared cores.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { focusedId, openTvHome, watchState, type WatchPage } from '../tv/watch/watch-page';
import { TIZEN_UA } from '../tv/watch/tv-remote';
import { installIwer, turnHead } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

let server: TestServer;
let browser: Browser;


const SMALL = { width: 640, height: 360 };
/** Half-density screens: the 360 views draw a quarter of the pixels, in software, on a machine shared with others. */
const DENSITY = 0.5;

/**
 * IWER (the WebXR emulator) clears the canvas before each XR frame and reads the GL clear values back with
 * getParameter first, a synchronous round trip to the GPU process that waits for every queued draw of the page:
 * with three software-drawn pages that blocked the headset page's main thread 1-3 s a frame, so neither its
 * follower nor the test's sampler ran. A headset has no emulator: here the clear values are kept as they are set,
 * and read back from there, so the emulator's clear no longer waits on the GPU.
 */
const KEEP_CLEAR_VALUES = `(() => {
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const kept = new WeakMap();
    const state = (gl) => kept.get(gl) ?? (kept.set(gl, { color: new Float32Array([0, 0, 0, 0]), depth: 1, stencil: 0 }), kept.get(gl));
    const { clearColor, clearDepth, clearStencil, getParameter } = proto;
    proto.clearColor = function (r, g, b, a) { state(this).color = new Float32Array([r, g, b, a]); return clearColor.call(this, r, g, b, a); };
    proto.clearDepth = function (d) { state(this).depth = d; return clearDepth.call(this, d); };
    proto.clearStencil = function (s) { state(this).stencil = s; return clearStencil.call(this, s); };
    proto.getParameter = function (p) {
      if (p === this.COLOR_CLEAR_VALUE) return new Float32Array(state(this).color);
      if (p === this.DEPTH_CLEAR_VALUE) return state(this).depth;
      if (p === this.STENCIL_CLEAR_VALUE) return state(this).stencil;
      return getParameter.call(this, p);
    };
  }
})();`;
type Shell = 'desktop' | 'tv' | 'headset';

interface Hook {
  __setvisit: {
    store: { getState(): { tour: { locationId: string | null } } };
    circle?: {
      current: { status: string; view?: { members: { name: string; online: boolean }[]; waiting?: unknown } };
      circleTime(): { mediaTime: number; advancing: boolean; locationId: string } | undefined;
      control(action: unknown): Promise<{ ok: boolean }>;
      disconnect(): void;
      reconnect(): void;
    };
    tour?: { look: { lookAt(yaw: number, pitch: number): void }; player: { goTo(id: string): void; state: { current: { session: { currentTime: number; duration: number; paused: boolean } } } } };
    view: { current(): { yaw: number; pitch: number } };
    xrCircle?: { cue: { name: string; yaw: number; pitch: number } | null };
  };
}

/** One reading of a page: its player and location, and the circle's time as that page's client has it. */
const playback = (page: Page, shell: Shell) =>
  page.evaluate(
    (shell) => {
      const hook = (window as unknown as Hook).__setvisit;
      // The desktop's player through its tour hook, the TV's and the headset's from the <video> it plays into.
      const player = shell === 'desktop' ? hook.tour!.player.state.current.session : document.querySelector<HTMLVideoElement>(shell === 'tv' ? '.watch video' : 'section[data-presenting] video');
      const circle = hook.circle?.circleTime();
      return { time: player?.currentTime ?? NaN, duration: player?.duration ?? NaN, paused: player?.paused ?? null, location: hook.store.getState().tour.locationId, circleTime: circle?.mediaTime ?? NaN, status: hook.circle?.current.status };
    },
    shell,
  );

/** Player minus circle (s), the short way round the looping footage (as the follower measures it). */
const loopDrift = ({ time, circleTime, duration }: { time: number; circleTime: number; duration: number }) => {
  const d = time - circleTime;
  if (!Number.isFinite(duration) || duration <= 0) return d;
  const w = ((d % duration) + duration) % duration;
  return w > duration / 2 ? w - duration : w;
};

/**
 * Samples |player − circle| in the page itself every 50 ms for `ms` (no round trip to the test in between, so a
 * busy browser delays no reading), the short way round the footage's loop; also counts the ticks at which the
 * circle held its time for a stalled member.
 */
const sampleDrift = (page: Page, shell: Shell, ms: number) =>
  page.evaluate(
    ({ shell, windowMs }) =>
      new Promise<{ drifts: number[]; held: number }>((resolve) => {
        const hook = (window as unknown as Hook).__setvisit;
        // As in playback() above (a page function cannot share code with another).
        const read = () => (shell === 'desktop' ? hook.tour!.player.state.current.session : document.querySelector<HTMLVideoElement>(shell === 'tv' ? '.watch video' : 'section[data-presenting] video'));
        const drifts: number[] = [];
        let held = 0;
        const started = performance.now();
        const timer = setInterval(() => {
          const player = read();
          const circle = hook.circle?.circleTime();
          if (hook.circle?.current.view?.waiting) held++;
          if (player && circle) {
            const d = player.currentTime - circle.mediaTime;
            const loop = player.duration;
            const w = ((d % loop) + loop) % loop;
            drifts.push(Number.isFinite(loop) && loop > 0 ? (w > loop / 2 ? w - loop : w) : d);
          } else drifts.push(NaN);
          if (performance.now() - started >= windowMs) {
            clearInterval(timer);
            resolve({ drifts, held });
          }
        }, 50);
      }),
    { shell, windowMs: ms },
  );

/** The p95 of |drift| on each page over the same `ms`, sampled in the pages; the samples are printed when over 100 ms. */
async function p95Drift(members: [Shell, Page][], ms: number, what: string): Promise<Record<Shell, number>> {
  const runs = await Promise.all(members.map(([shell, page]) => sampleDrift(page, shell, ms)));
  const out = {} as Record<Shell, number>;
  runs.forEach(({ drifts, held }, i) => {
    const shell = members[i]![0];
    // A missing reading (no player, no circle time) counts as far off.
    const sorted = drifts.map((d) => (Number.isNaN(d) ? Infinity : Math.abs(d))).sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    out[shell] = p95;
    if (p95 >= 0.1 || process.env.CIRCLE_DEBUG) console.info(`${what} ${shell}: p95 ${(p95 * 1000).toFixed(0)} ms over ${drifts.length} samples, circle held for a stall at ${held}; drift (s): ${drifts.map((d) => d.toFixed(2)).join(' ')}`);
  });
  console.info(`${what} drift p95: ${Object.entries(out).map(([shell, p]) => `${shell} ${(p * 1000).toFixed(0)} ms`).join(', ')}`);
  return out;
}

/**
 * Run on its own (`npm run test:circle-proof`), not in `npm test`: three software-drawn 360 pages on two cores beside
 * the suite's other browser tests stall one another's decoders for 0.2-0.5 s at segment edges, and enough of those
 * in one 10 s window take a p95 over 100 ms that no player could keep (it passed 3 runs of 8 at load 11-20, every
 * run alone). The limit stays; the machine is what the proof needs quiet.
 */
const PROOF = process.env.SETVISIT_CIRCLE_PROOF === '1';

describe.runIf(PROOF)('a circle of a desktop, a TV and a headset', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    server = await startTestServer({ serveApp: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('follows the host within 100 ms on every shell, carries "look here" to the other two, and survives a cut', async () => {
    const started = performance.now();
    // The desktop starts the circle.
    const desktop = await browser.newPage({ viewport: { width: 960, height: 540 }, deviceScaleFactor: DENSITY });
    const desktopErrors = recordPageErrors(desktop);
    await desktop.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    // Up to 60 s: the panel's chunk loads after the first frame, which a loaded machine was seen to take long over.
    await desktop.getByRole('button', { name: 'Visit together…' }).click({ timeout: 60_000 });
    await desktop.getByLabel('Your name (shown to the circle)').fill('Ana');
    await desktop.getByRole('button', { name: 'Start a circle' }).click();
    const code = (await desktop.getByTestId('circle-code').textContent({ timeout: 15_000 }))!.trim();
    const link = await desktop.getByLabel('Invite link', { exact: true }).inputValue();
    const hostControl = (action: unknown) => desktop.evaluate((a) => (window as unknown as Hook).__setvisit.circle!.control(a), action);
    const members = () => desktop.evaluate(() => (window as unknown as Hook).__setvisit.circle!.current.view?.members.map((m) => `${m.name}:${m.online ? 'on' : 'off'}`));

    // The TV opens the invite and enters the set with OK (remote keys only).
    const tvContext = await browser.newContext({ userAgent: TIZEN_UA, viewport: SMALL, deviceScaleFactor: DENSITY });
    const tv: WatchPage = await openTvHome(browser, server.url, `#circle=${code}`, { context: tvContext });
    // OK on "Watch the set" (enterWatch's check that the time moves on would trip on the circle's seek).
    await expect.poll(() => focusedId(tv.page), { timeout: 5_000 }).toBe('home-watch');
    await tv.remote.press('ok');
    // Up to 60 s: the watch screen's chunk took over 20 s to come on a machine at load 20.
    await tv.page.locator('.watch[data-view]').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await watchState(tv.page)).media, { timeout: 30_000 }).toBe('playing');
    const badge = tv.page.getByTestId('tv-circle');
    // Up to 60 s: the circle's chunk loads after the first frame.
    const tvJoined = await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 60_000 }).toBe('joined').then(() => true, () => false);
    if (!tvJoined) console.info(`TV not joined: ${JSON.stringify(await tv.page.evaluate(() => (window as unknown as Hook).__setvisit.circle?.current))}`);
    expect(tvJoined).toBe(true);

    // The headset opens the invite (its own user agent would choose the XR shell; here ?mode=xr does) and enters VR.
    const headset = await browser.newPage({ viewport: SMALL, deviceScaleFactor: DENSITY });
    const headsetErrors = recordPageErrors(headset);
    await headset.addInitScript({ content: KEEP_CLEAR_VALUES });
    await installIwer(headset, { polyfillLayers: false });
    const invite = new URL(link);
    invite.searchParams.set('mode', 'xr');
    invite.searchParams.set('lang', 'en');
    await headset.goto(invite.href);
    await headset.getByTestId('xr-circle').and(headset.locator('[data-circle-status="joined"]')).waitFor({ timeout: 60_000 });
    const xr = new XrPage(headset, sampleTour());
    await xr.enterVr();
    await turnHead(headset, 0, 0);
    await expect.poll(members, { timeout: 10_000 }).toEqual(['Ana:on', 'TV:on', 'Headset:on']);
    const pages: [Shell, Page][] = [
      ['desktop', desktop],
      ['tv', tv.page],
      ['headset', headset],
    ];
    const all = async () => Promise.all(pages.map(([shell, page]) => playback(page, shell)));
    console.info(`circle-three-shells: all three in the circle after ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // The host pauses: everyone pauses.
    expect(await hostControl({ kind: 'pause' })).toEqual({ ok: true });
    await expect.poll(async () => (await all()).map((p) => p.paused), { timeout: 10_000 }).toEqual([true, true, true]);
    await badge.getByText('Ana’s circle (3): paused for everyone').waitFor({ timeout: 5_000 });
    await headset.getByTestId('xr-circle-state').getByText('Paused for everyone').waitFor({ timeout: 5_000 });
    // The host moves (as the location list does): everyone follows to the same place.
    await desktop.evaluate(() => (window as unknown as Hook).__setvisit.tour!.player.goTo('stage-a'));
    await expect.poll(async () => (await all()).map((p) => p.location), { timeout: 20_000 }).toEqual(['stage-a', 'stage-a', 'stage-a']);
    // The host seeks (a 10 s loop: the panel's ±10 s would land on the same frame): everyone lands there, paused.
    expect(await hostControl({ kind: 'seek', mediaTime: 3.5 })).toEqual({ ok: true });
    // (Each member says where it stands if it is not there.)
    await expect.poll(async () => (await all()).map((p) => (Math.abs(p.time - 3.5) < 0.1 && p.paused ? 'there' : `at ${p.time.toFixed(2)} s, ${p.paused ? 'paused' : 'playing'}, circle ${p.circleTime.toFixed(2)} s`)), { timeout: 15_000 }).toEqual(['there', 'there', 'there']);
    // Play: everyone plays.
    expect(await hostControl({ kind: 'play' })).toEqual({ ok: true });
    await expect.poll(async () => (await all()).map((p) => p.paused), { timeout: 10_000 }).toEqual([false, false, false]);
    // Settle, then measure on all three at once. 8 s: right after play, the three pages fetch and decode at once and
    // stalls of 0.2-0.6 s were seen for up to 3 s after a 5 s settle on a loaded machine; the rate takes each up.
    await desktop.waitForTimeout(8_000);
    const together = await p95Drift(pages, 10_000, 'together');
    for (const [shell] of pages) expect(together[shell], `${shell}'s drift p95 (s)`).toBeLessThan(0.1);

    // "Look here" from the desktop: the TV's view turns there and says who turned it; the headset gets the cue.
    await desktop.evaluate(() => (window as unknown as Hook).__setvisit.tour!.look.lookAt(90, 10));
    const lookHere = desktop.getByRole('button', { name: 'Look here' });
    await lookHere.click();
    await tv.page.getByText('Ana turned the view here').waitFor({ timeout: 10_000 });
    await expect.poll(() => tv.page.evaluate(() => (window as unknown as Hook).__setvisit.view.current().yaw), { timeout: 5_000 }).toBeCloseTo(90, 0);
    const cue = await waitFor(async () => headset.evaluate(() => (window as unknown as Hook).__setvisit.xrCircle?.cue ?? null), 10_000, 'the cue in VR');
    expect(cue).toMatchObject({ name: 'Ana', yaw: 90, pitch: 10 });

    // The TV's connection is cut (its client's socket, as a lost network drops it): it says so, the host sees it
    // offline; meanwhile the host seeks. Back online, the TV rejoins and resumes at the circle's time.
    await tv.page.evaluate(() => (window as unknown as Hook).__setvisit.circle!.disconnect());
    await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 5_000 }).toBe('offline');
    await expect.poll(members, { timeout: 10_000 }).toEqual(['Ana:on', 'TV:off', 'Headset:on']);
    expect(await hostControl({ kind: 'seek', mediaTime: 7 })).toEqual({ ok: true });
    // Where the cut TV stands against the circle it no longer hears (printed if it does not come back).
    const hostTime = await desktop.evaluate(() => (window as unknown as Hook).__setvisit.circle!.circleTime()!.mediaTime);
    const cut = { ...(await playback(tv.page, 'tv')), circleTime: hostTime };
    await tv.page.evaluate(() => (window as unknown as Hook).__setvisit.circle!.reconnect());
    await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 10_000 }).toBe('joined');
    await expect.poll(members, { timeout: 10_000 }).toEqual(['Ana:on', 'TV:on', 'Headset:on']);
    // Measured as above (p95 over 10 s): over a shorter window one stall of a loaded machine decides it alone.
    await tv.page.waitForTimeout(3_000);
    const afterCut = await p95Drift([['tv', tv.page]], 10_000, 'after the cut');
    expect(afterCut.tv, `the TV's drift p95 after rejoining (s); it stood ${loopDrift(cut).toFixed(2)} s off the circle while cut`).toBeLessThan(0.1);

    await xr.exitVr();
    expect(desktopErrors).toEqual([]);
    expect(tv.errors).toEqual([]);
    expect(headsetErrors).toEqual([]);
    console.info(`circle-three-shells: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
