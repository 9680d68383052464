// The desktop player controls in real Chromium against the real server and its real HLS (the set tour's video and a
// live meet-up's stream): they fade while watching and come back on movement and focus; play/pause, the timeline
// (time, length, buffered), full screen and the compass with "reset view" work from the keyboard and the pointer;
// a live stream shows its badge and no seek goes past its edge.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { animationsSettled, launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

const MEETUP_ID = 'controls-live';
let server: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  errors = recordPageErrors(page);
  await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 45_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const video = (p: Page) => p.evaluate(() => {
  const v = document.querySelector('video')!;
  return { paused: v.paused, time: v.currentTime, duration: v.duration };
});
/** A person's click on a control: the pointer arrives over it first (which shows faded controls, and keeps them
 * while it stays there), then presses. */
async function press(p: Page, control: Locator): Promise<void> {
  await pressAt(p, control, 0.5);
}
/** The same, at a share of the control's width (a place on the timeline). */
async function pressAt(p: Page, control: Locator, share: number): Promise<void> {
  const box = (await control.boundingBox())!;
  await p.mouse.move(box.x + box.width * share, box.y + box.height / 2);
  await p.locator('[data-testid=player-controls][data-visible=true]').waitFor({ timeout: 2_000 });
  await p.mouse.click(box.x + box.width * share, box.y + box.height / 2);
}
const controlsVisible = (p: Page) => p.getByTestId('player-controls').getAttribute('data-visible');
const compassYaw = (p: Page) => p.getByTestId('compass').getAttribute('data-yaw');

