// In Chromium: a page that cannot reach the feed shows the last known status with its age; a broken cache is
// dropped; a backers-only project asks for a backer code, which never appears in the URL.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const PRIVATE = 'crew-only-cut';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE, visibility: 'backers', title: { en: 'Crew-only cut' } });
  await server.storage.ensureBackerToken('crew-code-1234', { label: 'crew', tier: 'gold', projects: [PRIVATE] });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('offline start and backer access in Chromium', { timeout: 60_000 }, () => {
  it('shows the last known status, marked with its age, when the feed cannot be reached', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 960, height: 540 } });
    const online = await context.newPage();
    await online.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await online.locator('[data-status=live]').waitFor({ timeout: 15_000 });
    await fetch(`${server.url}/api/projects/${PROJECT_ID}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'funding', fundingRaised: 2_750_000, backers: 13_001 }),
    });
    await online.getByTestId('backers').filter({ hasText: '13,001' }).waitFor({ timeout: 3_000 });
    await online.waitForFunction((id) => localStorage.getItem(`setvisit:project:v1:${id}`)?.includes('13001'), PROJECT_ID, { timeout: 5_000 });
    await online.close();

    // The app still loads (on a TV it is installed), but the feed is unreachable.
    const offline = await context.newPage();
    const errors = recordPageErrors(offline);
    // Both transports: the client falls through from long-polling to websocket by itself.
    await offline.route('**/socket.io/**', (route) => route.abort('internetdisconnected'));
    await offline.routeWebSocket(/\/socket\.io\//, (ws) => ws.close({ code: 1006, reason: 'offline' }));
    await offline.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await offline.getByTestId('cached-status').waitFor({ timeout: 20_000 });
    expect(await offline.getByTestId('cached-status').textContent()).toMatch(/Last known status, from (now|\d+ seconds? ago)/);
    expect(await offline.getByTestId('backers').textContent()).toBe('13,001');
    saveArtifact('offline-cached.png', await offline.screenshot());
    expect(await offline.locator('[data-status=live]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drops a corrupt saved project with a warning and starts clean', async () => {
    const context = await browser.newContext();
    await context.addInitScript((id) => localStorage.setItem(`setvisit:project:v1:${id}`, '{"savedAt":1,"snapshot":{"seq":"x"}}'), PROJECT_ID);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    const errors = recordPageErrors(page);
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await page.locator('[data-status=live]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cached-status').count()).toBe(0);
    expect(warnings.some((w) => w.includes('dropped an unreadable saved project'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks for a backer code on a backers-only project, refuses a wrong one, and opens with a right one', async () => {
    const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?project=${PRIVATE}&lang=en`);
    const code = page.getByLabel('Backer code', { exact: true });
    // The feed (and so its "backer code needed") starts after the tour's first frame: slow in SwiftShader on a
    // loaded machine.
    await code.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').count()).toBe(0);

    await code.fill('not-a-real-code');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByText('That backer code does not open this project.').waitFor({ timeout: 5_000 });
    saveArtifact('backer-sign-in.png', await page.screenshot());

    await page.getByLabel('Backer code', { exact: true }).fill('crew-code-1234');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'Crew-only cut' }).waitFor({ timeout: 5_000 });
    expect(page.url()).not.toContain('crew-code-1234');

    // Remembered for the next visit, still not in the URL.
    await page.reload();
    await page.getByRole('heading', { name: 'Crew-only cut' }).waitFor({ timeout: 20_000 });
    await context.close();
  });
});
