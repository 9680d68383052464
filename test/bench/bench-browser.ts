// Debian's Chromium for the benchmark, launched as the browser tests launch it (test/helpers/browser.ts) but without
// their check for dist/: the benchmark serves its own build, and another run rebuilding dist/ must not stop it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../helpers/browser';

export async function launchBenchChromium(): Promise<Browser> {
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
    ],
  });
}
