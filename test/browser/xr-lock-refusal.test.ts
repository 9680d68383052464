// What the headset says in VR about footage that does not play, with IWER's emulated Quest 3 in real Chromium: the
// lock of a location the viewer's tier does not open, naming the tier (in Chinese here); a stall with its cause while
// the next location's stream cannot be reached (behind the project's fault-injecting proxy), gone once it plays;
// and, for a code the operator revoked, that the code was revoked. Each notice opens where the head looks.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IssuedBackerCode } from '../../src/protocol';
import { closeLeftoverPages, launchChromium, recordPageErrors, saveArtifact } from '../helpers/browser';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { aimRightController, installIwer, setRightTrigger } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

const tour = sampleTour();
const gated = tour.locations.find((l) => l.tier)!;

let server: TestServer;
let proxy: FaultProxy;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
  proxy = await startFaultProxy(server.url);
  browser = await launchChromium();
}, 60_000);
// A test that fails leaves neither its fault nor its page behind for the next one.
afterEach(async () => {
  proxy.clear();
  await closeLeftoverPages(browser);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

interface Notice {
  kind: string;
  text: string;
  yaw: number;
  retry: boolean;
}

const notice = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { xr: { mediaNotice: Notice; headYaw: number } } }).__setvisit.xr.mediaNotice);
const headYaw = (page: Page) => page.evaluate(() => (window as unknown as { __setvisit: { xr: { headYaw: number } } }).__setvisit.xr.headYaw);
/** Waits for the notice; on a timeout, says what the page showed and what its media state was. */
async function waitForNotice(page: Page, kind: string, text: string, timeout: number): Promise<void> {
  try {
    await page.waitForFunction(
      ([k, t]) => {
        const n = (window as unknown as { __setvisit: { xr: { mediaNotice: Notice } } }).__setvisit.xr.mediaNotice;
        return n.kind === k && n.text.includes(t!);
      },
      [kind, text],
      { timeout },
    );
  } catch (error) {
    const seen = await page.evaluate(() => {
      const hook = (window as unknown as { __setvisit: { xr: { mediaNotice: Notice }; store: { getState(): { media: unknown; tour: unknown } } } }).__setvisit;
      return { notice: hook.xr.mediaNotice, media: hook.store.getState().media, tour: hook.store.getState().tour };
    });
    throw new Error(`no ${kind} notice saying "${text}" within ${timeout} ms; the page had ${JSON.stringify(seen).slice(0, 1500)}`, { cause: error });
  }
}

/** Opens the headset page (through `base`), enters VR at the tour's start. */
async function enterVr(base: string, lang: 'en' | 'zh-CN', code?: string): Promise<{ page: Page; xr: XrPage; errors: string[] }> {
  // Small: SwiftShader draws both eyes on the CPU.
  const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  if (code) await page.addInitScript((c) => localStorage.setItem('setvisit:backer-token', c), code);
  const errors = recordPageErrors(page);
  await installIwer(page, { polyfillLayers: false });
  await page.goto(`${base}/?mode=xr&project=${PROJECT_ID}&lang=${lang}`);
  const xr = new XrPage(page, tour);
  await xr.enterVr();
  return { page, xr, errors };
}

/** Points the right controller at a hotspot of the location on screen leading to `target` and pulls the trigger,
 * without waiting for the location to play (it may not). */
async function pull(xr: XrPage, from: string, target: string): Promise<void> {
  const hotspot = xr.location(from).hotspots.find((h) => h.target === target && h.start === undefined && h.end === undefined)!;
  await aimRightController(xr.page, hotspot.yaw, hotspot.pitch);
  await xr.frames(3);
  await setRightTrigger(xr.page, 1);
  await xr.frames(1);
  await setRightTrigger(xr.page, 0);
  await aimRightController(xr.page, 90, -80);
}

describe('notices in VR', { timeout: 120_000 }, () => {
  it('a location the tier does not open: a lock naming the tier, where the head looks, and the viewer stays', async () => {
    const { page, xr, errors } = await enterVr(server.url, 'zh-CN');
    await pull(xr, tour.start, gated.id);
    await waitForNotice(page, 'lock', `${gated.name['zh-CN']}仅限「支持者」档及以上支持者`, 5_000);
    const shown = await notice(page);
    expect(shown.retry).toBe(false);
    expect(Math.abs(shown.yaw - (await headYaw(page)))).toBeLessThan(15);
    saveArtifact('xr-lock-zh-CN.png', await xr.surface('media-notice'));
    expect(await xr.locationId()).toBe(tour.start);
    expect((await xr.xr()).presenting).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a stream that cannot be reached: the stall and its cause in VR, gone once it plays; a revoked code is named', async () => {
    const issued = await fetch(`${server.url}/api/backer-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'xr refusal', tier: gated.tier, projects: [PROJECT_ID] }),
    });
    expect(issued.status).toBe(201);
    const code = IssuedBackerCode.parse(await issued.json());
    const { page, xr, errors } = await enterVr(proxy.url, 'en', code.token);

    proxy.set('stage-down', { match: /\/media\/stage-a\/master\.m3u8/, status: 503 });
    await pull(xr, tour.start, 'stage-a');
    await waitForNotice(page, 'stall', 'The stream cannot be reached. Trying again…', 10_000);
    const stall = await notice(page);
    expect(stall.retry).toBe(true);
    expect(stall.text).toContain('Select this notice to try again.');
    expect(Math.abs(stall.yaw - (await headYaw(page)))).toBeLessThan(15);
    saveArtifact('xr-stall-en.png', await xr.surface('media-notice'));
    proxy.clear('stage-down');
    await xr.waitForLocation('stage-a', 15_000);
    await page.waitForFunction(() => (window as unknown as { __setvisit: { xr: { mediaNotice: Notice } } }).__setvisit.xr.mediaNotice.kind === '', undefined, { timeout: 5_000 });

    // The operator revokes the code; the pass runs out (the browser drops the cookie at its expiry; here the test does).
    expect((await fetch(`${server.url}/api/backer-tokens/${code.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).status).toBe(200);
    await page.context().clearCookies({ name: 'setvisit_media' });
    await pull(xr, 'stage-a', gated.id);
    await waitForNotice(page, 'error', 'This backer code was revoked. Enter a valid one.', 20_000);
    const refused = await notice(page);
    expect(refused.text).not.toMatch(/cannot be reached|could not be decoded/);
    saveArtifact('xr-refusal-en.png', await xr.surface('media-notice'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
