// "Watch the set" when things are not simple, on a TV with remote keys only: a project without a tour, a broken
// tour file, a stream that is missing and then comes back. Each state is said in words, and the one focus sits
// on something that gets the family further (Back, Retry).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';
import { focusedId, shot, watchState } from '../tv/watch/watch-page';
import { TIZEN_UA, TvRemote } from '../tv/watch/tv-remote';

const scenesDir = mkdtempSync(join(tmpdir(), 'setvisit-tv-scenes-'));
let server: TestServer;
let browser: Browser;

function tourFor(projectId: string, stream: string) {
  return {
    id: `${projectId}-tour`,
    projectId,
    title: { en: 'Test tour' },
    start: 'stage',
    locations: [{ id: 'stage', name: { en: 'Stage' }, stream, projection: 'equirect360', initialView: { yaw: 0, pitch: 0 } }],
  };
}

beforeAll(async () => {
  writeFileSync(join(scenesDir, 'tv-late-stream.json'), JSON.stringify(tourFor('tv-late-stream', '/scenes/streams/tv-late/master.m3u8')));
  writeFileSync(join(scenesDir, 'tv-broken-tour.json'), JSON.stringify({ ...tourFor('tv-broken-tour', '/x.m3u8'), start: 'nowhere' }));
  server = await startTestServer({ serveApp: true, scenesDir });
  for (const id of ['tv-late-stream', 'tv-empty', 'tv-broken-tour']) await server.storage.ensureProject({ ...SAMPLE_PROJECT, id, title: { en: `Project ${id}` } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  rmSync(scenesDir, { recursive: true, force: true });
});

async function openWatch(project: string) {
  const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: { width: 960, height: 540 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/?project=${project}&lang=en`);
  await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 20_000 });
  const remote = await TvRemote.for(page);
  await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('home-watch');
  await remote.press('ok');
  return { context, page, remote };
}

describe('TV watch screen states', { timeout: 90_000 }, () => {
  it('says a project has no tour yet, with Back focused; OK on it goes home', async () => {
    const { context, page, remote } = await openWatch('tv-empty');
    await page.getByText('This project has no set tour yet.').waitFor({ timeout: 10_000 });
    await expect.poll(() => focusedId(page)).toBe('watch-bar-back');
    await remote.press('ok');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 5_000 });
    await context.close();
  });

  it('says why a broken tour file cannot open; the Back key goes home', async () => {
    const { context, page, remote } = await openWatch('tv-broken-tour');
    const alert = page.getByRole('alert').filter({ hasText: 'This set tour could not be loaded' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('start: must name one of the tour’s locations');
    await expect.poll(() => focusedId(page)).toBe('watch-bar-back');
    await remote.press('back');
    await page.locator('[data-testid=tv-shell][data-screen=home]').waitFor({ timeout: 5_000 });
    await context.close();
  });

  it('shows a missing stream as an error with Retry focused, and Retry plays it once it is there', async () => {
    const { context, page, remote } = await openWatch('tv-late-stream');
    const card = page.getByRole('alert').filter({ hasText: 'The set’s video stopped' });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('The stream is not available right now.');
    await expect.poll(() => focusedId(page)).toBe('watch-media-retry');
    saveArtifact('tv-watch-stream-error.png', await shot(page));

    mkdirSync(join(scenesDir, 'streams'), { recursive: true });
    cpSync(join(REPO_ROOT, 'public/media/backlot'), join(scenesDir, 'streams/tv-late'), { recursive: true });
    await remote.press('ok');
    await expect.poll(async () => (await watchState(page)).media, { timeout: 30_000 }).toBe('playing');
    await expect.poll(async () => (await watchState(page)).time, { timeout: 15_000 }).toBeGreaterThan(0.5);
    expect(await card.count()).toBe(0);
    // Retry is gone with the error; the focus moved on to another control instead of onto nothing.
    await expect.poll(() => focusedId(page)).not.toBe('watch-media-retry');
    expect(await focusedId(page)).not.toBeNull();
    await context.close();
  });
});
