// The built app as TVs load it: every legacy chunk parses as ES2015 (2018 sets: Chromium 53/56), the TV's first
// screen stays within its gzip budgets, and the modern one carries no three.js, R3F or hls.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { DIST, legacyChunks, legacyTvFirstScreen, modernTvFirstScreen, readManifest, sourcesOf } from './build-output';

const KB = 1000; // Vite reports kB of 1,000 bytes; the budgets use the same unit.
const MODERN_BUDGET = 120 * KB;
const LEGACY_BUDGET = 170 * KB;
/** Libraries that belong to the 360 view only, never to the first screen. */
const VIEW_ONLY = ['/node_modules/three/', '/node_modules/@react-three/', '/node_modules/hls.js/', '/node_modules/@pmndrs/'];

function parseAsEs2015(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 2015, sourceType: 'script' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('legacy build for 2018 TVs', () => {
  it('parses every legacy chunk as ES2015', () => {
    const chunks = legacyChunks();
    // The entry, the polyfills, the TV shell, and the lazy 360 chunks at least.
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const failures = chunks.map((file) => [file, parseAsEs2015(readFileSync(join(DIST, file), 'utf8'))]).filter(([, error]) => error);
    expect(failures).toEqual([]);
  });

  it('parses the inline nomodule scripts of index.html as ES2015', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script nomodule[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').filter((code) => code.trim());
    expect(inline.length).toBeGreaterThanOrEqual(1);
    expect(inline.map(parseAsEs2015).filter(Boolean)).toEqual([]);
  });

  it('the parse check itself rejects syntax newer than ES2015', () => {
    expect(parseAsEs2015('let x = 2 ** 8;')).toMatch(/Unexpected token/);
    expect(parseAsEs2015('const f = async () => { await 1; };')).not.toBeNull();
    expect(parseAsEs2015('a?.b ?? c')).not.toBeNull();
    expect(parseAsEs2015('const { a, ...rest } = o;')).not.toBeNull();
    expect(parseAsEs2015('class A { constructor() { this.x = () => 1; } }')).toBeNull();
  });
});

describe('TV first screen budgets (gzip -9 of the JavaScript it loads)', () => {
  it(`modern: the entry, its static imports and the TV shell chunk stay within ${MODERN_BUDGET / KB} KB`, () => {
    const screen = modernTvFirstScreen();
    expect(screen.files.some((file) => /TvShell/.test(file))).toBe(true);
    console.info(`modern TV first screen: ${(screen.gzipBytes / KB).toFixed(1)} KB gz in ${screen.files.join(', ')}`);
    expect(screen.gzipBytes).toBeLessThanOrEqual(MODERN_BUDGET);
  });

  it(`legacy: polyfills, entry and TV shell stay within ${LEGACY_BUDGET / KB} KB`, () => {
    const screen = legacyTvFirstScreen();
    expect(screen.files.some((file) => /polyfills-legacy/.test(file))).toBe(true);
    expect(screen.files.some((file) => /TvShell-legacy/.test(file))).toBe(true);
    console.info(`legacy TV first screen: ${(screen.gzipBytes / KB).toFixed(1)} KB gz in ${screen.files.join(', ')}`);
    expect(screen.gzipBytes).toBeLessThanOrEqual(LEGACY_BUDGET);
  });

  it('the modern first screen bundles no three.js, R3F or hls.js (checked in each chunk’s source map)', () => {
    const screen = modernTvFirstScreen();
    // Every first-screen chunk must have its map, or the check would pass by seeing nothing.
    expect(screen.files.filter((file) => sourcesOf(file) === null)).toEqual([]);
    const offenders = screen.files.flatMap((file) => (sourcesOf(file) ?? []).filter((source) => VIEW_ONLY.some((lib) => source.includes(lib))).map((source) => `${file}: ${source}`));
    expect(offenders).toEqual([]);
    // …and the check can see them: some lazy chunk of the build does carry three.js and hls.js.
    const lazy = Object.values(readManifest())
      .map((chunk) => chunk.file)
      .filter((file) => file.endsWith('.js') && !file.includes('-legacy') && !screen.files.includes(file));
    const lazySources = lazy.flatMap((file) => sourcesOf(file) ?? []);
    expect(lazySources.some((source) => source.includes('/node_modules/three/'))).toBe(true);
    expect(lazySources.some((source) => source.includes('/node_modules/hls.js/'))).toBe(true);
  });
});
