// A headset member of a circle, in real Chromium against the real server: a desktop page starts a circle, a page
// with IWER's emulated Meta Quest 3 joins it from the invite link and enters VR. The host pauses and seeks: the
// headset follows. The emulated head turns: the desktop's marker for the headset moves with it. The host's gaze
// shows in VR as a labelled marker (an arrow at the edge while out of sight), and the host's "look here" as a
// cue that is taken by turning the head to it. "Look here" from the emulated controller's ray and trigger reaches
// the desktop. The circle's panel in the room lists who is in, and its Leave takes the headset out.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';
import { aimRightController, installIwer, setRightTrigger, turnHead } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Hook {
  __setvisit: {
    circle?: { current: { status: string; view?: { members: { name: string }[] } }; circleTime(): { mediaTime: number; advancing: boolean } | undefined; control(action: unknown): Promise<{ ok: boolean }> };
    tour: { look: { lookAt(yaw: number, pitch: number): void } };
    view: { current(): { yaw: number; pitch: number } };
    xrCircle?: XrCircleView;
  };
}
interface XrCircleView {
  markers: { name: string; yaw: number; pitch: number; inView: boolean }[];
  cue: { name: string; yaw: number; pitch: number; inView: boolean; offDeg: number } | null;
  cuesTaken: number;
  pointed: { yaw: number; pitch: number; ok: boolean; text: string }[];
  panel: { state: string; members: string[]; targets: { id: string; yaw: number; pitch: number }[] };
}

const xrCircle = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as Hook).__setvisit.xrCircle ?? null)) as XrCircleView | null);
/** The headset's player against the circle: paused or not, its media time, and the circle's time now. */
const headsetPlayback = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('section[data-presenting] video');
    const circle = (window as unknown as Hook).__setvisit.circle?.circleTime();
    return { paused: video?.paused ?? null, time: video?.currentTime ?? NaN, duration: video?.duration ?? NaN, circleTime: circle?.mediaTime ?? NaN, advancing: circle?.advancing ?? null };
  });
/** Player minus circle (s), the short way round the looping footage (as the follower measures it). */
const loopDrift = ({ time, circleTime, duration }: { time: number; circleTime: number; duration: number }) => {
  const d = time - circleTime;
  if (!Number.isFinite(duration) || duration <= 0) return d;
  const w = ((d % duration) + duration) % duration;
  return w > duration / 2 ? w - duration : w;
};

