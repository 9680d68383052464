// Reads the built app (dist/, from `npm run build`) the way a TV loads it: which JavaScript files the TV's first
// screen fetches, modern and legacy, followed through Vite's manifest from the entry and the TV shell chunk.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { APP_DIR } from '../helpers/test-server';

/** dist/, or the private copy of a build that SETVISIT_TEST_APP_DIR names. */
export const DIST = APP_DIR;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

type Manifest = Record<string, ManifestChunk>;

export function readManifest(): Manifest {
  const path = join(DIST, '.vite/manifest.json');
  if (!existsSync(path)) throw new Error('No dist/.vite/manifest.json: run `npm run build` first (npm test does)');
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

function chunkKey(manifest: Manifest, test: (key: string, chunk: ManifestChunk) => boolean, what: string): string {
  const key = Object.keys(manifest).find((k) => test(k, manifest[k] as ManifestChunk));
  if (!key) throw new Error(`The manifest has no ${what}`);
  return key;
}

/** A chunk and everything it imports statically (what the browser fetches before the chunk runs). */
function withStaticImports(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) withStaticImports(manifest, imported, into);
}

export interface FirstScreen {
  /** Files under dist/, e.g. assets/index-abc.js. */
  files: string[];
  gzipBytes: number;
}

function measure(files: Set<string>): FirstScreen {
  const list = [...files].filter((file) => file.endsWith('.js')).sort();
  const gzipBytes = list.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
  return { files: list, gzipBytes };
}

/** Modern engines: index.html's module entry and its static imports, then the TV shell chunk and its imports. */
export function modernTvFirstScreen(manifest = readManifest()): FirstScreen {
  const files = new Set<string>();
  const entry = chunkKey(manifest, (k, c) => c.isEntry === true && k === 'index.html', 'modern entry (index.html)');
  withStaticImports(manifest, entry, files);
  withStaticImports(manifest, chunkKey(manifest, (k) => k === 'src/shells/tv/TvShell.tsx', 'TV shell chunk'), files);
  return measure(files);
}

/**
 * Engines without modules (2018 TVs): the legacy polyfills, the legacy entry and its imports, the legacy TV shell.
 * plugin-legacy lists its chunks under keys with a `-legacy` suffix.
 */
export function legacyTvFirstScreen(manifest = readManifest()): FirstScreen {
  const files = new Set<string>();
  withStaticImports(manifest, chunkKey(manifest, (k) => k.includes('polyfills') && k.includes('legacy'), 'legacy polyfills'), files);
  withStaticImports(manifest, chunkKey(manifest, (k, c) => c.isEntry === true && k.includes('index') && k.includes('legacy'), 'legacy entry'), files);
  withStaticImports(manifest, chunkKey(manifest, (k) => k.startsWith('src/shells/tv/TvShell') && k.includes('legacy'), 'legacy TV shell chunk'), files);
  return measure(files);
}

/** Every legacy JavaScript file in dist/assets. */
export function legacyChunks(): string[] {
  return readdirSync(join(DIST, 'assets'))
    .filter((file) => file.endsWith('.js') && file.includes('-legacy'))
    .map((file) => `assets/${file}`);
}

/** The source files bundled into a chunk, from its source map; null for a chunk without one (a virtual stub). */
export function sourcesOf(file: string): string[] | null {
  const path = join(DIST, `${file}.map`);
  if (!existsSync(path)) return null;
  return (JSON.parse(readFileSync(path, 'utf8')) as { sources: string[] }).sources;
}
