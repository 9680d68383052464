// Where the audience looks, from a TV: "Watch the set" samples the view direction through the same sampler as the
// other shells, in the flat-pan view and in the WebGL sphere, turned with the remote's held arrows (Tizen key
// codes and user agent). Four socket viewers look north at the start location so that the radar shows (five is
// the floor); the TV's look arrives on it as the cell the TV faces. The notice says, in the family's language,
// that anonymous directions are collected, and its switch (the overlay's last row, under the buttons) is reached
// and turned off with the D-pad and OK, while Up from the controls still reaches the hotspots over the picture: the
// choice is remembered, the TV leaves the radar at once and sends nothing more.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellOf } from '../../src/protocol/attention';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { enterWatch, focusedId, openTvHome, watchState, type WatchPage } from '../tv/watch/watch-page';
import { readRadar, SocketAudience } from '../helpers/attention-audience';

const LOCATION = 'backlot';
let server: TestServer;
let browser: Browser;
let audience: SocketAudience;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  audience = await SocketAudience.join(server.url, LOCATION, [cellOf(0, 0), cellOf(0, 0), cellOf(0, 0), cellOf(0, 0)]);
}, 60_000);

afterAll(async () => {
  audience?.dispose();
  await browser?.close();
  await server?.dispose();
});

interface Direction {
  yaw: number;
  pitch: number;
  source: string;
}
const direction = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __setvisit: { view: { current(): Direction } } }).__setvisit.view.current() }));
const samplerStats = (page: Page) =>
  page.evaluate(() => {
    const sampler = (window as unknown as { __setvisit: { attention?: { stats: { samples: number; reportsSent: number } } } }).__setvisit.attention;
    return sampler ? { ...sampler.stats } : null;
  });

/** Pans right with the held arrow while the video plays, then pauses with the remote: the batch goes at the pause. */
async function panThenPause({ page, remote }: WatchPage): Promise<Direction> {
  // Turned until the TV faces a cell of its own (the socket viewers look north): on a loaded machine a held arrow
  // turns the view by what the frames drawn while it is held add up to, which can be less than a cell, or nothing
  // when it comes before the view takes keys. Each hold is given the time to show.
  const north = cellOf(0, 0);
  const before = await direction(page);
  for (let i = 0; i < 5 && cellOf((await direction(page)).yaw, (await direction(page)).pitch) === north; i++) {
    await remote.hold('right', 900);
    await page.waitForTimeout(300);
  }
  const turned = await direction(page);
  expect(cellOf(turned.yaw, turned.pitch), `the view turned from yaw ${before.yaw} to ${turned.yaw}`).not.toBe(north);
  // Samples at the new look (the sampler takes one every 500 ms of play) before the pause sends them.
  const t0 = (await watchState(page)).time;
  await expect.poll(async () => (await watchState(page)).time, { timeout: 15_000 }).toBeGreaterThan(t0 + 1.2);
  await remote.press('pause');
  await expect.poll(async () => (await watchState(page)).paused).toBe(true);
  return direction(page);
}

/** The radar shows five viewers, one of them (the TV) on `cell`. */
async function tvOnTheRadar(cell: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const radar = await readRadar(server.url, LOCATION);
        return radar.withheld ? 'withheld' : `${radar.viewers} viewers, ${radar.cells?.[cell] ?? 0} on the TV's cell`;
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe('5 viewers, 1 on the TV\'s cell');
}

