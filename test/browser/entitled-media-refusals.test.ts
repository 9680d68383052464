// A viewer refused the footage they were watching learns why, in real Chromium against the real server. A pass that
// ran out (the browser drops the cookie at its expiry; here the test drops it) is asked for again with the stored
// code and the location plays on by itself; once the operator has revoked the code, the card says so — not a
// generic stream error — in English and Chinese, with Retry for after a valid code is entered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssuedBackerCode } from '../../src/protocol';
import { parseTour } from '../../src/protocol/tour-schema';
import { launchChromium, recordPageErrors } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

const parsed = parseTour(JSON.parse(readFileSync(join(REPO_ROOT, 'scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour is not valid');
const gated = parsed.tour.locations.find((l) => l.tier)!;

let server: TestServer;
let browser: Browser;

interface Hook {
  store: { getState(): { tour: { locationId: string }; media: { status: string; error: { kind: string; refusal?: string } | null } } };
  tour: { player: { retry(): void } };
}

const operator = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const media = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().media);

/** Plays the gated location with a fresh supporter code; returns the page and the code's id. */
async function watchGated(lang: 'en' | 'zh-CN'): Promise<{ page: Page; errors: string[]; codeId: string }> {
  const issued = await operator('POST', '/api/backer-tokens', { label: `refusal ${lang}`, tier: gated.tier, projects: [PROJECT_ID] });
  expect(issued.status).toBe(201);
  const code = IssuedBackerCode.parse(await issued.json());
  const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
  await context.addInitScript((c) => localStorage.setItem('setvisit:backer-token', c), code.token);
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}&hls=js`);
  await page.waitForFunction(() => (window as unknown as { __setvisit?: Hook }).__setvisit?.store.getState().media.status === 'playing', undefined, { timeout: 45_000 });
  await page.locator('.locations__item', { hasText: gated.name[lang]! }).click();
  await page.waitForFunction(
    (id) => {
      const state = (window as unknown as { __setvisit: Hook }).__setvisit.store.getState();
      return state.tour.locationId === id && state.media.status === 'playing';
    },
    gated.id,
    { timeout: 45_000 },
  );
  return { page, errors, codeId: code.id };
}

/** What expiry does to the pass: the browser forgets the cookie; then the stream is asked for again. */
async function dropPassAndReload(page: Page): Promise<void> {
  await page.context().clearCookies({ name: 'setvisit_media' });
  await page.evaluate(() => (window as unknown as { __setvisit: Hook }).__setvisit.tour.player.retry());
}

describe('a refused viewer learns why', { timeout: 90_000 }, () => {
  it('a pass that ran out comes back by itself; a revoked code is named on the card', async () => {
    const { page, errors, codeId } = await watchGated('en');
    const refused: string[] = [];
    page.on('response', (r) => r.status() === 401 && refused.push(new URL(r.url()).pathname));

    await dropPassAndReload(page);
    // Refused for want of a pass (the page heard why), then a new pass with the stored code, and it plays again.
    await expect.poll(() => refused.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForFunction(() => (window as unknown as { __setvisit: Hook }).__setvisit.store.getState().media.status === 'playing', undefined, { timeout: 30_000 });
    expect(await page.locator('.overlay--error').count()).toBe(0);

    expect((await operator('POST', `/api/backer-tokens/${codeId}/revoke`)).status).toBe(200);
    await dropPassAndReload(page);
    const card = page.locator('.overlay--error[data-refusal=pass]');
    await card.getByText('This backer code was revoked. Enter a valid one.').waitFor({ timeout: 20_000 });
    expect(await media(page)).toMatchObject({ status: 'error', error: { kind: 'network', refusal: 'pass' } });
    // Not the generic network message, and Retry stays (it helps once a valid code is in).
    expect(await card.getByText('The stream cannot be reached').count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says it in Chinese too', async () => {
    const { page, errors, codeId } = await watchGated('zh-CN');
    expect((await operator('POST', `/api/backer-tokens/${codeId}/revoke`)).status).toBe(200);
    await dropPassAndReload(page);
    await page.locator('.overlay--error[data-refusal=pass]').getByText('此支持者代码已被撤销，请输入有效代码。').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
