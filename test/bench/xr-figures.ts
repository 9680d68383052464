// XR bench figures: draw calls and triangles per eye of the tour itself in a headset session, on both video
// paths (the equirect media layer, with IWER's WebXR Layers polyfill; the per-eye sphere, without it). Imported by
// `npm run bench` (measureXrView); also runs alone against a fresh test server serving dist/:
//   npx tsx test/bench/xr-figures.ts
//
// Method: headless Chromium (SwiftShader) with IWER's emulated Meta Quest 3 (test/xr/iwer-harness.ts) at
// `?mode=xr&lang=en`, Enter VR at the tour's start location; both controllers are then disconnected in IWER, so
// what is drawn is the tour alone (video, hotspots, milestone panel, location list, captions when a cue shows).
// three.js's renderer.info of each XR frame covers both eyes (one render of the ArrayCamera), as the XR shell's
// hook reports it; per eye = half. Over SAMPLE_FRAMES frames the largest value is kept (a caption showing or
// not changes it by one), so the figure is the view's worst case at that location.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchDebianChromium } from '../helpers/browser';
import { installIwer } from '../xr/iwer-harness';
import { sampleTour, XrPage } from '../xr/xr-page';

export interface XrViewFigure {
  path: 'media-layer' | 'sphere';
  drawCallsPerEye: number;
  trianglesPerEye: number;
}

const SAMPLE_FRAMES = 30;

export async function measureXrView(baseUrl: string): Promise<XrViewFigure[]> {
  // Not launchChromium(): that one insists on dist/, and the bench serves its own build.
  const browser: Browser = await launchDebianChromium();
  try {
    const figures: XrViewFigure[] = [];
    for (const path of ['media-layer', 'sphere'] as const) figures.push(await measurePath(browser, baseUrl, path));
    return figures;
  } finally {
    await browser.close();
  }
}

async function measurePath(browser: Browser, baseUrl: string, path: XrViewFigure['path']): Promise<XrViewFigure> {
  const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
  try {
    await installIwer(page, { polyfillLayers: path === 'media-layer' });
    await page.goto(`${baseUrl}/?mode=xr&lang=en`);
    const xr = new XrPage(page, sampleTour());
    await xr.enterVr();
    const state = await xr.xr();
    if (state.path !== path || state.views !== 2) throw new Error(`expected the ${path} path with two views, got ${state.path} with ${state.views}`);
    await page.evaluate(() => {
      const device = (window as unknown as { __iwer: { controllers: Record<string, { connected: boolean } | undefined> } }).__iwer;
      for (const controller of Object.values(device.controllers)) if (controller) controller.connected = false;
    });
    await xr.frames(5);
    // Sampled inside the page, every frame the hook records, without a round trip per frame.
    const { drawCalls, triangles } = await page.evaluate(
      (n) =>
        new Promise<{ drawCalls: number; triangles: number }>((resolve) => {
          const hook = (window as unknown as { __setvisit: { xr: { frames: number; drawCalls: number; triangles: number } } }).__setvisit.xr;
          const end = hook.frames + n;
          const most = { drawCalls: 0, triangles: 0 };
          const timer = setInterval(() => {
            most.drawCalls = Math.max(most.drawCalls, hook.drawCalls);
            most.triangles = Math.max(most.triangles, hook.triangles);
            if (hook.frames >= end) {
              clearInterval(timer);
              resolve(most);
            }
          }, 2);
        }),
      SAMPLE_FRAMES,
    );
    return { path, drawCallsPerEye: drawCalls / 2, trianglesPerEye: triangles / 2 };
  } finally {
    await page.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startTestServer } = await import('../helpers/test-server');
  const server = await startTestServer({ serveApp: true });
  try {
    const figures = await measureXrView(server.url);
    const rows = figures.map((f) => `| ${f.path} | ${f.drawCallsPerEye} | ${f.trianglesPerEye} |`);
    process.stdout.write(['| path | draw calls per eye | triangles per eye |', '|---|---|---|', ...rows, ''].join('\n'));
  } finally {
    await server.dispose();
  }
}
