// Opening a lock with a backer code keeps the viewer where they were: the sign-in loads the tour again with a new
// pass (so a new player), and that player starts at the location and the moment the viewer was at — not at the
// tour's start, from the top. Then the location the code opened plays. Real Chromium, real server, the demo code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTour } from '../../src/protocol/tour-schema';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const gated = parsed.tour.locations.find((l) => l.tier)!;
// Not the start, so that "where the viewer was" differs from where a new player would begin.
const elsewhere = parsed.tour.locations.find((l) => l.id !== parsed.tour.start && !l.tier)!;

let server: TestServer;
let browser: Browser;

interface Session {
  currentTime: number;
  pause(): void;
  seek(seconds: number): void;
}
interface Hook {
  store: { getState(): { tour: { locationId: string }; media: { status: string } }; subscribe(listener: (state: { tour: { locationId: string } }) => void): () => void };
  tour: { player: { state: { current: { location: { id: string }; session: Session } } } };
  visited?: string[];
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('opening a lock with a code', { timeout: 90_000 }, () => {
  it('resumes at the same location and moment, then the opened location plays', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = recordPageErrors(page);
    const playingAt = (id: string) =>
      page.waitForFunction(
        (want) => {
          const state = (window as unknown as { __setvisit: Hook }).__setvisit.store.getState();
          return state.tour.locationId === want && state.media.status === 'playing';
        },
        id,
        { timeout: 45_000 },
      );
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en&hls=js`);
    await playingAt(parsed.tour.start);
    await page.locator('.locations__item', { hasText: elsewhere.name.en! }).click();
    await playingAt(elsewhere.id);
    // A moment far from the footage's start (it loops every 10 s), held while the code is typed: the viewer paused.
    const moment = 6.5;
    await page.evaluate((t) => {
      const session = (window as unknown as { __setvisit: Hook }).__setvisit.tour.player.state.current.session;
      session.pause();
      session.seek(t);
    }, moment);
    await page.waitForFunction((t) => Math.abs((window as unknown as { __setvisit: Hook }).__setvisit.tour.player.state.current.session.currentTime - t) < 0.1, moment, { timeout: 5_000 });

    await page.locator(`.locations__item[data-locked="${gated.tier}"]`).click();
    const lock = page.getByTestId('locked-location');
    await lock.waitFor({ timeout: 5_000 });
    // Every location the page shows from here on, in order.
    await page.evaluate(() => {
      const hook = (window as unknown as { __setvisit: Hook }).__setvisit;
      hook.visited = [];
      hook.store.subscribe((state) => {
        if (hook.visited!.at(-1) !== state.tour.locationId) hook.visited!.push(state.tour.locationId);
      });
    });
    await lock.getByLabel('Backer code').fill('demo-supporter');
    await lock.getByRole('button', { name: 'Open' }).click();

    // The tour loads again with a pass (the list no longer marks the location locked) and a new player takes over.
    await page.locator('.locations__item', { hasText: gated.name.en! }).and(page.locator(':not([data-locked])')).waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().media.status === 'playing', undefined, { timeout: 45_000 });
    const resumed = await page.evaluate(() => {
      const hook = (window as unknown as { __setvisit: Hook }).__setvisit;
      const { location, session } = hook.tour.player.state.current;
      return { location: location.id, time: session.currentTime, visited: hook.visited };
    });
    // Same location, never the start in between, and the same moment (give or take the time it has played since).
    expect(resumed.location).toBe(elsewhere.id);
    expect(resumed.visited).not.toContain(parsed.tour.start);
    expect(resumed.time, `resumed at ${resumed.time.toFixed(2)} s, paused at ${moment} s`).toBeGreaterThanOrEqual(moment - 0.3);
    expect(resumed.time).toBeLessThan(moment + 3);

    // And the location the code opened plays.
    await page.locator('.locations__item', { hasText: gated.name.en! }).click();
    await playingAt(gated.id);
    expect(await page.getByTestId('locked-location').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
