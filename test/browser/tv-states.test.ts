// Every state the TV home shows, with exactly one element focused in each: loading, live, offline with the last
// known status and its age, an unknown project (error with Try again), a project with no milestones yet.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../../src/server/sample-project';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { focusState, pressKey, TIZEN } from './tv-remote';

const EMPTY = 'quiet-first-week';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  // A new project: no milestones and no funding recorded yet (not the sample's history).
  await server.storage.ensureProject({ ...SAMPLE_PROJECT, id: EMPTY, title: { en: 'A Quiet First Week', 'zh-CN': '安静的第一周' }, fundingHistory: undefined });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function expectOneFocus(page: Page, id?: string): Promise<void> {
  await expect
    .poll(async () => {
      const state = await focusState(page);
      return state.focusedCount === 1 && state.activeId !== null && state.activeId === state.focusedId && (id === undefined || state.activeId === id);
    }, { timeout: 10_000 })
    .toBe(true);
}

describe('TV home states', { timeout: 90_000 }, () => {
  it('shows loading while the feed is held back, then the project, focused throughout', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = recordPageErrors(page);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/socket.io/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=en`);
    await page.getByTestId('tv-loading').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tv-loading').textContent()).toBe('Loading the project…');
    await expectOneFocus(page, 'home-watch');
    release();
    await page.getByTestId('tv-backers').waitFor({ timeout: 20_000 });
    await expectOneFocus(page, 'home-watch');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offline: the last known status with its age, and the offline badge, in Chinese', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const online = await context.newPage();
    await online.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN`);
    await online.locator('[data-testid=tv-connection][data-status=live]').waitFor({ timeout: 30_000 });
    await online.waitForFunction((id) => localStorage.getItem(`setvisit:project:v1:${id}`) !== null, PROJECT_ID, { timeout: 10_000 });
    await online.close();

    const page = await context.newPage();
    const errors = recordPageErrors(page);
    // The feed is unreachable by both of socket.io's transports.
    await page.route('**/socket.io/**', (route) => route.abort('internetdisconnected'));
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN`);
    await page.getByTestId('tv-cached').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('tv-backers').textContent()).toBe('12,480');
    await page.locator('[data-testid=tv-connection][data-status=offline], [data-testid=tv-connection][data-status=reconnecting]').waitFor({ timeout: 30_000 });
    await expectOneFocus(page);
    saveArtifact('tv-offline-zh.png', await page.screenshot());
    // A refused socket is the expected failure here; nothing else may throw.
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an unknown project: says there is no project here (or it takes a code), the badge stops, the way home is offered and focused alone', async () => {
    for (const [lang, title, badge, home] of [
      ['en', 'No project here — or it opens with a backer code.', 'Not following a project', 'Go to the start page'],
      ['zh-CN', '这里没有项目，或者该项目需凭支持者代码进入。', '未关注任何项目', '前往首页'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors = recordPageErrors(page);
      await page.goto(`${server.url}/?mode=tv&project=no-such-film&lang=${lang}`);
      await page.getByTestId('tv-feed-error').waitFor({ timeout: 30_000 });
      const card = await page.getByTestId('tv-feed-error').textContent();
      expect(card).toContain(title);
      // Not the wrong cause: nothing is wrong with the connection.
      expect(card).not.toMatch(/connection|连接/i);
      await page.locator('[data-testid=tv-connection][data-status=refused]').waitFor({ timeout: 5_000 });
      expect(await page.getByTestId('tv-connection').textContent()).toBe(badge);
      // Nothing to watch or meet: the way home is the one thing offered, and it has the one focus ring.
      expect(await page.getByTestId('tv-watch').count()).toBe(0);
      expect(await page.getByTestId('tv-meetups').count()).toBe(0);
      await expectOneFocus(page, 'home-start');
      await page.waitForTimeout(300); // past the ring's 120 ms transition: the screenshot shows where it settled
      expect(await page.locator('.tv-focusable[data-focused=true]').count()).toBe(1);
      expect(await page.getByTestId('tv-home-start').textContent()).toBe(home);
      saveArtifact(`tv-missing-project-${lang}.png`, await page.screenshot());
      // The Play key has nothing to open either: the screen stays, the focus stays on the way home.
      const watchChunks: string[] = [];
      page.on('request', (request) => {
        if (/WatchScreen|WatchHost/.test(request.url())) watchChunks.push(request.url());
      });
      await pressKey(await page.context().newCDPSession(page), TIZEN, 'play');
      await page.waitForTimeout(500);
      expect(await page.getByTestId('tv-shell').getAttribute('data-screen')).toBe('home');
      expect(watchChunks).toEqual([]);
      await expectOneFocus(page, 'home-start');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.search.includes('project='), { timeout: 10_000 });
      expect(new URL(page.url()).searchParams.get('lang')).toBe(lang);
      await page.locator('[data-testid=tv-connection][data-status=live]').waitFor({ timeout: 30_000 });
      // Nothing throws on the way.
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('in Chinese, every summary figure stays inside its tile (1920×1080 and 1280×720)', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN`);
      await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
      const spills = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.tv-tile')].flatMap((tile) => {
          const box = tile.getBoundingClientRect();
          // The shell may scale its 10-foot layout: computed padding is in layout pixels, rects on screen.
          const padding = parseFloat(getComputedStyle(tile).paddingRight) * (box.width / tile.offsetWidth);
          return [...tile.querySelectorAll<HTMLElement>('.tv-tile__value')]
            .filter((value) => {
              // The text's own extent (a nowrap block is as wide as its tile; its text may run past it).
              const range = document.createRange();
              range.selectNodeContents(value);
              return range.getBoundingClientRect().right > box.right - padding + 0.5;
            })
            .map((value) => value.textContent);
        }),
      );
      expect(spills, `${viewport.width}×${viewport.height}`).toEqual([]);
      // The check measures: the same page's tiles, each text against its own tile, are all found.
      expect(await page.locator('.tv-tile__value').count()).toBe(4);
      saveArtifact(`tv-home-zh-${viewport.width}.png`, await page.screenshot());
      await page.close();
    }
  });

  it('the watch screen cannot be fetched: it says so with Try again focused, and Try again opens it once it can', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = recordPageErrors(page);
    let reachable = false;
    await page.route(/\/assets\/WatchScreen-[\w-]+\.js$/, (route) => (reachable ? route.continue() : route.abort('internetdisconnected')));
    await page.goto(`${server.url}/?mode=tv&project=${PROJECT_ID}&lang=zh-CN&tv360=flat`);
    await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
    await expectOneFocus(page, 'home-watch');
    await page.keyboard.press('Enter');
    const failed = page.getByTestId('tv-watch-failed');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toContain('无法打开片场');
    await expectOneFocus(page, 'watch-host-retry');
    await page.waitForTimeout(300); // past the ring's 120 ms transition away from the loading card's Back
    saveArtifact('tv-watch-chunk-failed-zh.png', await page.screenshot());
    reachable = true;
    await page.keyboard.press('Enter');
    await page.locator('.watch[data-view]').waitFor({ timeout: 30_000 });
    expect(await failed.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a project with no milestones yet says so in the timeline and the chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/?mode=tv&project=${EMPTY}&lang=en`);
    await page.getByTestId('tv-timeline-empty').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tv-title').textContent()).toBe('A Quiet First Week');
    expect(await page.getByText('No funding history yet: the total now only.').count()).toBe(1);
    expect(await page.getByTestId('tv-chart').getAttribute('data-points')).toBe('1');
    await expectOneFocus(page, 'home-watch');
    saveArtifact('tv-empty.png', await page.screenshot());
    await page.close();
  });
});
