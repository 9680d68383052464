// What drawing a reaction storm costs a real page: the built app in Chromium, joined to a live meet-up on the real
// server (loopback), its ReactionBurst fed at the storm's rate — 100,000 reactions a minute, as the server's
// 250 ms windows deliver them (≈ 417 a window, mixed kinds) — for a bounded time. Per frame it records the burst's
// own main-thread time (pool step + drawImage per living particle) and the interval between animation frames,
// with a quiet baseline first. The stage video is paused while measuring (see below). Complements meetup-bench.ts, whose client part replays the windows without a canvas.
//   npx tsx test/bench/meetup-burst-draw.ts [--seconds 10] [--rate 100000]
// Set SETVISIT_TEST_APP_DIR to serve a private build instead of dist/.
import { launchChromium } from '../helpers/browser';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer } from '../helpers/test-server';
import { distribution, type Distribution } from './stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = Math.min(60, arg('seconds', 10));
const RATE_PER_MINUTE = arg('rate', 100_000);
const WINDOW_MS = 250;
const MEETUP_ID = 'burst-bench';

interface PageFigures {
  burstMs: number[];
  intervals: number[];
  maxAlive: number;
  offered: number;
}

async function main(): Promise<void> {
  const server = await startTestServer({ serveApp: true });
  const browser = await launchChromium();
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post(`/api/projects/${PROJECT_ID}/meetups`, { id: MEETUP_ID, title: { en: 'Bench' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' });
    await post(`/api/meetups/${MEETUP_ID}/start`, {});
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => localStorage.setItem('setvisit:backer-token', 'demo-gold'));
    // tsx (esbuild, keepNames) wraps named functions in __name(); the in-page code below needs it defined.
    await context.addInitScript('window.__name = (f) => f;');
    const page = await context.newPage();
    await page.goto(`${server.url}/?project=${PROJECT_ID}&lang=en&meetup=${MEETUP_ID}`);
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('.meetup-stage video')?.currentTime, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __setvisit: { reactionBurst?: unknown } }).__setvisit.reactionBurst, undefined, { timeout: 10_000 });

    // The 360 video's decode and upload (SwiftShader here) would dominate every frame and hide the burst: pause it,
    // so the frames measured are the burst's own (the panorama canvas draws on demand only).
    await page.evaluate(() => document.querySelector<HTMLVideoElement>('.meetup-stage video')?.pause());
    const run = (storm: boolean, seconds: number) =>
      page.evaluate(
        ({ storm, seconds, perWindow, windowMs }) =>
          new Promise<PageFigures>((resolve) => {
            interface Burst {
              add(kind: string, n: number): void;
              stats: { frames: number; lastFrameMs: number };
              pool: { alive: number };
            }
            const burst = (window as unknown as { __setvisit: { reactionBurst: Burst } }).__setvisit.reactionBurst;
            const kinds = ['heart', 'heart', 'heart', 'flower', 'applause', 'laugh', 'wow'];
            const figures: PageFigures = { burstMs: [], intervals: [], maxAlive: 0, offered: 0 };
            const feed = storm
              ? setInterval(() => {
                  // One window: the storm's reactions, hearts most, as a crowd sends them.
                  for (let i = 0; i < kinds.length; i++) burst.add(kinds[i]!, Math.round(perWindow / kinds.length));
                  figures.offered += perWindow;
                }, windowMs)
              : undefined;
            let last = performance.now();
            let lastFrames = burst.stats.frames;
            const end = last + seconds * 1000;
            const frame = (now: number) => {
              figures.intervals.push(now - last);
              last = now;
              if (burst.stats.frames !== lastFrames) figures.burstMs.push(burst.stats.lastFrameMs);
              lastFrames = burst.stats.frames;
              figures.maxAlive = Math.max(figures.maxAlive, burst.pool.alive);
              if (now < end) requestAnimationFrame(frame);
              else {
                clearInterval(feed);
                resolve(figures);
              }
            };
            requestAnimationFrame(frame);
          }),
        { storm, seconds, perWindow: Math.round((RATE_PER_MINUTE / 60_000) * WINDOW_MS), windowMs: WINDOW_MS },
      );

    // Control: the same page repainting every frame without the burst (a 1-pixel element moving), so the storm's
    // frame interval can be told apart from what any repaint costs on this machine.
    const control = await page.evaluate(
      (seconds) =>
        new Promise<number[]>((resolve) => {
          const dot = document.body.appendChild(document.createElement('div'));
          dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;background:#fff';
          const intervals: number[] = [];
          let last = performance.now();
          const end = last + seconds * 1000;
          const frame = (now: number) => {
            intervals.push(now - last);
            last = now;
            dot.style.left = `${intervals.length % 2}px`;
            if (now < end) requestAnimationFrame(frame);
            else {
              dot.remove();
              resolve(intervals);
            }
          };
          requestAnimationFrame(frame);
        }),
      Math.min(5, SECONDS),
    );
    const quiet = await run(false, Math.min(5, SECONDS));
    const stormy = await run(true, SECONDS);
    const show = (d: Distribution) => `p50 ${d.p50.toFixed(2)} · p95 ${d.p95.toFixed(2)} · p99 ${d.p99.toFixed(2)} · max ${d.max.toFixed(2)} ms (${d.count} frames)`;
    console.info(`Reaction burst in Chromium (headless, SwiftShader), ${RATE_PER_MINUTE.toLocaleString('en')} reactions/min for ${SECONDS} s`);
    console.info(`  burst work per frame (step + draw): ${show(distribution(stormy.burstMs))}`);
    console.info(`  frame interval, quiet:              ${show(distribution(quiet.intervals))}`);
    console.info(`  frame interval, storm:              ${show(distribution(stormy.intervals))}`);
    console.info(`  frame interval, repaint w/o burst:  ${show(distribution(control))}`);
    console.info(`  particles alive at most: ${stormy.maxAlive}; reactions offered: ${stormy.offered.toLocaleString('en')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
