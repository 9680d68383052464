// Where the audience looks, from a headset at a meet-up's stage: in Chromium with IWER's emulated Meta Quest 3
// against the real server (the stage's live HLS, real sockets), a backer enters VR on the live stage and the
// head pose is sampled as the meet-up's look (`meetup:<id>`, live: a turn goes within a second). Four socket
// viewers look north at the stage, so the host's radar shows once the headset is the fifth: it has the headset's
// cell, and follows it when the head turns round. The flat page before VR is no one's view and sends nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellOf } from '../../src/protocol/attention';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { installIwer, turnHead } from '../xr/iwer-harness';
import { readRadar, SocketAudience } from '../helpers/attention-audience';

const MEETUP_ID = 'xr-attention';
const STAGE = `meetup:${MEETUP_ID}`;
let server: TestServer;
let browser: Browser;
let audience: SocketAudience;

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const scheduled = await post(`/api/projects/${PROJECT_ID}/meetups`, { id: MEETUP_ID, title: { en: 'Radar in VR' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'supporter' });
  expect(scheduled.status).toBe(201);
  expect((await post(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
  browser = await launchChromium();
  audience = await SocketAudience.join(server.url, STAGE, [cellOf(0, 0), cellOf(0, 0), cellOf(0, 0), cellOf(0, 0)]);
}, 60_000);

afterAll(async () => {
  audience?.dispose();
  await browser?.close();
  await server?.dispose();
});

/** The app's view direction in whole degrees (the headset's pose while presenting). */
const headsetLook = (page: Page) =>
  page.evaluate(() => {
    const d = (window as unknown as { __setvisit: { view: { current(): { yaw: number; pitch: number; source: string } } } }).__setvisit.view.current();
    return { yaw: Math.round(d.yaw), pitch: Math.round(d.pitch), source: d.source };
  });
const videoTime = (page: Page) => page.evaluate(() => [...document.querySelectorAll('video')].find((v) => !v.paused)?.currentTime ?? 0);
const presenting = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { xr?: { presenting: boolean } } }).__setvisit.xr?.presenting === true);

/** What the radar shows: withheld, or the viewers and how many look at `cell`. */
async function radarAt(cell: number): Promise<string> {
  const radar = await readRadar(server.url, STAGE);
  if (radar.withheld) return 'withheld';
  const looked = (radar.cells ?? []).flatMap((n, c) => (n > 0 ? [`${c}:${n}`] : [])).join(' ');
  return (radar.cells?.[cell] ?? 0) === 1 ? `${radar.viewers} viewers, 1 on the cell` : `${radar.viewers} viewers, ${radar.cells?.[cell] ?? 0} on ${cell} (cells ${looked})`;
}

describe('attention from a headset at a meet-up stage', { timeout: 150_000 }, () => {
  it('samples the head pose on the live stage, for the host radar', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
    const errors = recordPageErrors(page);
    await installIwer(page, { polyfillLayers: false });
    await page.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-supporter'));
    await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=en&meetup=${MEETUP_ID}`);
    await page.getByTestId('xr-meetup-joined').waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => {
        const s = (window as unknown as { __setvisit: { store: { getState(): { tour: { locationId: string | null }; media: { status: string } } } } }).__setvisit.store.getState();
        return s.tour.locationId === 'stage' && s.media.status === 'playing';
      },
      undefined,
      { timeout: 45_000 },
    );
    // The flat preview plays, but nobody looks through it: the radar keeps its four viewers (withheld).
    await page.waitForTimeout(2_500);
    expect(await radarAt(cellOf(0, 0))).toBe('withheld');

    // Looks inside a cell, not on its edge (a cell is 5.625° wide: 90° is where two meet).
    await turnHead(page, 93, 0);
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="enter-vr"]')?.disabled === false, undefined, { timeout: 30_000 });
    await page.getByTestId('enter-vr').click();
    await expect.poll(() => presenting(page), { timeout: 20_000 }).toBe(true);
    // The headset looks east: the fifth viewer, on its own cell.
    expect(await headsetLook(page)).toEqual({ yaw: 93, pitch: 0, source: 'headset' });
    await expect.poll(() => radarAt(cellOf(93, 0)), { timeout: 15_000, interval: 250 }).toBe('5 viewers, 1 on the cell');

    // The head turns round: a live turn goes within a second, and the radar follows. (The sampler counts media
    // time: it waits while the stage's video stands still, as it can for a while in an emulated session on a
    // loaded machine, so the turn comes once the video is seen to move.)
    const playingAt = await videoTime(page);
    await expect.poll(() => videoTime(page), { timeout: 30_000 }).toBeGreaterThan(playingAt + 1);
    await turnHead(page, 177, 0);
    const turnedAt = Date.now();
    await expect.poll(() => radarAt(cellOf(177, 0)), { timeout: 5_000, interval: 100 }).toBe('5 viewers, 1 on the cell');
    console.info(`headset turn → radar: ${Date.now() - turnedAt} ms`);
    expect(errors).toEqual([]);
  });
});
