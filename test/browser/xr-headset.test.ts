// The headset journey in Chromium with IWER's emulated Meta Quest 3, without WebXR layers (the sphere path):
// Enter VR starts a stereo session with the 360 video playing; each eye sees its own half of stereo footage, in
// 360 and 180; the right controller's trigger and a resting gaze both move between locations; leaving VR
// returns to the flat page. The location list answers the controller, the hand and the gaze; a milestone posted
// during the session shows as a toast; nothing is fetched from outside the server (controller profiles included).
// Vision Pro's transient pointer (look and pinch) cannot be emulated by IWER 2.5. Its WebXR select events reach
// the same onClick handlers of hotspots and list through @react-three/xr's pointer events, as the controller's and
// the hand's do, so these tests cover the handlers; the transient pointer's own wiring in @react-three/xr
// (store option `transientPointer`) is not exercised here.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pixelStats, recordPageErrors, saveArtifact } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { installIwer, turnHead } from '../xr/iwer-harness';
import { countPixels, isGreen, isMagenta, sampleTour, XrPage } from '../xr/xr-page';

const tour = sampleTour();

let server: TestServer;
let browser: Browser;
let page: Page;
let xr: XrPage;
let pageErrors: string[];
/** Every URL the page requested. */
const requests: string[] = [];
/** Every response that was not a success: URL and status. */
const failedResponses: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  browser = await launchChromium();
  // Small: SwiftShader draws both eyes on the CPU.
  page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  // The sample's Video village is for supporter backers (entitled-media.test.ts covers its lock): this tour walks in.
  await page.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-supporter'));
  pageErrors = recordPageErrors(page);
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
  });
  await installIwer(page, { polyfillLayers: false });
  await page.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=en`);
  xr = new XrPage(page, tour);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A hotspot of `id` that shows for the whole video. */
const steadyHotspot = (id: string) => xr.location(id).hotspots.find((h) => h.start === undefined && h.end === undefined)!;

describe('VR headset in Chromium with IWER (sphere path)', { timeout: 120_000 }, () => {
  it('enables Enter VR once the emulated headset is found', async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'supported', undefined, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('[data-testid="enter-vr"]')?.disabled === false, undefined, { timeout: 30_000 });
    expect(await page.getByTestId('xr-support').textContent()).toContain('Enter VR');
  });

  it('enters VR: a session with two views every frame, the sphere path, the 360 video playing', async () => {
    await xr.enterVr();
    const state = await xr.xr();
    expect(state).toMatchObject({ presenting: true, session: true, path: 'sphere', views: 2, mediaLayers: 0 });
    expect(await page.locator('[data-xr-path="sphere"]').count()).toBe(1);
    // Configured on purpose: the highest rate up to 90 Hz (the Quest 3 offers 72/80/90/120), seated ('local', no
    // floor), hand tracking and layers asked for but optional.
    const session = await page.evaluate(() => {
      const s = (window as unknown as { __setvisit: { xr: { session(): XRSession } } }).__setvisit.xr.session();
      return { frameRate: s.frameRate, features: [...(s.enabledFeatures ?? [])] };
    });
    expect(session.frameRate).toBe(90);
    expect(session.features).toContain('local');
    expect(session.features).not.toContain('local-floor');
    const video = () => page.evaluate(() => ({ time: document.querySelector('video')!.currentTime, paused: document.querySelector('video')!.paused }));
    const before = await video();
    await page.waitForTimeout(1_000);
    const after = await video();
    expect(after.paused).toBe(false);
    expect(after.time).toBeGreaterThan(before.time);
    saveArtifact('xr-sphere-start.png', await page.locator('canvas').screenshot());
  });

  it('resumes the video when the headset pauses it', async () => {
    await page.evaluate(() => document.querySelector('video')!.pause());
    await page.waitForFunction(() => !document.querySelector('video')!.paused, undefined, { timeout: 5_000 });
  });

  it('shows the location’s captions head-locked, in the UI language', async () => {
    await page.waitForFunction(() => ((window as unknown as { __setvisit: { xr: { caption: string } } }).__setvisit.xr.caption ?? '').length > 3, undefined, { timeout: 15_000 });
    expect((await xr.xr()).caption).toMatch(/[a-z]/i);
  });

  it('moves to a hotspot’s location when the right controller points at it and pulls the trigger', async () => {
    const from = (await xr.locationId())!;
    const hotspot = steadyHotspot(from);
    await xr.selectWithController(hotspot);
    expect(await xr.locationId()).toBe(hotspot.target);
  });

  it('moves to a hotspot’s location when the right hand points at it and pinches', async () => {
    const from = (await xr.locationId())!;
    const hotspot = steadyHotspot(from);
    await xr.selectWithHand(hotspot);
    expect(await xr.locationId()).toBe(hotspot.target);
  });

  for (const location of tour.locations.filter((l) => l.stereo !== 'mono')) {
    it(`gives each eye its own half of stereo footage: ${location.id} (${location.projection}, ${location.stereo})`, async () => {
      await xr.goTo(location.id);
      const { left, right } = await xr.eyeColours(`xr-sphere-eyes-${location.id}.png`);
      if (xr.artifact) saveArtifact(xr.artifact.name, xr.artifact.png);
      expect(isGreen(left), `left eye: ${left.join(',')}`).toBe(true);
      expect(isMagenta(right), `right eye: ${right.join(',')}`).toBe(true);
    });
  }

  it('moves to a hotspot’s location when the gaze rests on it until the ring fills', async () => {
    const from = (await xr.locationId())!;
    const hotspot = steadyHotspot(from);
    await turnHead(page, hotspot.yaw, hotspot.pitch);
    await page.waitForFunction(() => ((window as unknown as { __setvisit: { xr: { gaze: { progress: number } } } }).__setvisit.xr.gaze.progress ?? 0) > 0.2, undefined, { timeout: 10_000 });
    await xr.waitForLocation(hotspot.target);
    await turnHead(page, 0, 0);
    expect(await xr.locationId()).toBe(hotspot.target);
  });

  it('moves to a location picked from the location list with the right controller, the head still facing the same way', async () => {
    const from = (await xr.locationId())!;
    const to = tour.locations.find((l) => l.id !== from)!.id;
    const before = await xr.xr();
    expect(before.locationList.entries.map((e) => e.id)).toEqual(tour.locations.map((l) => l.id));
    await xr.selectFromList(to, 'controller');
    const after = await xr.xr();
    expect(await xr.locationId()).toBe(to);
    expect(Math.abs(after.headYaw - before.headYaw)).toBeLessThan(0.5);
    saveArtifact('xr-location-list.png', await xr.surface('locations'));
  });

  it('moves to a location picked from the list with the right hand (pinch)', async () => {
    const from = (await xr.locationId())!;
    const to = tour.locations.find((l) => l.id !== from)!.id;
    await xr.selectFromList(to, 'hand');
    expect(await xr.locationId()).toBe(to);
  });

  it('moves to a location when the gaze rests on its row in the list until the bar fills', async () => {
    const from = (await xr.locationId())!;
    const to = tour.locations.find((l) => l.id !== from)!.id;
    const { yaw, pitch } = await xr.listEntry(to);
    await turnHead(page, yaw, pitch);
    await page.waitForFunction(
      (want) => {
        const gaze = (window as unknown as { __setvisit: { xr: { locationList: { gaze: { target: string | null; progress: number } } } } }).__setvisit.xr.locationList.gaze;
        return gaze.target === want && gaze.progress > 0.2;
      },
      to,
      { timeout: 10_000 },
    );
    await xr.waitForLocation(to);
    await turnHead(page, 0, 0);
    expect(await xr.locationId()).toBe(to);
  });

  it('shows a milestone posted during the session as a toast above the milestone panel, which calls the panel over and hides by itself', async () => {
    // The head turns 20° away from the settled panels: too little for them to follow by themselves.
    await xr.waitForPanelsToSettle();
    await turnHead(page, (await xr.xr()).panelYaw + 20, 0);
    await xr.frames(10);
    const before = await xr.xr();
    expect(before.toast.visible).toBe(false);
    expect(Math.abs(before.panelYaw - before.headYaw)).toBeGreaterThan(15);
    const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}/milestones`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'scene-wrapped', title: { en: 'Scene 47 wrapped', 'zh-CN': '第 47 场杀青' } }),
    });
    expect(res.status).toBe(201);
    await page.waitForFunction(() => (window as unknown as { __setvisit: { xr: { toast: { visible: boolean } } } }).__setvisit.xr.toast.visible, undefined, { timeout: 10_000 });
    const shown = await xr.xr();
    expect(shown.toast.text).toBe('New from the set · Scene wrapped · Scene 47 wrapped');
    expect(shown.toast.draws).toBe(before.toast.draws + 1);
    // The toast's texture really holds the drawing: a dark card, the amber label and light title text.
    const png = await xr.surface('toast');
    saveArtifact('xr-toast-en.png', png);
    const stats = pixelStats(png);
    expect(stats.litShare).toBeGreaterThan(0.5);
    expect(stats.colours).toBeGreaterThan(20);
    expect(countPixels(png, ([r, g, b]) => r > 200 && g > 140 && g < 210 && b < 110)).toBeGreaterThan(500);
    // News calls the panels over to where the head looks.
    await page.waitForFunction((yaw) => Math.abs((window as unknown as { __setvisit: { xr: { panelYaw: number } } }).__setvisit.xr.panelYaw - yaw) <= 2, before.headYaw, { timeout: 10_000 });
    await turnHead(page, 0, 0);
    // It hides by itself (8 s after it came) and stays hidden.
    await page.waitForFunction(() => !(window as unknown as { __setvisit: { xr: { toast: { visible: boolean } } } }).__setvisit.xr.toast.visible, undefined, { timeout: 20_000 });
    await xr.frames(5);
    expect((await xr.xr()).toast.visible).toBe(false);
  });

  it('reports its draw calls per eye for the bench', async () => {
    await xr.frames(5);
    const { drawCalls, triangles } = await xr.xr();
    // Two eyes in one frame; the tour itself (video, hotspots, panel, captions) plus two controllers' rays.
    console.info(`xr sphere path: ${drawCalls / 2} draw calls and ${triangles / 2} triangles per eye`);
    // The goal (docs/benchmarks.md): at most 10 draw calls per eye for the tour.
    expect(drawCalls / 2).toBeLessThanOrEqual(10);
  });

  it('leaves VR cleanly: back to the flat page with Enter VR available, no page errors', async () => {
    await xr.exitVr();
    await page.locator('[data-presenting="false"]').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('enter-vr').isEnabled()).toBe(true);
    expect(await page.locator('[data-xr-path]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    // Controllers, hands and everything else came from this server: nothing from a CDN, and nothing missing.
    expect(requests.filter((url) => new URL(url).origin !== server.url)).toEqual([]);
    expect(failedResponses).toEqual([]);
    // The controllers' button layout came from the self-hosted profiles (no model files).
    const profiles = requests.filter((url) => new URL(url).pathname.startsWith('/xr-profiles/')).map((url) => new URL(url).pathname);
    expect(profiles).toContain('/xr-profiles/profilesList.json');
    expect(profiles).toContain('/xr-profiles/generic-trigger/profile.json');
    expect(profiles.filter((path) => path.endsWith('.glb'))).toEqual([]);
  });

  it('says why and what to do, offering the 360° view instead of Enter VR, where immersive VR is not available (Chromium without a headset)', async () => {
    const plain = await browser.newPage({ viewport: { width: 640, height: 360 } });
    try {
      await plain.goto(`${server.url}/?mode=xr&project=${PROJECT_ID}&lang=zh-CN`);
      await plain.waitForFunction(() => document.querySelector('[data-testid="xr-support"]')?.getAttribute('data-support') === 'unsupported', undefined, { timeout: 15_000 });
      // Chromium has WebXR but no headset here: the message names that cause and the way to fix it.
      expect(await plain.getByTestId('xr-support').textContent()).toContain('此浏览器支持 VR，但没有找到头显');
      expect(await plain.getByTestId('enter-vr').count()).toBe(0);
      expect(await plain.getByTestId('open-360').getAttribute('href')).toContain('mode=desktop');
    } finally {
      await plain.close();
    }
  });
});
