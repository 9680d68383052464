// Where the audience looks, from a TV at a live meet-up's stage: a Samsung (Tizen user agent, remote keys only)
// joins the live meet-up from home with the D-pad; its stage samples the view through the same sampler as the watch
// screen, so the host's live radar shows the TV (four socket viewers, looking behind, make the five the radar needs) and follows it
// when the family turns the stage with held arrows; the stored aggregate of the stage has the TV's look. The notice
// is the stage's last row, in the family's language, at sofa size, clear of the reactions bar, the question board
// and the header; Down from the reactions reaches its switch and OK turns it off: remembered, off the radar at
// once, and nothing more is sent while the stage plays and turns. Real server, real sockets, real live HLS.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetupApi } from '../../src/meetup/meetup-api';
import { cellOf, type AttentionMap } from '../../src/protocol/attention';
import { launchChromium, saveArtifact } from '../helpers/browser';
import { SAMPLE_MEETUP_ID } from '../../src/server/sample-project';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { direction, readRadar, SocketAudience } from '../helpers/attention-audience';
import { focusedId, openTvHome, type WatchPage } from '../tv/watch/watch-page';
import { TIZEN_UA } from '../tv/watch/tv-remote';

const MEETUP_ID = 'tv-stage-attention';
const ENDED_ID = 'tv-stage-attention-ended';
const STAGE = `meetup:${MEETUP_ID}`;
const BEHIND = cellOf(180, 0);
let server: TestServer;
let browser: Browser;
let audience: SocketAudience;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  const api = new MeetupApi(server.url);
  const scheduled = await api.schedule(
    PROJECT_ID,
    { id: MEETUP_ID, title: { en: 'The Keeper, live', 'zh-CN': '守灯人直播' }, star: { en: 'Lin Yue', 'zh-CN': '林悦' }, scheduledStart: new Date(Date.now() + 60_000).toISOString(), requiredTier: 'supporter' },
    OPERATOR_TOKEN,
  );
  expect(scheduled.ok).toBe(true);
  expect((await api.start(MEETUP_ID, OPERATOR_TOKEN)).ok).toBe(true);
  // One already over, for its replay.
  expect((await api.schedule(PROJECT_ID, { id: ENDED_ID, title: { en: 'Yesterday' }, star: { en: 'Lin Yue' }, scheduledStart: new Date(Date.now() - 60_000).toISOString(), requiredTier: 'supporter' }, OPERATOR_TOKEN)).ok).toBe(true);
  expect((await api.start(ENDED_ID, OPERATOR_TOKEN)).ok).toBe(true);
  expect((await api.end(ENDED_ID, OPERATOR_TOKEN)).ok).toBe(true);
  browser = await launchChromium();
  // Behind the TV (it starts facing north), so that its cell is its own.
  audience = await SocketAudience.join(server.url, STAGE, [BEHIND, BEHIND, BEHIND, BEHIND]);
}, 60_000);

afterAll(async () => {
  audience?.dispose();
  await browser?.close();
  await server?.dispose();
});

const samplerStats = (page: Page) =>
  page.evaluate(() => {
    const sampler = (window as unknown as { __setvisit: { attention?: { stats: { samples: number; reportsSent: number } } } }).__setvisit.attention;
    return sampler ? { ...sampler.stats } : null;
  });
const stageTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLVideoElement>('.tv-meetup-stage video')?.currentTime ?? 0);

