// The production build (dist/, from `npm run build`) ships no WebXR emulator: IWER and its DevUI/SEM (@iwer/*) are
// for the headset tests, which install IWER themselves. @react-three/xr keeps a lazy `import('./emulate.js')` even
// with `emulate: false`; vite.config.ts resolves it to a stub, and this proves the stub held: no chunk is built
// from iwer's or @iwer's sources (read in each chunk's source map), and no chunk carries IWER's own text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readManifest, sourcesOf } from '../tv/build-output';

const EMULATOR_SOURCES = ['/node_modules/iwer/', '/node_modules/@iwer/'];
/** Text that only IWER's runtime carries (its errors about the spaces it controls). */
const EMULATOR_TEXT = 'IWER-controlled';

function builtScripts(): string[] {
  readManifest(); // fails with "run npm run build first" when there is no build
  return readdirSync(join(DIST, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
}

describe('production build', () => {
  it('holds no chunk built from the WebXR emulator (iwer, @iwer/*)', () => {
    const scripts = builtScripts();
    expect(scripts.length).toBeGreaterThan(10);
    const offenders = scripts.flatMap((file) => (sourcesOf(file) ?? []).filter((source) => EMULATOR_SOURCES.some((lib) => source.includes(lib))).map((source) => `${file}: ${source}`));
    expect(offenders).toEqual([]);
  });

  it('carries no emulator code, even in chunks without a source map, and the XR chunk has the stub instead', () => {
    const scripts = builtScripts();
    const texts = scripts.map((file) => [file, readFileSync(join(DIST, file), 'utf8')] as const);
    expect(texts.filter(([, text]) => text.includes(EMULATOR_TEXT)).map(([file]) => file)).toEqual([]);
    expect(texts.some(([, text]) => text.includes('the XR emulator is not part of this build'))).toBe(true);
  });
});
