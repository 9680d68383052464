// State messages that must say the truth, in real Chromium against the real server: the connection badge says
// "Back online" only after the feed was really cut (not after the reconnect a sign-in makes); a meet-up's sign-in
// on a public project gives the meet-up's reason, not "this project is for its backers"; the headset page in a
// browser without a headset offers its meet-ups in the 360° view, not "Join in VR"; an unknown address is a page
// in the browser's language with the way home.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const PRIVATE = 'messages-crew-only';
const CREW_CODE = 'messages-crew-code-1234';
const MEETUP = 'messages-scheduled';
const LIVE = 'messages-live';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE, visibility: 'backers', title: { en: 'Crew-only cut' } });
  await server.storage.ensureBackerToken(CREW_CODE, { label: 'crew', tier: 'gold', projects: [PRIVATE] });
  const scheduled = await fetch(`${server.url}/api/projects/${PROJECT_ID}/meetups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: MEETUP, title: { en: 'Lantern night' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() + 3_600_000).toISOString(), requiredTier: 'gold' }),
  });
  expect(scheduled.status).toBe(201);
  const live = await fetch(`${server.url}/api/projects/${PROJECT_ID}/meetups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: LIVE, title: { en: 'Lanterns, live' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'gold' }),
  });
  expect(live.status).toBe(201);
  expect((await fetch(`${server.url}/api/meetups/${LIVE}/start`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).status).toBe(200);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Every text the connection badge has shown since the page opened, in order (a MutationObserver in the page, so
 * a "Back online" that shows for a moment is caught too). */
async function recordBadge(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __badgeTexts: string[] }).__badgeTexts = seen;
    const note = () => {
      const text = document.querySelector('.connection')?.textContent?.trim();
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  });
}
const badgeTexts = (page: Page) => page.evaluate(() => (window as unknown as { __badgeTexts: string[] }).__badgeTexts);

describe('the connection badge', { timeout: 90_000 }, () => {
  it('says "Back online" after the feed was cut, and not after the reconnect a sign-in makes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    await recordBadge(page);
    try {
      // A backers-only project: signing in reconnects the feed with the code. Nothing went offline.
      await page.goto(`${server.url}/?project=${PRIVATE}&lang=en`);
      const code = page.getByLabel('Backer code', { exact: true });
      await code.waitFor({ timeout: 30_000 });
      await code.fill(CREW_CODE);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('heading', { name: 'Crew-only cut' }).waitFor({ timeout: 10_000 });
      await page.locator('[data-status=live]').waitFor({ timeout: 10_000 });
      // Long enough for a "caught up" note to have shown (it stays 4 s).
      await page.waitForTimeout(1_500);
      const afterSignIn = await badgeTexts(page);
      expect(afterSignIn, afterSignIn.join(' → ')).toContain('Live');
      expect(afterSignIn.some((text) => text.includes('Back online')), afterSignIn.join(' → ')).toBe(false);

      // The server goes away and comes back: now it is true, and the badge says so, then settles on Live.
      await server.stop();
      await page.locator('[data-status=reconnecting]').waitFor({ timeout: 10_000 });
      await server.start();
      await page.getByText('Back online: caught up').waitFor({ timeout: 20_000 });
      saveArtifact('screens-back-online.png', await page.screenshot());
      await expect.poll(() => page.locator('.connection').textContent(), { timeout: 10_000 }).toBe('Live');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a meet-up asking for a backer code on a public project', { timeout: 60_000 }, () => {
  for (const [lang, reason, projectLine] of [
    ['en', 'This meet-up is for Gold backers and above: enter your backer code to join.', 'This project is for its backers'],
    ['zh-CN', '这场见面会仅限黄金及以上支持者：请输入支持者代码进入。', '该项目仅对支持者开放'],
  ] as const) {
    it(`${lang}: gives the meet-up's reason once, not that the project is for backers`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      try {
        await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}&meetup=${MEETUP}`);
        const refusal = page.getByTestId('meetup-refusal');
        await refusal.waitFor({ timeout: 20_000 });
        expect((await refusal.getByRole('heading').textContent())?.trim()).toBe(reason);
        expect(await page.getByText(projectLine, { exact: false }).count()).toBe(0);
        // The project itself is open: its panel shows it, no project sign-in anywhere.
        expect(await page.getByLabel(lang === 'en' ? 'Backer code' : '支持者代码', { exact: true }).count()).toBe(1);
        saveArtifact(`screens-meetup-sign-in-public-${lang}.png`, await page.screenshot());
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the headset page in a browser without a headset', { timeout: 60_000 }, () => {
  for (const [lang, join, vrJoin] of [
    ['en', 'Join live', 'Join in VR'],
    ['zh-CN', '进入直播', '在 VR 中参加'],
  ] as const) {
    it(`${lang}: offers a live meet-up in the 360° view of this browser, not "Join in VR"`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      // A gold backer, signed in earlier: the meet-up opens on its live stage.
      await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      try {
        await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=${lang}`);
        await page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'unsupported', undefined, { timeout: 20_000 });
        const item = page.getByTestId('xr-meetups').locator(`[data-meetup="${LIVE}"]`);
        await item.waitFor({ timeout: 15_000 });
        expect(await page.getByRole('button', { name: vrJoin }).count()).toBe(0);
        const open = item.getByRole('link', { name: join });
        saveArtifact(`screens-xr-meetups-no-headset-${lang}.png`, await page.screenshot({ fullPage: true }));
        await open.click();
        await page.waitForURL((url) => url.searchParams.get('mode') === 'desktop' && url.searchParams.get('meetup') === LIVE && url.searchParams.get('lang') === lang);
        await page.locator('.meetup[data-state="live"]').waitFor({ timeout: 20_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('an unknown address', { timeout: 30_000 }, () => {
  for (const [locale, title, home] of [
    ['en-GB', 'This page does not exist', 'Go to SetVisit’s home page'],
    ['zh-CN', '这个页面不存在', '前往 SetVisit 首页'],
  ] as const) {
    it(`${locale}: a page, not raw JSON, in the browser's language, whose one link leads home`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
      const page = await context.newPage();
      const errors = recordPageErrors(page);
      try {
        const response = await page.goto(`${server.url}/no/such/page`);
        expect(response?.status()).toBe(404);
        expect(response?.headers()['content-type']).toContain('text/html');
        expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(title);
        const link = page.getByRole('link', { name: home });
        const box = (await link.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(44);
        saveArtifact(`screens-not-found-${locale}.png`, await page.screenshot());
        await link.click();
        await page.waitForURL(`${server.url}/`);
        await page.locator('[data-status]').first().waitFor({ timeout: 20_000 });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
