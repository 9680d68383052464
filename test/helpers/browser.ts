// Debian's Chromium driven by playwright-core: headless, WebGL through SwiftShader, autoplay allowed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { APP_DIR, REPO_ROOT } from './test-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots the browser tests leave for people to look at (ignored by git). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test/.artifacts');

/**
 * For the browser tests, which serve dist/. `extraArgs`: more Chromium switches for one test (e.g. a small MSE
 * buffer limit to provoke quota errors).
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(join(APP_DIR, 'index.html'))) throw new Error('No built app in dist/: run `npm run build` first (npm test does)');
  // A fresh clone has no artifacts folder; every browser test starts here before it saves a screenshot.
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return launchDebianChromium(extraArgs);
}

/** The same browser without the dist/ check: the benchmarks serve their own builds. */
export async function launchDebianChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      // No GPU here: WebGL runs on SwiftShader, which Chromium only allows when asked.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

/** Saves a screenshot for people to look at after the run (test/.artifacts/<name>). */
/** Closes the pages a test left open (it failed before its own close): the next test starts on an idle browser. */
export async function closeLeftoverPages(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close().catch(() => undefined)));
}

export function saveArtifact(name: string, png: Buffer): void {
  writeFileSync(join(ARTIFACTS_DIR, name), png);
}

/**
 * Waits until no transition or finite animation runs on the page (at most `timeoutMs`): a layout is judged at rest,
 * not halfway through one (the player controls fade in and out over 250 ms).
 */
export async function animationsSettled(page: Page, timeoutMs = 3_000): Promise<void> {
  await page.waitForFunction(() => !document.getAnimations().some((a) => a.playState === 'running' && !(a.effect instanceof KeyframeEffect && a.effect.getComputedTiming().iterations === Infinity)), undefined, { timeout: timeoutMs });
}

/** Collects uncaught page errors, which no test should produce. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export interface PixelStats {
  /** Share of pixels that are not (near) black. */
  litShare: number;
  /** Distinct colours, quantized to 4 bits per channel. */
  colours: number;
}

export function pixelStats(png: Buffer): PixelStats {
  const image = PNG.sync.read(png);
  let lit = 0;
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i]!, g = image.data[i + 1]!, b = image.data[i + 2]!;
    if (r + g + b > 30) lit++;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { litShare: lit / (image.width * image.height), colours: colours.size };
}

/** Mean absolute difference per channel (0–255) between two same-size screenshots. */
export function meanDifference(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 255;
  let sum = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    sum += Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!);
  }
  return sum / ((x.data.length / 4) * 3);
}
