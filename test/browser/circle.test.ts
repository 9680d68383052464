// Two desktop pages in one circle, in real Chromium against the real server, playing the real 360 HLS footage:
// the host starts the circle from the panel, a friend opens the invite link (code in the fragment) and joins;
// the host pauses, seeks, changes location and plays, and the friend follows; after settling, both pages' media
// time stays within 100 ms of the circle's (p95 over 10 s); a friend whose connection is cut is shown offline,
// rejoins, and resumes at the circle's time.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
let browser: Browser;
let host: Page;
let friend: Page;
const errors: string[][] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  host = await (await browser.newContext({ viewport: { width: 960, height: 600 } })).newPage();
  friend = await (await browser.newContext({ viewport: { width: 960, height: 600 } })).newPage();
  errors.push(recordPageErrors(host), recordPageErrors(friend));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface PageCircle {
  circleTime(): { mediaTime: number; advancing: boolean; locationId: string } | undefined;
  control(action: unknown): Promise<{ ok: boolean }>;
  disconnect(): void;
  reconnect(): void;
  current: { status: string };
}
interface PageHook {
  __setvisit: {
    circle: PageCircle & { current: { view?: { waiting?: unknown } } };
    view: { current(): { yaw: number; pitch: number } };
    tour: {
      look: { lookAt(yaw: number, pitch: number): void }; player: { goTo(id: string): void; state: { current: { location: { id: string }; session: { currentTime: number; duration: number; paused: boolean } } } } } };
}

/**
 * Samples |player − circle| in the page itself every 50 ms for `ms` (no round trip to the test in between, so a busy
 * browser delays no reading), the short way round the footage's loop; also counts the ticks at which the circle held
 * its time for a stalled member (the picture of some page stood still for a second).
 */
const sampleDrift = (page: Page, ms: number) =>
  page.evaluate(
    (windowMs) =>
      new Promise<{ drifts: number[]; held: number }>((resolve) => {
        const { circle, tour } = (window as unknown as PageHook).__setvisit;
        const drifts: number[] = [];
        let held = 0;
        const started = performance.now();
        const timer = setInterval(() => {
          const session = tour.player.state.current.session;
          const target = circle.circleTime()!.mediaTime;
          if (circle.current.view?.waiting) held++;
          const d = session.currentTime - target;
          const loop = session.duration;
          const w = ((d % loop) + loop) % loop;
          drifts.push(Number.isFinite(loop) && loop > 0 ? (w > loop / 2 ? w - loop : w) : d);
          if (performance.now() - started >= windowMs) {
            clearInterval(timer);
            resolve({ drifts, held });
          }
        }, 50);
      }),
    ms,
  );

const status = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.circle?.current.status);
const location = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.state.current.location.id);
const paused = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.state.current.session.paused);

/** The p95 of |drift| on each page over the same `ms`, sampled in the pages; the samples are printed when over 100 ms. */
async function p95Drift(pages: Page[], ms: number): Promise<number[]> {
  const runs = await Promise.all(pages.map((page) => sampleDrift(page, ms)));
  return runs.map(({ drifts, held }, i) => {
    const p95 = drifts.map(Math.abs).sort((a, b) => a - b)[Math.floor(drifts.length * 0.95)]!;
    if (p95 >= 0.1 || process.env.CIRCLE_DEBUG) console.info(`page ${i}: p95 ${(p95 * 1000).toFixed(0)} ms over ${drifts.length} samples, circle held for a stall at ${held}; drift (s): ${drifts.map((d) => d.toFixed(2)).join(' ')}`);
    return p95;
  });
}

