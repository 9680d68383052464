// The desktop host's way into a live meet-up with a circle, on screen: the circle panel's list of live meet-ups on the
// tour, and the meet-up's stage with the circle panel, at 1920×1080, 1280×800 and 390×844, in English and Chinese,
// in real Chromium against the real server and its live HLS. Fails where the circle's text overflows its box, two
// controls overlap, a control sits off the screen's sides, or the page logs an error. Screenshots of each go to
// test/.artifacts/ (circle-meetup-<screen>-<size>-<lang>.png). Under 800 px the tour has no "Visit together…" (a
// phone joins from an invite), so the phone joins a circle a client of the test started, and is handed hosting.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircleClient } from '../../src/circles';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { layoutProblemsAtRest } from '../helpers/layout-problems';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const LIVE = 'circle-screens-live';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const WORDS = {
  en: { open: 'Visit together…', name: 'Your name (shown to the circle)', start: 'Start a circle', join: 'Join', watching: 'Watching the meet-up together, 6 s behind live' },
  'zh-CN': { open: '一起探班…', name: '你的名字（圈内可见）', start: '创建圈子', join: '加入', watching: '大家一起观看见面会，比直播晚 6 秒' },
} as const;
let server: TestServer;
let browser: Browser;
const owned: { dispose(): void }[] = [];

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const title = { en: 'Lanterns, live from stage A', 'zh-CN': '灯笼：A 棚直播' };
  const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, { id: LIVE, title, star: { en: 'Lin Yue', 'zh-CN': '林悦' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'gold' });
  expect(scheduled.status).toBe(201);
  expect((await api(`/api/meetups/${LIVE}/start`, {})).status).toBe(200);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const o of owned) o.dispose();
  await browser?.close();
  await server?.dispose();
});

describe('the desktop host takes a circle into a live meet-up, at three sizes, in both languages', () => {
  for (const size of SIZES) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${size.width}×${size.height} ${lang}`, { timeout: 150_000 }, async () => {
        const words = WORDS[lang];
        const context = await browser.newContext({ viewport: size, locale: lang, ...(size.width < 500 ? { hasTouch: true, isMobile: true } : {}) });
        await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
        const page = await context.newPage();
        const errors = recordPageErrors(page);
        const found: string[] = [];
        const check = async (screen: string) => {
          // On a phone the open panel covers the picture by design (it folds to its title bar in a circle), so the
          // hotspot pins drawn under it would count as overlaps: there the circle's own controls are judged.
          const problems = await layoutProblemsAtRest(page, { ...(size.width < 500 ? { within: '.circle' } : {}), capture: async () => saveArtifact(`circle-meetup-${screen}-${size.width}x${size.height}-${lang}.png`, await page.screenshot()) });
          for (const problem of problems) found.push(`${screen}: ${problem.kind}: ${problem.what}`);
        };
        try {
          if (size.width >= 500) {
            await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}`);
            // Up to 60 s: the panel's chunk comes after the tour's first frame, which a loaded machine takes long over.
            await page.getByRole('button', { name: words.open }).click({ timeout: 60_000 });
            await page.getByLabel(words.name).fill('Ana');
            await page.getByRole('button', { name: words.start }).click();
          } else {
            const starter = new CircleClient({ url: server.url, token: () => 'demo-gold', name: () => 'Bo', device: 'desktop', socketOptions: { transports: ['websocket'] } });
            owned.push(starter);
            expect(await starter.start({ projectId: PROJECT_ID, locationId: 'backlot', playing: true })).toEqual({ ok: true });
            await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=${lang}#circle=${starter.current.view!.code}`);
            await page.getByLabel(words.name).fill('Ana', { timeout: 60_000 });
            await page.getByRole('button', { name: words.join, exact: true }).click();
            await expect.poll(() => starter.current.view?.members.length, { timeout: 15_000 }).toBe(2);
            const phone = starter.current.view!.members.find((m) => m.name === 'Ana')!;
            expect(await starter.manage({ kind: 'hand-over', memberId: phone.id })).toEqual({ ok: true });
            // In a circle, a phone's panel folds to its title bar (it would cover the picture): opened, as a host does.
            await page.locator('.circle__fold[aria-expanded=false]').click({ timeout: 15_000 });
          }
          const take = page.locator(`.circle__meetups button[data-meetup="${LIVE}"]`);
          await take.waitFor({ timeout: 20_000 });
          await take.scrollIntoViewIfNeeded();
          await check('list');
          await take.click();
          // The stage's panel is a new one: on a phone it starts folded again.
          if (size.width < 500) await page.locator('.circle__fold[aria-expanded=false]').click({ timeout: 30_000 });
          await page.getByTestId('circle-meetup').getByText(words.watching).waitFor({ timeout: 30_000 });
          await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.meetup-stage video, video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 45_000 });
          await page.getByTestId('circle-meetup').scrollIntoViewIfNeeded();
          await check('stage');
          expect(found).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