describe('a headset in a circle', { timeout: 180_000 }, () => {
  it('follows the host, shows and sends presence and "look here", and leaves from its panel', async () => {
    const started = performance.now();
    // The desktop host starts a circle. 960×540 (above the phone layout), small: SwiftShader draws two 360 views on this machine's two cores.
    const desktop = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const desktopErrors = recordPageErrors(desktop);
    await desktop.goto(`${server.url}/?project=${PROJECT_ID}&lang=en`);
    // Up to 60 s: the panel's chunk loads after the first frame, which a loaded machine was seen to take long over.
    await desktop.getByRole('button', { name: 'Visit together…' }).click({ timeout: 60_000 });
    await desktop.getByLabel('Your name (shown to the circle)').fill('Ana');
    await desktop.getByRole('button', { name: 'Start a circle' }).click();
    const link = await desktop.getByLabel('Invite link', { exact: true }).inputValue({ timeout: 15_000 });

    // The headset opens the invite link (its own user agent would choose the XR shell; here ?mode=xr does).
    const headset = await browser.newPage({ viewport: { width: 640, height: 360 } });
    const headsetErrors = recordPageErrors(headset);
    // What the headset page logged, printed if its circle does not come.
    const headsetLog: string[] = [];
    headset.on('console', (m) => headsetLog.push(`${m.type()}: ${m.text()}`));
    await installIwer(headset, { polyfillLayers: false });
    const invite = new URL(link);
    invite.searchParams.set('mode', 'xr');
    invite.searchParams.set('lang', 'en');
    await headset.goto(invite.href);
    const card = headset.getByTestId('xr-circle');
    const joined = await card
      .and(headset.locator('[data-circle-status="joined"]'))
      .waitFor({ timeout: 60_000 })
      .then(() => true, () => false);
    if (!joined) console.info(`headset not joined: ${await card.getAttribute('data-circle-status')}, ${JSON.stringify(await headset.evaluate(() => (window as unknown as Hook).__setvisit.circle?.current))}\n${headsetLog.join('\n')}`);
    expect(joined).toBe(true);
    await card.getByText('Invited to a circle: joining as “Headset”.').waitFor();
    await expect.poll(() => desktop.locator('.circle__members li').count(), { timeout: 10_000 }).toBe(2);
    expect(await desktop.locator('.circle__members li').nth(1).textContent()).toContain('headset');

    const xr = new XrPage(headset, sampleTour());
    await xr.enterVr();
    await turnHead(headset, 0, 0);

    // The host pauses: the headset pauses on the circle's frame. The host seeks: it goes there.
    await desktop.getByRole('button', { name: 'Pause for everyone' }).click();
    await expect.poll(async () => (await headsetPlayback(headset)).paused, { timeout: 10_000 }).toBe(true);
    await card.getByText('Paused for everyone').waitFor({ timeout: 5_000 });
    // Put on the circle's frame (the seek lands a moment after the pause).
    let paused = await headsetPlayback(headset);
    expect(paused.advancing).toBe(false);
    const deadline = Date.now() + 10_000;
    while (Math.abs(loopDrift(paused)) >= 0.2 && Date.now() < deadline) {
      await headset.waitForTimeout(200);
      paused = await headsetPlayback(headset);
    }
    expect(Math.abs(loopDrift(paused)), `headset at ${paused.time} s, circle at ${paused.circleTime} s (loop ${paused.duration} s)`).toBeLessThan(0.2);
    expect(await desktop.evaluate(() => (window as unknown as Hook).__setvisit.circle!.control({ kind: 'seek', mediaTime: 3.5 }))).toEqual({ ok: true });
    await expect.poll(async () => (await headsetPlayback(headset)).time, { timeout: 10_000 }).toBeCloseTo(3.5, 1);
    await desktop.getByRole('button', { name: 'Play for everyone' }).click();
    await expect.poll(async () => (await headsetPlayback(headset)).paused, { timeout: 10_000 }).toBe(false);

    // The headset's head pose is its presence: the desktop's marker for it follows the emulated head.
    const headsetOnCompass = desktop.locator('.circle-compass__marker[data-member="Headset"]');
    for (const yaw of [60, -100]) {
      await turnHead(headset, yaw, 0);
      await expect.poll(async () => Number(await headsetOnCompass.getAttribute('data-yaw')), { timeout: 10_000 }).toBeCloseTo(yaw, 0);
    }

    // The host looks somewhere: in VR a marker with her name is there, out of sight (arrow at the edge) until the head turns to it.
    await desktop.evaluate(() => (window as unknown as Hook).__setvisit.tour.look.lookAt(90, 10));
    const ana = await waitFor(async () => (await xrCircle(headset))?.markers.find((m) => m.name === 'Ana' && Math.abs(m.yaw - 90) < 1), 10_000, 'Ana’s marker at 90°');
    expect(ana).toMatchObject({ pitch: 10, inView: false });
    await turnHead(headset, 85, 5);
    await waitFor(async () => (await xrCircle(headset))?.markers.find((m) => m.name === 'Ana')?.inView, 10_000, 'Ana’s marker in view');
    saveArtifact('xr-circle-marker.png', await headset.locator('canvas').screenshot());

    // The host's "look here" (she looks at 90°; the head has turned away): a cue in VR, out of view, leading there.
    await turnHead(headset, -60, 0);
    await desktop.getByRole('button', { name: 'Look here' }).click();
    const cue = await waitFor(async () => (await xrCircle(headset))?.cue, 10_000, 'the cue in VR');
    expect(cue).toMatchObject({ name: 'Ana', yaw: 90, pitch: 10, inView: false });
    saveArtifact('xr-circle-cue-arrow.png', await headset.locator('canvas').screenshot());
    await turnHead(headset, 90, 10);
    await waitFor(async () => (await xrCircle(headset))?.cuesTaken === 1, 10_000, 'the cue taken by turning to it');
    expect((await xrCircle(headset))?.cue).toBeNull();

    // "Look here" from the controller: its ray on a bare spot of the set, the trigger pulled. The desktop gets it.
    await turnHead(headset, -50, 0);
    await aimRightController(headset, -50, 12);
    await xr.frames(3);
    await setRightTrigger(headset, 1);
    await xr.frames(1);
    await setRightTrigger(headset, 0);
    const pointed = await waitFor(async () => (await xrCircle(headset))?.pointed[0], 10_000, 'the point sent');
    expect(pointed).toMatchObject({ ok: true, text: 'Sent: the others are asked to look here' });
    expect(Math.abs(pointed.yaw + 50)).toBeLessThan(3);
    expect(Math.abs(pointed.pitch - 12)).toBeLessThan(3);
    const desktopCue = desktop.getByTestId('circle-cue');
    await desktopCue.getByText('Headset says: look here').waitFor({ timeout: 10_000 });
    await desktopCue.getByRole('button', { name: 'Turn there' }).click();
    await expect.poll(() => desktop.evaluate(() => (window as unknown as Hook).__setvisit.view.current().yaw), { timeout: 5_000 }).toBeCloseTo(pointed.yaw, 0);

    // The panel in the room: who is in and what the circle does; its Leave takes the headset out.
    const panel = (await xrCircle(headset))!.panel;
    expect(panel.members).toEqual(['Ana', 'Headset']);
    expect(panel.state).toBe('Playing together');
    saveArtifact('xr-circle-panel.png', await xr.surface('circle'));
    await aimRightController(headset, -60, -30);
    await xr.leadPanelTo(0);
    const leave = await waitFor(async () => (await xrCircle(headset))?.panel.targets.find((t) => t.id === 'circle:leave'), 10_000, 'the panel’s Leave');
    await aimRightController(headset, leave.yaw, leave.pitch);
    await xr.frames(3);
    await setRightTrigger(headset, 1);
    await xr.frames(1);
    await setRightTrigger(headset, 0);
    await expect.poll(() => card.getAttribute('data-circle-status'), { timeout: 10_000 }).toBe('closed');
    await expect.poll(() => desktop.locator('.circle__members li').count(), { timeout: 10_000 }).toBe(1);
    await waitFor(async () => (await xrCircle(headset))?.panel.state === 'You left the circle.', 5_000, 'the panel saying so');

    await xr.exitVr();
    expect(headsetErrors).toEqual([]);
    expect(desktopErrors).toEqual([]);
    console.info(`xr-circle: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
