// Walks every desktop and phone screen (the set tour, the tour offline, the meet-up list, a scheduled meet-up's
// countdown, a live stage, a replay, the meet-up's backer sign-in on a public and on a backers-only project, the
// project's backer sign-in, a missing project, an unknown address, the headset entry without a headset, and the
// host console signed out and running a live meet-up) at 1920×1080, 1280×720 and 390×844, in English and
// Chinese, in real Chromium against the real server, and fails where text overflows its box, two controls
// overlap, a control sits off the screen's sides, or the page logs an error. One browser; per size and language
// one page signed in as a backer and one signed out, reused across screens. Screenshots of each go to
// test/.artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { layoutProblemsAtRest } from '../helpers/layout-problems';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const PRIVATE = 'walker-crew-only';
const LIVE = 'walker-live';
const ENDED = 'walker-replay';
const SCHEDULED = 'walker-scheduled';
const PRIVATE_MEETUP = 'walker-crew-meetup';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;
let server: TestServer;
let browser: Browser;

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: PRIVATE, visibility: 'backers', title: { en: 'Crew-only cut' } });
  for (const [id, title] of [
    [LIVE, { en: 'Lanterns, live from stage A', 'zh-CN': '灯笼：A 棚直播' }],
    [ENDED, { en: 'The night-market shoot, looking back', 'zh-CN': '夜市拍摄回顾' }],
  ] as const) {
    const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, { id, title, star: { en: 'Lin Yue', 'zh-CN': '林悦' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'gold' });
    expect(scheduled.status).toBe(201);
    expect((await api(`/api/meetups/${id}/start`, {})).status).toBe(200);
  }
  expect((await api(`/api/meetups/${ENDED}/end`, {})).status).toBe(200);
  const inADay = new Date(Date.now() + 26 * 3_600_000).toISOString();
  for (const [project, id] of [[PROJECT_ID, SCHEDULED], [PRIVATE, PRIVATE_MEETUP]] as const) {
    const scheduled = await api(`/api/projects/${project}/meetups`, { id, title: { en: 'Costume fitting with the cast', 'zh-CN': '与演员一起试装' }, star: { en: 'Lin Yue', 'zh-CN': '林悦' }, scheduledStart: inADay, requiredTier: 'supporter' });
    expect(scheduled.status).toBe(201);
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('every desktop and phone screen, at three sizes, in both languages', () => {
  for (const size of SIZES) {
    for (const lang of ['en', 'zh-CN'] as const) {
      // Fifteen screens, three of them 360 views in SwiftShader: up to 112 s measured on the loaded machine.
      it(`${size.width}×${size.height} ${lang}`, { timeout: 240_000 }, async () => {
        // The browser's language too: the unknown-address page follows Accept-Language, not ?lang.
        const options = { viewport: size, locale: lang, ...(size.width < 500 ? { hasTouch: true, isMobile: true } : {}) };
        const context = await browser.newContext(options);
        await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
        const page = await context.newPage();
        const signedOut = await browser.newContext(options);
        const visitor = await signedOut.newPage();
        const errors = recordPageErrors(page);
        const visitorErrors = recordPageErrors(visitor);
        const found: string[] = [];
        const timings: string[] = [];
        let since = Date.now();
        const check = async (screen: string, on: Page = page) => {
          const reached = Date.now();
          // Measured at rest: the player controls showing or fading move the view's dock with a transition, and a
          // box caught halfway is no layout's.
          const problems = await layoutProblemsAtRest(on, { capture: async () => saveArtifact(`screens-${screen}-${size.width}x${size.height}-${lang}.png`, await on.screenshot()) });
          for (const problem of problems) found.push(`${screen}: ${problem.kind}: ${problem.what}`);
          timings.push(`${screen} ${reached - since}/${Date.now() - reached}`);
          since = Date.now();
        };
        try {
          const base = `${server.url}/?project=${PROJECT_ID}&lang=${lang}`;
          await page.goto(base);
          await page.locator('.view canvas').waitFor({ timeout: 45_000 });
          await page.locator('[data-status=live]').waitFor({ timeout: 30_000 });
          await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 30_000 });
          // The player controls come after the first frame (their chunk loads then): measured with them in.
          await page.getByTestId('play-pause').waitFor({ state: 'attached', timeout: 15_000 });
          await check('tour');
          if (size.width >= 1280) {
            // The look-around hint reads as one line beside the locations (it wrapped to three in Chinese).
            const hint = await page.locator('.view__hint').evaluate((el) => {
              const style = getComputedStyle(el);
              const inner = el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
              return { lines: Math.round(inner / parseFloat(style.lineHeight === 'normal' ? String(parseFloat(style.fontSize) * 1.2) : style.lineHeight)), inner, font: style.fontSize };
            });
            if (hint.lines > 1) found.push(`tour: the hint is ${hint.lines} lines (${hint.inner} px of ${hint.font} text)`);
          }
          // Offline, a location switched: the view says the stream cannot be reached (and that it comes back by
          // itself; screens-states.test.ts sees it do so).
          await context.setOffline(true);
          // From the keyboard, as a viewer without a pointer does (the pointer's click is covered by other tests).
          const before = await page.locator('.view').getAttribute('data-location');
          await page.locator('.locations__item').nth(1).focus();
          await page.keyboard.press('Enter');
          await page.waitForFunction((first) => document.querySelector('.view')?.getAttribute('data-location') !== first, before, { timeout: 5_000 });
          await page.waitForFunction(() => {
            const { media } = (window as unknown as { __setvisit: { store: { getState(): { media: { status: string; error: { kind: string } | null; stall: { cause: string } | null } } } } }).__setvisit.store.getState();
            return media.stall?.cause === 'unreachable' || (media.status === 'error' && media.error?.kind === 'network');
          }, undefined, { timeout: 30_000 });
          await check('tour-offline');
          await context.setOffline(false);
          // A backers-only project and a missing one have no tour to play, and the app gives a tour's first frame up
          // to 4 s before it asks the feed, which is what these two screens show (src/app/after-first-frame.ts).
          // Opened here (online again: the context's offline switch is every page's), in pages of their own beside
          // the meet-up screens, they have waited it out by the time the walk gets there, instead of adding 4 s each.
          const signInPage = await context.newPage();
          const missingPage = await context.newPage();
          const earlyErrors = [recordPageErrors(signInPage), recordPageErrors(missingPage)];
          await Promise.all([signInPage.goto(`${server.url}/?project=${PRIVATE}&lang=${lang}`), missingPage.goto(`${server.url}/?project=no-such-project&lang=${lang}`)]);

          await page.locator('.sections__tab').nth(1).click();
          await page.locator(`[data-meetup="${LIVE}"]`).waitFor({ timeout: 15_000 });
          await check('meetup-list');
          await page.locator(`[data-meetup="${LIVE}"] button`).first().click();
          await page.locator('.meetup[data-state="live"]').waitFor({ timeout: 15_000 });
          await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('.meetup-stage video, video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 45_000 });
          await check('live-stage');
          await page.goto(`${base}&meetup=${ENDED}`);
          await page.locator('.meetup[data-state="ended"]').waitFor({ timeout: 20_000 });
          await page.getByTestId('reaction-timeline').or(page.locator('.timeline')).first().waitFor({ timeout: 15_000 });
          await check('replay');
          await page.goto(`${base}&meetup=${SCHEDULED}`);
          await page.getByTestId('meetup-countdown').waitFor({ timeout: 20_000 });
          await check('meetup-scheduled');

          await signInPage.locator('.panel input').first().waitFor({ timeout: 30_000 });
          await check('sign-in', signInPage);
          await signInPage.close();
          await missingPage.getByTestId('project-unavailable').waitFor({ timeout: 30_000 });
          await check('missing-project', missingPage);
          await missingPage.close();
          errors.push(...earlyErrors.flat());
          await page.goto(`${server.url}/no/such/page?lang=${lang}`);
          await page.locator('a[href]').first().waitFor({ timeout: 10_000 });
          await check('not-found');
          await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=${lang}`);
          await page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'unsupported', undefined, { timeout: 20_000 });
          await check('xr-entry');
          // The headset page draws its scene in every frame (SwiftShader, on the CPU): left open, it slowed each of
          // the signed-out screens below by seconds. (Its errors so far are kept; about:blank would throw on the
          // sign-in's init script.)
          await page.close();

          // Signed out: a meet-up on a public project asks for the code with the meet-up's reason; on a
          // backers-only project the project asks first.
          await visitor.goto(`${base}&meetup=${LIVE}`);
          await visitor.getByTestId('meetup-refusal').locator('input').waitFor({ timeout: 30_000 });
          await check('meetup-sign-in-public', visitor);
          await visitor.goto(`${server.url}/?project=${PRIVATE}&lang=${lang}&meetup=${PRIVATE_MEETUP}`);
          await visitor.locator('input').first().waitFor({ timeout: 30_000 });
          await check('meetup-sign-in-backers-only', visitor);
          // One code opens the project and its meet-ups: one form asks for it, not two.
          const forms = await visitor.locator('input').count();
          if (forms !== 1) found.push(`meetup-sign-in-backers-only: ${forms} backer-code fields`);

          // The host console: its sign-in, then running the live meet-up (the operator token is typed in, and
          // kept in sessionStorage, never the URL).
          await visitor.goto(`${server.url}/?mode=host&project=${PROJECT_ID}&lang=${lang}`);
          const token = visitor.locator('.host--signin input[type=password]');
          await token.waitFor({ timeout: 20_000 });
          await check('host-sign-in', visitor);
          await token.fill(OPERATOR_TOKEN);
          await visitor.locator('.host--signin button[type=submit]').click();
          await visitor.locator(`[data-meetup="${LIVE}"] button`).first().click();
          await visitor.getByTestId('host-room').waitFor({ timeout: 20_000 });
          await check('host-console', visitor);
        } finally {
          await context.close();
          await signedOut.close();
        }
        console.info(`walker ${size.width}×${size.height} ${lang} ms (reach/check): ${timings.join(', ')}`);
        if (found.length) console.info(`layout problems at ${size.width}×${size.height} ${lang}:\n${found.join('\n')}`);
        expect(found).toEqual([]);
        expect([...errors, ...visitorErrors]).toEqual([]);
      });
    }
  }
});