describe('a circle of two desktop pages', { timeout: 120_000 }, () => {
  it('starts, invites by link, follows pause, seek, location and play within 100 ms, and survives a cut', async () => {
    await host.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await host.getByRole('button', { name: 'Visit together…' }).click();
    await host.getByLabel('Your name (shown to the circle)').fill('Ana');
    await host.getByRole('button', { name: 'Start a circle' }).click();
    const code = (await host.getByTestId('circle-code').textContent())!;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await host.getByTestId('circle-qr').waitFor();
    const link = await host.getByLabel('Invite link', { exact: true }).inputValue();
    expect(new URL(link).hash).toBe(`#circle=${code}`);

    await friend.goto(link);
    // The invite opened the panel with the code filled in.
    // Up to 60 s: on a machine loaded by other test runs, the page alone was seen to take over 30 s to load the tour.
    const invited = friend.getByLabel('Invite code', { exact: true });
    await invited.waitFor({ timeout: 60_000 });
    expect(await invited.inputValue()).toBe(code);
    await friend.getByLabel('Your name (shown to the circle)').fill('Bo');
    await friend.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => status(friend), { timeout: 15_000 }).toBe('joined');
    await expect.poll(() => host.locator('.circle__members li').count(), { timeout: 5_000 }).toBe(2);

    // Presence: the host turns; the friend's compass shows where she looks. "Look here" offers the friend a turn.
    await host.evaluate(() => (window as unknown as PageHook).__setvisit.tour.look.lookAt(90, 10));
    const anaOnCompass = friend.locator('.circle-compass__marker[data-member="Ana"]');
    await expect.poll(() => anaOnCompass.getAttribute('data-yaw'), { timeout: 5_000 }).toBe('90');
    expect(await anaOnCompass.getAttribute('aria-label')).toMatch(/^Ana looks \d+° to your (right|left)$|^Ana looks where you look$/);
    await host.getByRole('button', { name: 'Look here' }).click();
    await host.getByText('The others are asked to look where you look.').waitFor();
    await friend.getByTestId('circle-cue').getByText('Ana says: look here').waitFor();
    await friend.getByRole('button', { name: 'Turn there' }).click();
    await expect.poll(() => friend.evaluate(() => (window as unknown as PageHook).__setvisit.view.current().yaw), { timeout: 5_000 }).toBeCloseTo(90, 0);
    expect(await friend.getByTestId('circle-cue').count()).toBe(0);
    // Now both look the same way: the friend's compass says so.
    await expect.poll(() => anaOnCompass.getAttribute('aria-label'), { timeout: 5_000 }).toBe('Ana looks where you look');

    await host.getByRole('button', { name: 'Pause for everyone' }).click();
    await expect.poll(() => paused(friend), { timeout: 5_000 }).toBe(true);
    await friend.getByText('Paused for everyone').waitFor();
    // The host moves (as the location list does); the friend follows.
    await host.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.goTo('stage-a'));
    await expect.poll(() => location(friend), { timeout: 10_000 }).toBe('stage-a');
    expect(await location(host)).toBe('stage-a');
    // A seek by the host (the panel's ±10 s would land on the same frame of this 10 s loop).
    expect(await host.evaluate(() => (window as unknown as PageHook).__setvisit.circle.control({ kind: 'seek', mediaTime: 3.5 }))).toEqual({ ok: true });
    await expect.poll(() => friend.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.state.current.session.currentTime), { timeout: 10_000 }).toBeCloseTo(3.5, 1);
    await host.getByRole('button', { name: 'Play for everyone' }).click();
    await expect.poll(() => paused(friend), { timeout: 10_000 }).toBe(false);
    // Settle (the seek lands, the rate takes up what is left: up to 0.8 s left by a seek aimed ahead under load was
    // seen, which ±50 % takes about 2 s to take up), then measure.
    await host.waitForTimeout(5_000);
    const [hostP95, friendP95] = await p95Drift([host, friend], 10_000);
    console.info(`circle drift p95: host ${(hostP95! * 1000).toFixed(0)} ms, friend ${(friendP95! * 1000).toFixed(0)} ms`);
    expect(hostP95).toBeLessThan(0.1);
    expect(friendP95).toBeLessThan(0.1);

    // The friend's connection is cut (the client's socket, as a lost network drops it): offline, shown so.
    await friend.evaluate(() => (window as unknown as PageHook).__setvisit.circle.disconnect());
    await friend.getByText('Offline: reconnecting', { exact: false }).waitFor();
    await host.locator('.circle__members li[data-online="false"]').waitFor();
    expect(await host.evaluate(() => (window as unknown as PageHook).__setvisit.circle.control({ kind: 'seek', mediaTime: 7 }))).toEqual({ ok: true });
    await friend.evaluate(() => (window as unknown as PageHook).__setvisit.circle.reconnect());
    await expect.poll(() => status(friend), { timeout: 10_000 }).toBe('joined');
    await host.waitForTimeout(3_000);
    const [afterCut] = await p95Drift([friend], 3_000);
    expect(afterCut).toBeLessThan(0.1);
    expect(errors.flat()).toEqual([]);
  });
});
