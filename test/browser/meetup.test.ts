// The star meet-up journey in Chromium against the real server (in-process, real sockets, the built app, its
// live HLS): a gold backer signs in through the app's own form and joins, the live edge moves, they react and
// ask; the host console (a second page, operator token typed in) spotlights the question and the backer sees
// it; a supporter-tier backer is refused with the reason on screen in the UI language; in a browser without WebGL
// the stage says so and the stream, the reactions and the question board still work.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const MEETUP_ID = 'browser-meetup';
const QUESTION = 'What did the lantern scene feel like?';
let server: TestServer;
let browser: Browser;

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, {
    id: MEETUP_ID,
    title: { en: 'Meet the Keeper', 'zh-CN': '守灯人见面会' },
    star: { en: 'Lin Yue', 'zh-CN': '林悦' },
    scheduledStart: new Date(Date.now() + 60_000).toISOString(),
    requiredTier: 'gold',
  });
  expect(scheduled.status).toBe(201);
  expect((await api(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface RoomProbe {
  phase: string;
  live: { edgeSeconds: number; currentSeconds: number; latencySeconds: number } | null;
  spotlight: { text: string } | null;
  totals: Record<string, number>;
}
const room = (page: Page) =>
  page.evaluate(() => (window as unknown as { __setvisit: { store: { getState(): { meetup: RoomProbe } } } }).__setvisit.store.getState().meetup);

/** Opens the meet-up and signs in with `code` through the app's backer form (the code never enters the URL). */
async function signInAndOpen(page: Page, lang: 'en' | 'zh-CN', code: string, labels: { code: string; open: string }): Promise<void> {
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}&meetup=${MEETUP_ID}`);
  await page.getByTestId('meetup-refusal').waitFor({ timeout: 15_000 });
  await page.getByLabel(labels.code, { exact: true }).fill(code);
  await page.getByRole('button', { name: labels.open }).click();
}

describe('star meet-up in Chromium', { timeout: 120_000 }, () => {
  it('a gold backer joins, sees the live edge move, reacts and asks; the host spotlights the question; the backer sees it', async () => {
    const backer = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const backerErrors = recordPageErrors(backer);
    await signInAndOpen(backer, 'en', 'demo-gold', { code: 'Backer code', open: 'Open' });
    await backer.getByRole('heading', { name: 'Meet the Keeper' }).waitFor({ timeout: 15_000 });
    expect(backer.url()).not.toContain('demo-gold');
    expect((await room(backer)).phase).toBe('joined');

    // The live stream plays and its live edge moves forward (the server's sliding window), with the playhead.
    const first = await waitFor(async () => (await room(backer)).live, 45_000, 'a live position');
    const later = await waitFor(
      async () => {
        const live = (await room(backer)).live;
        return live && live.edgeSeconds > first.edgeSeconds && live.currentSeconds > first.currentSeconds ? live : null;
      },
      30_000,
      'the live edge and the playhead to move',
    );
    expect(later.latencySeconds).toBeGreaterThanOrEqual(0);
    expect(later.latencySeconds).toBeLessThan(60);
    await expect.poll(() => backer.getByTestId('meetup-latency').textContent(), { timeout: 5_000 }).toMatch(/^\d+\.\d s$/);
    saveArtifact('meetup-live-backer.png', await backer.screenshot());

    // Reactions: three taps go out coalesced; the room's totals come back from the server's window.
    const heart = backer.getByRole('button', { name: 'Send a heart' });
    for (let i = 0; i < 3; i++) await heart.click();
    await expect.poll(async () => (await room(backer)).totals.heart ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await backer.getByTestId('reaction-total-heart').textContent()).toBe(String((await room(backer)).totals.heart));
    // The burst drew them: pooled particles on the one canvas, within its budget.
    const burst = await backer.evaluate(() => {
      const b = (window as unknown as { __setvisit: { reactionBurst: { stats: { frames: number; maxFrameMs: number }; pool: { budget: { capacity: number } } } } }).__setvisit.reactionBurst;
      return { frames: b.stats.frames, maxFrameMs: b.stats.maxFrameMs, capacity: b.pool.budget.capacity };
    });
    expect(burst.frames).toBeGreaterThan(0);

    // A question goes on the board.
    await backer.getByLabel('Your question').fill(QUESTION);
    await backer.getByLabel('Your name (optional)').fill('Mei');
    await backer.getByRole('button', { name: 'Ask', exact: true }).click();
    await backer.getByTestId('question-board').getByText(QUESTION).waitFor({ timeout: 10_000 });

    // The host console: a second page, the operator token typed in (kept in sessionStorage, never the URL).
    const host = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const hostErrors = recordPageErrors(host);
    await host.goto(`${server.url}/?mode=host&project=${PROJECT_ID}&lang=en`);
    await host.getByLabel('Operator token').fill(OPERATOR_TOKEN);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.locator(`[data-meetup="${MEETUP_ID}"]`).getByRole('button', { name: 'Run' }).click();
    await host.getByTestId('host-room').waitFor({ timeout: 15_000 });
    expect(host.url()).not.toContain(OPERATOR_TOKEN);
    expect(await host.evaluate(() => sessionStorage.getItem('setvisit:operator-token'))).toBe(OPERATOR_TOKEN);
    await expect.poll(() => host.getByTestId('host-audience').textContent(), { timeout: 10_000 }).not.toBe('0');
    const question = host.locator('.question', { hasText: QUESTION });
    await question.getByRole('button', { name: 'Spotlight' }).click();

    // Everyone sees the spotlight: the backer's stage shows the question.
    await backer.getByTestId('meetup-spotlight').getByText(QUESTION).waitFor({ timeout: 10_000 });
    expect((await room(backer)).spotlight?.text).toBe(QUESTION);
    saveArtifact('meetup-spotlight-backer.png', await backer.screenshot());
    saveArtifact('meetup-host-console.png', await host.screenshot());

    expect(backerErrors).toEqual([]);
    expect(hostErrors).toEqual([]);
    await host.close();
    await backer.close();
  });

  it('refuses a supporter-tier backer with the reason and the tier needed, in the UI language', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors = recordPageErrors(page);
    await signInAndOpen(page, 'zh-CN', 'demo-supporter', { code: '支持者代码', open: '进入' });
    const refusal = page.getByRole('alert').filter({ hasText: '这场见面会面向更高档位的支持者' });
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.textContent()).toContain('仅限黄金及以上支持者参加；你的支持档位是支持者。');
    const state = await room(page);
    expect(state.phase).toBe('refused');
    // Nothing of the meet-up reached this page: no stage, no stream.
    expect(await page.locator('.meetup-stage').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/live/')))).toBe(false);
    saveArtifact('meetup-refused-supporter-zh.png', await page.screenshot());

    // The same refusal in English.
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en&meetup=${MEETUP_ID}`);
    await page.getByText('It is open to Gold backers and above; your backer tier is Supporter.').waitFor({ timeout: 15_000 });
    saveArtifact('meetup-refused-supporter-en.png', await page.screenshot());
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('star meet-up without WebGL', { timeout: 120_000 }, () => {
  it('says so over the stage in the UI language; the stream still plays and reactions and questions still work', async () => {
    const noWebGl = await launchChromium(['--disable-3d-apis']);
    try {
      const page = await noWebGl.newPage({ viewport: { width: 1100, height: 800 } });
      const errors = recordPageErrors(page);
      await signInAndOpen(page, 'zh-CN', 'demo-gold', { code: '支持者代码', open: '进入' });
      const notice = page.locator('.meetup-stage').getByRole('alert').filter({ hasText: 'WebGL' });
      await notice.waitFor({ timeout: 45_000 });
      expect(await notice.textContent()).toContain('此浏览器无法显示 360° 舞台画面');
      // No 360 view was made: the stage's one canvas is the reaction burst's 2D canvas.
      expect(await page.locator('.meetup-stage .view canvas').count()).toBe(0);
      // The live stream plays all the same (its playhead moves), and the rest of the room answers.
      const first = await waitFor(async () => (await room(page)).live, 45_000, 'a live position');
      await waitFor(async () => ((await room(page)).live?.currentSeconds ?? 0) > first.currentSeconds, 30_000, 'the playhead to move');
      const hearts = (await room(page)).totals.heart ?? 0;
      await page.getByRole('button', { name: '送爱心' }).click();
      await expect.poll(async () => (await room(page)).totals.heart ?? 0, { timeout: 10_000 }).toBeGreaterThan(hearts);
      await page.getByTestId('question-board').waitFor({ timeout: 5_000 });
      saveArtifact('meetup-no-webgl-zh.png', await page.screenshot());
      expect(errors).toEqual([]);
    } finally {
      await noWebGl.close();
    }
  });
});