describe('desktop player controls', { timeout: 60_000 }, () => {
  it('shows them on movement, and fades them after a few idle seconds while the video plays', async () => {
    const box = (await page.locator('.view').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 3);
    expect(await controlsVisible(page)).toBe('true');
    saveArtifact('desktop-controls-shown.png', await page.screenshot());
    await expect.poll(() => controlsVisible(page), { timeout: 8_000 }).toBe('false');
    // Movement brings them back.
    await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 3);
    expect(await controlsVisible(page)).toBe('true');
  });

  it('plays and pauses from the keyboard and the button, and stays shown while paused', async () => {
    await page.locator('.view').focus();
    await page.keyboard.press('k');
    await expect.poll(async () => (await video(page)).paused).toBe(true);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    // Paused: no fading, however long nothing moves.
    await page.waitForTimeout(3_600);
    expect(await controlsVisible(page)).toBe('true');
    await press(page, page.getByRole('button', { name: 'Play', exact: true }));
    await expect.poll(async () => (await video(page)).paused).toBe(false);
    await page.locator('.view').focus();
    await page.keyboard.press(' ');
    await expect.poll(async () => (await video(page)).paused).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(async () => (await video(page)).paused).toBe(false);
  });

  it('brings the faded controls back when a key moves the focus into them', async () => {
    // The pointer off the controls (on them, they stay), then the keyboard in the view.
    const box = (await page.locator('.view').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await page.locator('.view').focus();
    await expect.poll(() => controlsVisible(page), { timeout: 8_000 }).toBe('false');
    await page.getByTestId('play-pause').focus();
    expect(await controlsVisible(page)).toBe('true');
  });

  it('shows the time, the length and what is buffered, and seeks by pointer, keyboard and J/L', async () => {
    const { duration } = await video(page);
    expect(Number.isFinite(duration) && duration > 2).toBe(true);
    const timeline = page.getByTestId('player-timeline');
    expect(await page.getByTestId('player-time').textContent()).toMatch(/^\d+:\d\d \/ \d+:\d\d$/);
    await expect.poll(async () => Number(await timeline.getAttribute('data-buffered')) > (await video(page)).time, { timeout: 10_000 }).toBe(true);
    // A press at three quarters of the bar.
    await pressAt(page, timeline, 0.75);
    await expect.poll(async () => Math.abs((await video(page)).time - duration * 0.75) < 2.5, { timeout: 5_000 }).toBe(true);
    // Home on the focused slider goes back to the start.
    await timeline.focus();
    await page.keyboard.press('Home');
    await expect.poll(async () => (await video(page)).time < 2, { timeout: 5_000 }).toBe(true);
    // L goes 10 s on (or to the end of a shorter video), J back.
    await page.locator('.view').focus();
    const before = (await video(page)).time;
    await page.keyboard.press('l');
    await expect.poll(async () => (await video(page)).time > before + Math.min(5, duration - before - 1), { timeout: 5_000 }).toBe(true);
    expect((await video(page)).time).toBeLessThanOrEqual(duration);
  });

  it('goes full screen and back from the button and from F', async () => {
    await press(page, page.getByTestId('fullscreen'));
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className ?? null)).toContain('view');
    await page.getByRole('button', { name: 'Exit full screen' }).waitFor();
    await press(page, page.getByTestId('fullscreen'));
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
    await page.locator('.view').focus();
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null);
  });

  it('turns its compass with the view and resets the view from it (pointer and R)', async () => {
    const initial = await page.evaluate(() => (window as unknown as { __setvisit: { tour: { player: { state: { current: { location: { initialView: { yaw: number } } } } } } } }).__setvisit.tour.player.state.current.location.initialView.yaw);
    expect(await compassYaw(page)).toBe('0');
    // Arrow keys turn the view right: the compass follows.
    await page.locator('.view').focus();
    await page.keyboard.down('ArrowRight');
    await page.waitForTimeout(1_200);
    await page.keyboard.up('ArrowRight');
    await expect.poll(async () => Number(await compassYaw(page)), { timeout: 3_000 }).toBeGreaterThan(5);
    expect(await page.getByTestId('compass').getAttribute('aria-label')).toMatch(/^Reset view \(now facing \d+° right\)$/);
    await press(page, page.getByTestId('compass'));
    await expect.poll(() => compassYaw(page)).toBe('0');
    const yaw = () => page.evaluate(() => (window as unknown as { __setvisit: { view: { current(): { yaw: number } } } }).__setvisit.view.current().yaw);
    await expect.poll(async () => Math.abs((await yaw()) - initial) < 0.5).toBe(true);
    // A touch drag turns it too; R (in the view) turns it back.
    const box = (await page.locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Number(await compassYaw(page))).toBeLessThan(-5);
    await page.locator('.view').focus();
    await page.keyboard.press('r');
    await expect.poll(() => compassYaw(page)).toBe('0');
    expect(errors).toEqual([]);
  });

  it('keeps the captions clear of the locations and controls, and moves them to the top for good when asked', async () => {
    const captions = page.getByTestId('captions');
    await captions.waitFor({ timeout: 15_000 });
    const box = (await page.locator('.view').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    // Between two cues the captions box is empty and not laid out: it is read while a cue shows.
    const captionBox = async () => {
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const found = await captions.boundingBox();
        if (found) return found;
      }
      throw new Error('no caption on screen for 15 s');
    };
    const overlaps = async () => {
      await animationsSettled(page);
      const c = await captionBox();
      const others = [await page.locator('.locations').boundingBox(), await page.getByTestId('player-controls').boundingBox(), await page.locator('.view__sound').boundingBox()];
      return others.filter((o) => o && c.x < o.x + o.width && o.x < c.x + c.width && c.y < o.y + o.height && o.y < c.y + c.height).length;
    };
    expect(await captions.getAttribute('data-place')).toBe('bottom');
    expect(await overlaps()).toBe(0);
    await press(page, page.getByRole('button', { name: 'Captions to the top' }));
    await expect.poll(() => captions.getAttribute('data-place')).toBe('top');
    expect((await captionBox()).y).toBeLessThan(box.y + box.height / 4);
    expect(await overlaps()).toBe(0);
    saveArtifact('desktop-captions-top.png', await page.screenshot());
    // Remembered: the next visit shows them at the top too.
    await page.reload();
    await page.getByTestId('captions').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('captions').getAttribute('data-place')).toBe('top');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await press(page, page.getByRole('button', { name: 'Captions to the bottom' }));
    await expect.poll(() => page.getByTestId('captions').getAttribute('data-place')).toBe('bottom');
    expect(await page.evaluate(() => localStorage.getItem('setvisit:caption-place'))).toBe('bottom');
  });

  // Longer than the others: it schedules a meet-up and waits for its live stream's first frames in a new page.
  it('on a live stream: a Live badge, and no seek past the live edge', { timeout: 90_000 }, async () => {
    const api = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const scheduled = await api(`/api/projects/${PROJECT_ID}/meetups`, {
      id: MEETUP_ID,
      title: { en: 'Live controls' },
      star: { en: 'Lin Yue' },
      scheduledStart: new Date(Date.now() + 60_000).toISOString(),
      requiredTier: 'gold',
    });
    expect(scheduled.status).toBe(201);
    expect((await api(`/api/meetups/${MEETUP_ID}/start`, {})).status).toBe(200);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
    const live = await context.newPage();
    const liveErrors = recordPageErrors(live);
    try {
      await live.goto(`${server.url}/?project=${PROJECT_ID}&lang=en&meetup=${MEETUP_ID}`);
      await live.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 45_000 });
      const stage = live.locator('.meetup-stage .view');
      await stage.hover();
      await live.getByTestId('live-badge').waitFor();
      expect(await live.getByTestId('live-badge').textContent()).toBe('Live');
      // A live stream has no length to show.
      expect(await live.getByTestId('player-time').count()).toBe(0);
      saveArtifact('desktop-controls-live.png', await live.screenshot());
      // End on the slider and L from the view go to the edge at most, never past it.
      const edge = () => live.evaluate(() => {
        const v = document.querySelector('video')!;
        return { time: v.currentTime, edge: v.seekable.length ? v.seekable.end(v.seekable.length - 1) : 0 };
      });
      const timeline = live.getByTestId('player-timeline');
      expect(Number(await timeline.getAttribute('max'))).toBeGreaterThan(0);
      expect(Number(await timeline.getAttribute('max'))).toBeLessThanOrEqual((await edge()).edge + 0.01);
      await timeline.focus();
      await live.keyboard.press('End');
      await live.waitForTimeout(300);
      let now = await edge();
      expect(now.time).toBeLessThanOrEqual(now.edge + 0.01);
      await stage.focus();
      for (let i = 0; i < 3; i++) await live.keyboard.press('l');
      await live.waitForTimeout(300);
      now = await edge();
      expect(now.time).toBeLessThanOrEqual(now.edge + 0.01);
      expect(liveErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
