// A meet-up's whole life as a backer sees it in Chromium, without reloading: the list, the countdown, the
// "add to my TV" reminder turning into a banner at the start time, the stage appearing when the host starts,
// reactions, and once the host ends it the replay (VOD) with the reactions timeline.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const MEETUP_ID = 'lifecycle-meetup';
let server: TestServer;
let browser: Browser;

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('meet-up lifecycle in Chromium', { timeout: 120_000 }, () => {
  it('counts down, reminds at the start, goes live when the host starts, and replays with the reactions timeline', async () => {
    // Far enough ahead that the reminder is armed before the start on a loaded machine (the page, the list and the
    // countdown took over 12 s there once), near enough to wait for.
    const startsAt = Date.now() + 20_000;
    const scheduled = await post(`/api/projects/${PROJECT_ID}/meetups`, {
      id: MEETUP_ID,
      title: { en: 'Lantern night', 'zh-CN': '灯笼之夜' },
      star: { en: 'Lin Yue' },
      scheduledStart: new Date(startsAt).toISOString(),
      requiredTier: 'gold',
    });
    expect(scheduled.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    // Signed in earlier (the sign-in form itself is covered by meetup.test.ts): the code sits in Web Storage.
    await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    await page.getByRole('button', { name: 'Meet-ups' }).click();
    const card = page.locator(`[data-meetup="${MEETUP_ID}"]`);
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('Coming up');
    await card.getByRole('button', { name: 'Open' }).click();

    // Scheduled: the countdown ticks, and the reminder is armed.
    const countdown = page.getByTestId('meetup-countdown');
    await countdown.waitFor({ timeout: 10_000 });
    const clock = page.getByRole('timer');
    const first = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(first).toMatch(/^00:00:\d\d$/);
    await page.getByRole('button', { name: 'Add to my TV: remind me at the start' }).click();
    await page.getByText('We will remind you here when it starts.').waitFor({ timeout: 5_000 });
    saveArtifact('meetup-countdown.png', await page.screenshot());
    await page.getByText('“Lantern night” is starting now!').waitFor({ timeout: 20_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(startsAt - 1_000);
    saveArtifact('meetup-reminder-due.png', await page.screenshot());

    // The host starts it: the stage opens in place, live.
    expect((await post(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
    await page.locator('.meetup[data-state="live"]').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('.meetup-stage video')?.currentTime, undefined, { timeout: 30_000 });
    const heart = page.getByRole('button', { name: 'Send a heart' });
    const flowers = page.getByRole('button', { name: 'Send flowers' });
    for (let i = 0; i < 4; i++) {
      await heart.click();
      await flowers.click();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => page.getByTestId('reaction-total-flower').textContent(), { timeout: 10_000 }).toBe('4');
    // Live, the audience counts this page.
    await expect.poll(() => page.getByTestId('meetup-audience').textContent(), { timeout: 10_000 }).toBe('1');

    // The host ends it: the replay plays and the timeline shows every reaction.
    expect((await post(`/api/meetups/${MEETUP_ID}/end`, {})).status).toBe(200);
    await page.locator('.meetup[data-state="ended"]').waitFor({ timeout: 10_000 });
    const timeline = page.getByTestId('reaction-timeline');
    await timeline.waitFor({ timeout: 10_000 });
    expect(await timeline.textContent()).toContain('Reactions over the meet-up: 8 in all');
    expect(await page.locator('.timeline__bar').count()).toBe(60);
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('.meetup-stage video')?.currentTime, undefined, { timeout: 30_000 });
    const src = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/replay/')));
    expect(src).toBe(true);
    expect(await page.getByRole('button', { name: 'Send a heart' }).count()).toBe(0);
    // Live-only facts leave with the live show: no "1 watching" (this page alone), no one "on stage now".
    expect(await page.getByTestId('meetup-audience').count()).toBe(0);
    expect(await page.getByText('watching', { exact: true }).count()).toBe(0);
    expect(await page.getByTestId('meetup-spotlight').count()).toBe(0);
    saveArtifact('meetup-replay.png', await page.screenshot());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an hour past its start, a meet-up the host has not started says so, not "any moment now"', async () => {
    const id = 'lifecycle-late';
    const late = await post(`/api/projects/${PROJECT_ID}/meetups`, {
      id,
      title: { en: 'Late night', 'zh-CN': '深夜' },
      star: { en: 'Lin Yue' },
      scheduledStart: new Date(Date.now() - 61 * 60_000).toISOString(),
      requiredTier: 'gold',
    });
    expect(late.status).toBe(201);
    for (const [lang, text] of [
      ['en', 'Waiting for the host: 1 h 1 min past the start time'],
      ['zh-CN', '等待主持人开始：已过开始时间 1 小时 1 分钟'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}&meetup=${id}`);
      const clock = page.getByRole('timer');
      await clock.waitFor({ timeout: 15_000 });
      expect(await clock.textContent()).toBe(text);
      saveArtifact(`meetup-late-${lang}.png`, await page.screenshot());
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
