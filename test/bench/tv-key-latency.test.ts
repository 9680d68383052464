// The TV key latency probe against the real app (the current `npm run build` in dist/) in Chromium: every timed
// press moved the focus and was painted, on home and in the watch screen's control bar. Figures are not judged
// here (they belong to the benchmark), only that the probe measures what it says.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDebianChromium } from '../helpers/browser';
import { REPO_ROOT } from '../helpers/test-server';
import { startSetVisitServer, type BenchAppServer } from './setvisit-server';
import { measureTvKeyLatency } from './tv-key-latency';

const DIST = join(REPO_ROOT, 'dist');

describe('TV key latency probe', () => {
  let app: BenchAppServer;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('no build in dist/: run `npm run build` first');
    app = await startSetVisitServer(DIST);
    browser = await launchDebianChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('times arrow presses that move the focus on home and in the watch screen', { timeout: 180_000 }, async () => {
    const figures = await measureTvKeyLatency(browser, app.url, 1, 6);
    expect(figures.watchView).toBe('flat');
    for (const screen of [figures.home, figures.watch]) {
      expect(screen).not.toBeNull();
      expect(screen!.latency.count).toBeGreaterThanOrEqual(5);
      expect(screen!.latency.p50).toBeGreaterThan(0);
      expect(screen!.latency.p99).toBeGreaterThanOrEqual(screen!.latency.p50);
      expect(screen!.latency.max).toBeLessThan(2_000);
    }
  });
});
