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
  __setvisit: { circle: PageCircle; tour: { player: { goTo(id: string): void; state: { current: { location: { id: string }; session: { currentTime: number; duration: number; paused: boolean } } } } } };
}

/** |player − circle| on the page itself (no round trip in between), the short way round the footage's loop. */
const drift = (page: Page) =>
  page.evaluate(() => {
    const { circle, tour } = (window as unknown as PageHook).__setvisit;
    const session = tour.player.state.current.session;
    const target = circle.circleTime()!.mediaTime;
    const d = session.currentTime - target;
    const loop = session.duration;
    if (!Number.isFinite(loop) || loop <= 0) return Math.abs(d);
    const w = ((d % loop) + loop) % loop;
    return w > loop / 2 ? w - loop : w;
  });

const status = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.circle?.current.status);
const location = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.state.current.location.id);
const paused = (page: Page) => page.evaluate(() => (window as unknown as PageHook).__setvisit.tour.player.state.current.session.paused);

async function p95Drift(pages: Page[], ms: number): Promise<number[]> {
  const samples: number[][] = pages.map(() => []);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const now = await Promise.all(pages.map(drift));
    now.forEach((d, i) => samples[i]!.push(d));
    await new Promise((r) => setTimeout(r, 100));
  }
  if (process.env.CIRCLE_DEBUG) console.info(samples.map((s) => s.map((d) => d.toFixed(2)).join(' ')).join('\n'));
  return samples.map((s) => s.map(Math.abs).sort((a, b) => a - b)[Math.floor(s.length * 0.95)]!);
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
    expect(await friend.getByLabel('Invite code', { exact: true }).inputValue()).toBe(code);
    await friend.getByLabel('Your name (shown to the circle)').fill('Bo');
    await friend.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => status(friend), { timeout: 15_000 }).toBe('joined');
    await expect.poll(() => host.locator('.circle__members li').count(), { timeout: 5_000 }).toBe(2);

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
    // Settle (the seek lands, the rate takes up what is left), then measure.
    await host.waitForTimeout(3_000);
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