/** A 1080p Samsung with a supporter's code remembered, on the live stage (flat-pan view: cheap on SwiftShader). */
async function openStage(lang: 'en' | 'zh-CN'): Promise<WatchPage> {
  const context = await browser.newContext({ userAgent: TIZEN_UA, viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
  const watch = await openTvHome(browser, server.url, '&tv360=flat', { context, lang });
  const { page, remote } = watch;
  await page.getByTestId('tv-backers').waitFor({ timeout: 30_000 });
  await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe('home-watch');
  await remote.press('right');
  await expect.poll(() => focusedId(page)).toBe('home-meetups');
  await remote.press('ok');
  await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe(`meetup-card-${MEETUP_ID}`);
  await remote.press('ok');
  await page.locator('[data-testid=tv-meetup-room][data-state=live]').waitFor({ timeout: 20_000 });
  await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe('meetup-react-heart');
  // The stream plays, and the sampler (after the first frame) is up.
  const t0 = await stageTime(page);
  await expect.poll(() => stageTime(page), { timeout: 45_000 }).toBeGreaterThan(t0 + 1);
  await expect.poll(() => samplerStats(page), { timeout: 15_000 }).not.toBeNull();
  await page.getByTestId('attention-switch').waitFor({ timeout: 10_000 });
  return watch;
}

/** The radar shows five viewers, one of them (the TV) on `cell`. */
async function tvOnTheRadar(cell: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const radar = await readRadar(server.url, STAGE);
        return radar.withheld ? 'withheld' : `${radar.viewers} viewers, ${radar.cells?.[cell] ?? 0} on the TV's cell`;
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe("5 viewers, 1 on the TV's cell");
}

/** The notice row at sofa size, clear of everything else the room shows (measured in the page). */
async function expectRowClear(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    const rect = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    const row = document.querySelector('.tv-stage-attention');
    const others = { stage: '.tv-meetup-stage', reactions: '.tv-reactions', board: '.tv-questions', header: '.tv-meetup__header', countdown: '.tv-countdown' };
    const font = (sel: string) => Math.min(...[...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize)));
    return {
      row: rect(row),
      others: Object.fromEntries(Object.entries(others).map(([name, sel]) => [name, rect(document.querySelector(sel))])),
      fonts: { text: font('.tv-stage-attention .tv-attention__text'), hint: font('.tv-stage-attention .tv-attention__hint'), button: font('.tv-stage-attention .tv-attention__switch') },
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
  const row = layout.row!;
  expect(row, 'the notice row').not.toBeNull();
  expect(row.bottom, `the row ends inside the screen: ${JSON.stringify(layout)}`).toBeLessThanOrEqual(layout.viewport.height);
  for (const [name, other] of Object.entries(layout.others)) {
    if (!other) continue;
    const overlap = Math.min(row.right, other.right) > Math.max(row.left, other.left) && Math.min(row.bottom, other.bottom) > Math.max(row.top, other.top);
    expect(overlap, `the notice row overlaps the ${name}: ${JSON.stringify(layout)}`).toBe(false);
  }
  for (const [what, px] of Object.entries(layout.fonts)) expect(px, `${what} font size`).toBeGreaterThanOrEqual(24);
}

describe('attention on a TV meet-up stage', { timeout: 240_000 }, () => {
  it('the live stage reports where the remote turns it, to the radar and the aggregate; its switch, reached with the D-pad, stops it', async () => {
    const watch = await openStage('en');
    const { page, remote } = watch;
    const notice = page.getByTestId('attention-notice');
    expect(await notice.textContent()).toBe(
      'Anonymous viewing directions are collected, so the production sees where the audience looks. Down to the switch, then OK.Share where I look: on',
    );
    await expectRowClear(page);
    saveArtifact('tv-stage-attention-en.png', await page.screenshot());

    // The TV on the radar where its stage faces, then where the held arrow turned it.
    const first = await direction(page);
    await tvOnTheRadar(cellOf(first.yaw, first.pitch));
    await remote.press('up');
    await expect.poll(() => focusedId(page)).toBe('meetup-stage');
    await remote.press('ok');
    await page.locator('.tv-meetup-stage[data-looking=true]').waitFor({ timeout: 5_000 });
    // Held until the view faces another cell: on a loaded machine one hold may turn it by less than a cell.
    const cellNow = async () => {
      const d = await direction(page);
      return cellOf(d.yaw, d.pitch);
    };
    for (let i = 0; i < 5 && (await cellNow()) === cellOf(first.yaw, first.pitch); i++) {
      await remote.hold('right', 900);
      await page.waitForTimeout(300);
    }
    const turned = await direction(page);
    expect(cellOf(turned.yaw, turned.pitch), `the view turned from yaw ${first.yaw} to ${turned.yaw}`).not.toBe(cellOf(first.yaw, first.pitch));
    await tvOnTheRadar(cellOf(turned.yaw, turned.pitch));
    await remote.press('ok');
    await page.locator('.tv-meetup-stage[data-looking=false]').waitFor({ timeout: 5_000 });

    // The stored aggregate of the stage (the open buckets are stored before the read) has the TV's looks, and
    // the five viewers it needs to be shown.
    const response = await fetch(`${server.url}/api/projects/${PROJECT_ID}/attention/${encodeURIComponent(STAGE)}`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    expect(response.status).toBe(200);
    const map = (await response.json()) as AttentionMap;
    expect(map.withheld).toBe(false);
    expect(map.viewers).toBe(5);
    expect(map.cells![cellOf(first.yaw, first.pitch)]).toBeGreaterThanOrEqual(1);
    expect(map.cells![cellOf(turned.yaw, turned.pitch)]).toBeGreaterThanOrEqual(1);

    // The switch with the remote only: from the stage Down to the reactions, Down again to the switch.
    await remote.press('down');
    await expect.poll(() => focusedId(page)).toMatch(/^meetup-react-/);
    await remote.press('down');
    await expect.poll(() => focusedId(page)).toBe('meetup-attention');
    // On the switch, the hint to reach it goes; Up leads back to the reactions (the stage's own flow is unchanged).
    expect(await notice.locator('.tv-attention__hint').count()).toBe(0);
    saveArtifact('tv-stage-attention-switch-en.png', await page.screenshot());
    await remote.press('ok');
    await expect.poll(() => notice.getAttribute('data-opted-out')).toBe('true');
    expect(await page.getByTestId('attention-switch').textContent()).toBe('Share where I look: off');
    expect(await page.getByTestId('attention-switch').getAttribute('aria-checked')).toBe('false');
    expect(await page.evaluate(() => localStorage.getItem('setvisit:attention:off'))).toBe('1');
    // Off the radar at once (four viewers: withheld); playing on and turning, the stage sends nothing more.
    await expect.poll(async () => (await readRadar(server.url, STAGE)).withheld, { timeout: 5_000, interval: 250 }).toBe(true);
    const sentBefore = (await samplerStats(page))!;
    await remote.press('up');
    await expect.poll(() => focusedId(page)).toMatch(/^meetup-react-/);
    await remote.press('up');
    await expect.poll(() => focusedId(page)).toBe('meetup-stage');
    await remote.press('ok');
    await remote.hold('left', 900);
    await remote.press('ok');
    const t0 = await stageTime(page);
    await expect.poll(() => stageTime(page), { timeout: 15_000 }).toBeGreaterThan(t0 + 2);
    expect(await samplerStats(page)).toEqual(sentBefore);
    expect((await readRadar(server.url, STAGE)).withheld).toBe(true);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });

  it('in Chinese: the notice clear of the stage, the reactions and the board; none at a countdown; the replay’s switch is Down from its buttons', async () => {
    const watch = await openStage('zh-CN');
    const { page, remote } = watch;
    const notice = page.getByTestId('attention-notice');
    expect(await notice.textContent()).toBe('我们会匿名收集观看方向，让制作团队了解观众在看哪里。 按“下”键选中开关，再按 OK 键。分享我的观看方向：开');
    await expectRowClear(page);
    saveArtifact('tv-stage-attention-zh-CN.png', await page.screenshot());

    // Back to the list; below the live one, the demo's scheduled meet-up (nothing plays, nothing is told) and,
    // right of it, the ended one.
    await remote.press('back');
    await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe(`meetup-card-${MEETUP_ID}`);
    await remote.press('down');
    await expect.poll(() => focusedId(page)).toBe(`meetup-card-${SAMPLE_MEETUP_ID}`);
    await remote.press('ok');
    await page.getByTestId('tv-meetup-countdown').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('attention-notice').count()).toBe(0);
    await remote.press('back');
    await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe(`meetup-card-${SAMPLE_MEETUP_ID}`);
    await remote.press('right');
    await expect.poll(() => focusedId(page)).toBe(`meetup-card-${ENDED_ID}`);
    await remote.press('ok');
    await page.locator('[data-testid=tv-meetup-room][data-state=ended]').waitFor({ timeout: 20_000 });
    await expect.poll(() => focusedId(page), { timeout: 10_000 }).toBe('meetup-stage');
    await page.getByTestId('attention-switch').waitFor({ timeout: 30_000 });
    await remote.press('down');
    await expect.poll(() => focusedId(page)).toMatch(/^meetup-replay-/);
    await remote.press('down');
    await expect.poll(() => focusedId(page)).toBe('meetup-attention');
    await expectRowClear(page);
    saveArtifact('tv-stage-attention-replay-zh-CN.png', await page.screenshot());
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });
});