describe('attention on a TV', { timeout: 150_000 }, () => {
  it('the flat-pan view samples where the remote turns it; the notice and its switch work with the D-pad', async () => {
    const watch = await openTvHome(browser, server.url, '&mode=tv&tv360=flat');
    const { page, remote } = watch;
    await enterWatch(watch);
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('flat');
    // Told at once after the picture starts, with where to switch it off.
    const notice = page.getByTestId('attention-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toBe('Anonymous viewing directions are collected, so the production sees where the audience looks.You can switch it off in the menu (OK).');
    expect(await notice.getAttribute('data-opted-out')).toBe('false');
    // The watch chunk brought the sampler; none of it is on the first screen (test/tv/tv-build.test.ts).
    await expect.poll(() => samplerStats(page), { timeout: 10_000 }).not.toBeNull();

    // In the overlay the notice is the control bar's last row: Down from the buttons reaches its switch, and the
    // switch is off the way up. From it, Up goes through the buttons to the scrub bar, and from the scrub bar
    // straight to a hotspot over the picture (what Up reaches without the notice). Before any pan: Stage A's
    // hotspot is straight ahead.
    await remote.press('ok');
    await expect.poll(() => focusedId(page)).toBe('watch-play');
    await page.getByTestId('attention-switch').waitFor({ timeout: 10_000 });
    saveArtifact('tv-attention-overlay.png', await page.screenshot());
    for (let i = 0; i < 4 && (await focusedId(page)) !== 'watch-attention'; i++) await remote.press('down');
    expect(await focusedId(page)).toBe('watch-attention');
    const path: (string | null)[] = [];
    for (let i = 0; i < 6 && !path.at(-1)?.startsWith('watch-hotspot-'); i++) {
      await remote.press('up');
      path.push(await focusedId(page));
    }
    expect(path.at(-1), `Up from the switch went ${path.join(' → ')}`).toMatch(/^watch-hotspot-backlot-/);
    expect(path.at(-2), `Up from the switch went ${path.join(' → ')}`).toBe('watch-scrub');
    expect(path).not.toContain('watch-attention');
    await remote.press('back');
    await page.locator('.watch[data-overlay=false]').waitFor();

    const look = await panThenPause(watch);
    expect(look.source).not.toBe('none');
    await tvOnTheRadar(cellOf(look.yaw, look.pitch));

    // Off with the remote: OK opens the overlay, where the notice is the control bar's last row; Down from the
    // buttons moves the one focus to its switch, OK turns it off.
    await remote.press('ok');
    await expect.poll(() => focusedId(page)).toBe('watch-play');
    await page.getByTestId('attention-switch').waitFor({ timeout: 10_000 });
    for (let i = 0; i < 4 && (await focusedId(page)) !== 'watch-attention'; i++) await remote.press('down');
    expect(await focusedId(page)).toBe('watch-attention');
    expect(await page.getByTestId('attention-switch').textContent()).toBe('Share where I look: on');
    await remote.press('ok');
    await expect.poll(() => notice.getAttribute('data-opted-out')).toBe('true');
    expect(await page.getByTestId('attention-switch').textContent()).toBe('Share where I look: off');
    expect(await page.evaluate(() => localStorage.getItem('setvisit:attention:off'))).toBe('1');
    // The TV leaves the radar at once (four viewers: withheld) and, playing on and turning, sends nothing.
    await expect.poll(async () => (await readRadar(server.url, LOCATION)).withheld, { timeout: 5_000, interval: 250 }).toBe(true);
    const sentBefore = (await samplerStats(page))!;
    await remote.press('back');
    await remote.press('play');
    await expect.poll(async () => (await watchState(page)).paused).toBe(false);
    await remote.hold('left', 600);
    const t0 = (await watchState(page)).time;
    await expect.poll(async () => (await watchState(page)).time, { timeout: 15_000 }).toBeGreaterThan(t0 + 1.5);
    await remote.press('pause');
    await expect.poll(async () => (await watchState(page)).paused).toBe(true);
    expect(await samplerStats(page)).toEqual(sentBefore);
    expect((await readRadar(server.url, LOCATION)).withheld).toBe(true);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });

  it('the WebGL sphere samples through the same sampler', async () => {
    // The opted-out TV's socket is gone; the four socket viewers still look north.
    const watch = await openTvHome(browser, server.url, '&mode=tv');
    const { page } = watch;
    await enterWatch(watch);
    expect(await page.locator('.watch').getAttribute('data-view')).toBe('webgl');
    const look = await panThenPause(watch);
    await tvOnTheRadar(cellOf(look.yaw, look.pitch));
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
