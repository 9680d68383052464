// What a person sees when things are not simple: native HLS, a project without a tour, a stream that is
// missing and then comes back.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const scenesDir = mkdtempSync(join(tmpdir(), 'setvisit-scenes-'));
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
  cpSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), join(scenesDir, 'lantern-keeper.json'));
  writeFileSync(join(scenesDir, 'late-stream.json'), JSON.stringify(tourFor('late-stream', '/scenes/streams/late/master.m3u8')));
  writeFileSync(join(scenesDir, 'broken-tour.json'), JSON.stringify({ ...tourFor('broken-tour', '/x.m3u8'), start: 'nowhere' }));
  server = await startTestServer({ serveApp: true, scenesDir });
  for (const id of ['late-stream', 'empty-project', 'broken-tour']) await server.storage.ensureProject({ ...SAMPLE_PROJECT, id, title: { en: `Project ${id}` } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  rmSync(scenesDir, { recursive: true, force: true });
});

async function open(path: string, init?: () => void): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  const errors = recordPageErrors(page);
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

describe('media and project states in Chromium', { timeout: 60_000 }, () => {
  it('plays through the browser’s own HLS where Media Source Extensions are missing', async () => {
    const { page, errors } = await open('/?project=lantern-keeper', () => {
      delete (window as { MediaSource?: unknown }).MediaSource;
      delete (window as { ManagedMediaSource?: unknown }).ManagedMediaSource;
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 30_000 });
    const engine = await page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { media: { engine: string } } } } }).__setvisit.store.getState().media.engine);
    expect(engine).toBe('native');
    // hls.js was never downloaded.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/hls-[\w-]+\.js$/.test(e.name)))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the media metrics with ?stats=1', async () => {
    const { page } = await open('/?project=lantern-keeper&stats=1&hls=js'); // native stats: test/media/hls-engines.test.ts
    const stats = page.getByTestId('stats');
    await stats.getByText(/^\d+ ms$/).waitFor({ timeout: 30_000 });
    expect(await stats.textContent()).toMatch(/hls\.js/);
    expect(await stats.textContent()).toMatch(/\d+p · \d+ kb\/s/);
    await page.close();
  });

  it('shows an empty project as such: no tour yet, no milestones yet', async () => {
    const { page } = await open('/?project=empty-project&lang=en');
    await page.getByText('This project has no set tour yet').waitFor({ timeout: 10_000 });
    await page.getByText('No milestones yet.').waitFor({ timeout: 10_000 });
    saveArtifact('empty-project.png', await page.screenshot());
    await page.close();
  });

  it('refuses a broken tour file with a readable reason instead of a blank view', async () => {
    const { page } = await open('/?project=broken-tour&lang=en');
    const alert = page.getByRole('alert').filter({ hasText: 'This set tour could not be loaded' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('start: must name one of the tour’s locations');
    await page.close();
  });

  it('shows an unknown project as one message with the way home, instead of a blank page or two stories', async () => {
    for (const [lang, text, home, viewport] of [
      ['zh-CN', '这里没有项目，或者该项目需凭支持者代码进入。', '前往首页', { width: 390, height: 844 }],
      ['en', 'No project here — or it opens with a backer code.', 'Go to the start page', { width: 1280, height: 720 }],
    ] as const) {
      const { page } = await open(`/?project=no-such-project&lang=${lang}`);
      await page.setViewportSize(viewport);
      const notice = page.getByTestId('project-unavailable');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.textContent()).toContain(text);
      // Not "no set tour yet … milestones are on the right" beside it.
      expect(await page.getByText(lang === 'en' ? 'This project has no set tour yet' : '该项目还没有探班路线', { exact: false }).count()).toBe(0);
      saveArtifact(`missing-project-${lang}-${viewport.width}.png`, await page.screenshot());
      await notice.getByRole('link', { name: home }).click();
      await page.waitForURL((url) => !url.search.includes('project='), { timeout: 10_000 });
      await page.locator('[data-status=live]').first().waitFor({ timeout: 20_000 });
      await page.close();
    }
    // The favicon every page asks for is there (no 404 in any page's log).
    const icon = await fetch(`${server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('shows an error card with Retry for a missing stream, and Retry plays it once it is there', async () => {
    const { page } = await open('/?project=late-stream&lang=en');
    const card = page.getByRole('alert').filter({ hasText: 'The set’s video stopped' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('The stream is not available right now.');
    saveArtifact('stream-error.png', await page.screenshot());

    mkdirSync(join(scenesDir, 'streams'), { recursive: true });
    cpSync(join(REPO_ROOT, 'public/media/backlot'), join(scenesDir, 'streams/late'), { recursive: true });
    await card.getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 30_000 });
    expect(await card.count()).toBe(0);
    await page.close();
  });
});
