// The TV as a circle member, in real Chromium (Tizen user agent, remote keys only) against the real server: opened
// with an invite, it joins under "TV" and says so; it follows the host's pause, location change and play; the host
// sees where the TV looks; and the host's "look here" turns the TV's view there, saying who turned it. The host is
// a circle client over a real socket in the test (the desktop member has its own test: circle.test.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient, CirclePresence } from '../../src/circles';
import { launchChromium } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, openTvHome, watchState, type WatchPage } from '../tv/watch/watch-page';

let server: TestServer;
let browser: Browser;
let tv: WatchPage | undefined;
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

const tvDirection = () => tv!.page.evaluate(() => (window as unknown as { __setvisit: { view: { current(): { yaw: number } } } }).__setvisit.view.current().yaw);

describe('a TV in a circle', { timeout: 150_000 }, () => {
  it('joins from an invite, follows pause, location and play, shows where it looks and turns on "look here"', async () => {
    const host = new CircleClient({ url: server.url, token: () => undefined, name: () => 'Ana', device: 'desktop', socketOptions: { transports: ['websocket'] } });
    const aim = { yaw: -120, pitch: 5 };
    const presence = new CirclePresence({ client: host, direction: () => aim, locationNow: () => host.circleTime()?.locationId, sendEveryMs: 100 });
    owned.push(presence, host);
    expect(await host.start({ projectId: PROJECT_ID, locationId: 'backlot', mediaTime: 2, playing: true })).toEqual({ ok: true });
    const code = host.current.view!.code;

    tv = await openTvHome(browser, server.url, `#circle=${code}`);
    await enterWatch(tv);
    const badge = tv.page.getByTestId('tv-circle');
    // Up to 60 s: the circle's chunk loads after the first frame, which a loaded machine was seen to take long over.
    await expect.poll(() => badge.getAttribute('data-circle-status'), { timeout: 60_000 }).toBe('joined');
    await badge.getByText('Watching with Ana’s circle (2)').waitFor();
    expect(host.current.view!.members.map((m) => [m.name, m.device])).toEqual([
      ['Ana', 'desktop'],
      ['TV', 'tv'],
    ]);

    // The host pauses: the TV pauses and says so.
    expect(await host.control({ kind: 'pause' })).toEqual({ ok: true });
    await expect.poll(async () => (await watchState(tv!.page)).paused, { timeout: 10_000 }).toBe(true);
    await badge.getByText('Ana’s circle (2): paused for everyone').waitFor();
    // The host moves: the TV follows to the same place.
    expect(await host.control({ kind: 'location', locationId: 'stage-a', mediaTime: 4 })).toEqual({ ok: true });
    await expect.poll(async () => (await watchState(tv!.page)).location, { timeout: 20_000 }).toBe('stage-a');
    await expect.poll(async () => (await watchState(tv!.page)).time, { timeout: 20_000 }).toBeCloseTo(4, 1);
    // Play: the TV plays again.
    expect(await host.control({ kind: 'play' })).toEqual({ ok: true });
    await expect.poll(async () => (await watchState(tv!.page)).paused, { timeout: 10_000 }).toBe(false);

    // The host sees where the TV looks (its own direction, sent by the TV).
    await expect.poll(() => presence.current.looks.map((l) => l.name), { timeout: 10_000 }).toEqual(['TV']);
    const tvYaw = await tvDirection();
    expect(presence.current.looks[0]!.yaw).toBeCloseTo(tvYaw, 0);

    // "Look here" from the host: the TV's view turns there, and it says who turned it.
    expect(await presence.point()).toEqual({ ok: true });
    await tv.page.getByText('Ana turned the view here').waitFor({ timeout: 10_000 });
    await expect.poll(tvDirection, { timeout: 5_000 }).toBeCloseTo(-120, 0);
    expect(tv.errors).toEqual([]);
  });
});
