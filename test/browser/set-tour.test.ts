// The three-location sample tour in Chromium: hotspots (click and keyboard) and the location list move between
// locations, hovering preloads, each eye's half of stereo footage, the dark back of 180°, captions, live notes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTour } from '../../src/protocol/tour-schema';
import type { Tour } from '../../src/protocol/tour-schema';
import { launchChromium, meanDifference, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const tour: Tour = parsed.tour;
const locationOf = (id: string) => tour.locations.find((l) => l.id === id)!;

let server: TestServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
const requests: string[] = [];

interface TourHook {
  store: { getState(): { tour: { locationId: string }; media: { status: string } } };
  tour: { look: { lookAt(yaw: number, pitch: number): void; yaw: number; pitch: number }; player: { state: { previous: unknown } } };
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  // The sample's Video village is for supporter backers (entitled-media.test.ts covers its lock): this tour walks in.
  await page.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-supporter'));
  pageErrors = recordPageErrors(page);
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Waits until `id` is on screen, playing, with no fade left. */
async function settledAt(id: string): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const hook = (window as unknown as { __setvisit: TourHook }).__setvisit;
      const state = hook.store.getState();
      return state.tour.locationId === want && state.media.status === 'playing' && hook.tour?.player.state.previous === null;
    },
    id,
    { timeout: 30_000 },
  );
}

async function aim(yaw: number, pitch: number): Promise<void> {
  await page.evaluate(([y, p]) => (window as unknown as { __setvisit: TourHook }).__setvisit.tour.look.lookAt(y!, p!), [yaw, pitch]);
  await page.waitForTimeout(250);
}

/** The colour at the centre of the 360 view (the canvas, without overlays). */
async function centreColour(): Promise<[number, number, number]> {
  const box = (await page.locator('canvas').boundingBox())!;
  const png = PNG.sync.read(await page.screenshot({ clip: { x: box.x + box.width / 2 - 2, y: box.y + box.height / 2 - 2, width: 4, height: 4 } }));
  const i = (2 * png.width + 2) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

const isGreen = ([r, g, b]: number[]) => g! > 170 && r! < 110 && b! < 110;
const isMagenta = ([r, g, b]: number[]) => r! > 170 && b! > 170 && g! < 110;
const isYellow = ([r, g, b]: number[]) => r! > 170 && g! > 170 && b! < 110;

describe('set tour in Chromium', { timeout: 90_000 }, () => {
  it('starts at the tour’s start location, at its initial view', async () => {
    await settledAt(tour.start);
    const look = await page.evaluate(() => {
      const { look } = (window as unknown as { __setvisit: TourHook }).__setvisit.tour;
      return { yaw: look.yaw, pitch: look.pitch };
    });
    expect(look).toEqual(locationOf(tour.start).initialView);
    await aim(0, -31.5);
    expect(isYellow(await centreColour())).toBe(true);
  });

  it('preloads a location when its hotspot is hovered, and moves there on click', async () => {
    const from = locationOf(tour.start);
    const hotspot = from.hotspots.find((h) => h.start === undefined)!;
    await aim(hotspot.yaw, hotspot.pitch);
    const button = page.locator(`.hotspot[data-target="${hotspot.target}"]`);
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    const before = await page.locator('canvas').screenshot();
    const target = locationOf(hotspot.target);
    const manifest = new URL(target.stream, server.url).pathname;
    expect(requests).not.toContain(manifest);
    await button.hover();
    await expect.poll(() => requests.includes(manifest), { timeout: 5_000 }).toBe(true);
    await button.click();
    await settledAt(target.id);
    const after = await page.locator('canvas').screenshot();
    saveArtifact(`tour-${target.id}.png`, after);
    expect(meanDifference(before, after)).toBeGreaterThan(5);
    const look = await page.evaluate(() => {
      const { look } = (window as unknown as { __setvisit: TourHook }).__setvisit.tour;
      return { yaw: look.yaw, pitch: look.pitch };
    });
    expect(look).toEqual(target.initialView);
  });

  it('shows the left eye’s half of stereo footage on a flat screen', async () => {
    for (const location of tour.locations.filter((l) => l.stereo !== 'mono')) {
      await page.locator('.locations__item', { hasText: location.name.en! }).click();
      await settledAt(location.id);
      await aim(0, -31.5);
      const colour = await centreColour();
      saveArtifact(`eye-${location.id}.png`, await page.locator('canvas').screenshot());
      expect(isGreen(colour), `${location.id}: ${colour.join(',')}`).toBe(true);
      expect(isMagenta(colour)).toBe(false);
    }
  });

  it('leaves the back of a 180° location dark', async () => {
    const half = tour.locations.find((l) => l.projection === 'equirect180')!;
    await page.locator('.locations__item', { hasText: half.name.en! }).click();
    await settledAt(half.id);
    await aim(180, 0);
    const [r, g, b] = await centreColour();
    expect(r + g + b).toBeLessThan(30);
    await aim(0, 0);
    const [r2, g2, b2] = await centreColour();
    expect(r2 + g2 + b2).toBeGreaterThan(30);
  });

  it('moves through a hotspot with the keyboard: focus, then Enter', async () => {
    const here = await page.evaluate(() => (window as unknown as { __setvisit: TourHook }).__setvisit.store.getState().tour.locationId);
    const hotspot = locationOf(here).hotspots.find((h) => h.start === undefined)!;
    await aim(hotspot.yaw, hotspot.pitch);
    const button = page.locator(`.hotspot[data-target="${hotspot.target}"]`);
    // Hotspots off screen are hidden (and out of the tab order) until the next drawn frame places them.
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await button.focus();
    await expect.poll(() => button.evaluate((el) => el === document.activeElement), { timeout: 2_000 }).toBe(true);
    await page.keyboard.press('Enter');
    await settledAt(hotspot.target);
  });

  it('shows captions in the UI language inside the view', async () => {
    const withCaptions = tour.locations.find((l) => l.captions.some((c) => c.language === 'en'))!;
    await page.locator('.locations__item', { hasText: withCaptions.name.en! }).click();
    await settledAt(withCaptions.id);
    const captions = page.getByTestId('captions');
    await captions.waitFor({ timeout: 15_000 });
    expect((await captions.textContent())?.length).toBeGreaterThan(3);
    expect(await captions.getAttribute('lang')).toBe('en');
    saveArtifact('captions.png', await page.screenshot());
  });

  it('pins a live note pushed through the feed to its spot on the set', async () => {
    const here = await page.evaluate(() => (window as unknown as { __setvisit: TourHook }).__setvisit.store.getState().tour.locationId);
    const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'annotation', annotation: { id: 'scene-45', locationId: here, yaw: 5, pitch: 5, label: { en: 'Scene 45 is being shot here' } } }),
    });
    expect(res.status).toBe(201);
    await aim(0, 0);
    const note = page.locator('[data-annotation="scene-45"]');
    await note.waitFor({ state: 'visible', timeout: 3_000 });
    expect(await note.textContent()).toContain('Scene 45 is being shot here');
    await aim(180, 0);
    await note.waitFor({ state: 'hidden', timeout: 3_000 });
    expect(pageErrors).toEqual([]);
  });
});
