// Gzipped JavaScript per entry of the SetVisit build, read from Vite's manifest: the chunks a route loads are the
// entry's static imports plus the lazy chunks that route imports (each with its own static imports), counted once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface EntrySize {
  /** null when the route's lazy chunk is not in this build (e.g. a shell not written yet). */
  kbGz: number | null;
  files: string[];
}

export interface SetVisitBundleSizes {
  /** index.html's static imports: what every shell downloads before it picks a shell. */
  entry: EntrySize;
  /** Entry + desktop shell + three/R3F canvas + hls.js: the desktop tour where MSE is used. */
  desktopTourHlsJs: EntrySize;
  /** The same without hls.js: where the browser's own HLS plays the stream. */
  desktopTourNative: EntrySize;
  /** What ?mode=xr adds to the entry (the XR shell chunk and its static imports). */
  xrChunk: EntrySize;
  /** Entry + the TV shell's first screen chunk. */
  tvFirstScreen: EntrySize;
  /** hls.js alone, as loaded. */
  hlsJs: EntrySize;
}

export function gzipKb(bytes: Buffer): number {
  // kB = 1000 bytes, as Vite prints them and as the budgets are written.
  return gzipSync(bytes, { level: 9 }).length / 1000;
}

export function readManifest(appDir: string): Manifest {
  return JSON.parse(readFileSync(join(appDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The manifest key of the chunk built from a source path that passes `match`, if any. */
function findKey(manifest: Manifest, match: (key: string) => boolean): string | undefined {
  return Object.keys(manifest).find(match);
}

function staticClosure(manifest: Manifest, keys: readonly string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (into.has(key) || !manifest[key]) continue;
    into.add(key);
    staticClosure(manifest, manifest[key].imports ?? [], into);
  }
  return into;
}

function sizeOf(appDir: string, manifest: Manifest, keys: Iterable<string>): EntrySize {
  const files = [...new Set([...keys].map((key) => manifest[key]!.file))].filter((file) => file.endsWith('.js')).sort();
  const kbGz = files.reduce((sum, file) => sum + gzipKb(readFileSync(join(appDir, file))), 0);
  return { kbGz, files };
}

const NOT_BUILT: EntrySize = { kbGz: null, files: [] };

export function measureBundleSizes(appDir: string): SetVisitBundleSizes {
  const manifest = readManifest(appDir);
  const entryKey = findKey(manifest, (key) => manifest[key]!.isEntry === true && key.endsWith('index.html'));
  if (!entryKey) throw new Error(`no index.html entry in ${appDir}/.vite/manifest.json`);
  const entry = staticClosure(manifest, [entryKey]);
  const desktop = findKey(manifest, (key) => /src\/shells\/desktop\/DesktopShell\.tsx$/.test(key));
  // The 360 view's three.js chunk (its React binding comes with the desktop shell).
  const canvas = findKey(manifest, (key) => /src\/panorama\/panorama-renderer\.ts$/.test(key));
  // hls.js's player module (full or light build), not its worker script, which the manifest lists too.
  const hls = findKey(manifest, (key) => /node_modules\/hls\.js\/dist\/hls(\.light)?(\.min)?\.mjs$/.test(key));
  const xr = findKey(manifest, (key) => /src\/shells\/xr\/XrShell\.tsx$/.test(key));
  const tv = findKey(manifest, (key) => /src\/shells\/tv\/TvShell\.tsx$/.test(key));

  const route = (keys: (string | undefined)[]): EntrySize =>
    keys.every(Boolean) ? sizeOf(appDir, manifest, staticClosure(manifest, keys as string[], new Set(entry))) : NOT_BUILT;
  const added = (key: string | undefined): EntrySize => {
    if (!key) return NOT_BUILT;
    const all = staticClosure(manifest, [key]);
    return sizeOf(appDir, manifest, [...all].filter((k) => !entry.has(k)));
  };
  return {
    entry: sizeOf(appDir, manifest, entry),
    desktopTourHlsJs: route([desktop, canvas, hls]),
    desktopTourNative: route([desktop, canvas]),
    xrChunk: added(xr),
    tvFirstScreen: route([tv]),
    hlsJs: hls ? added(hls) : NOT_BUILT,
  };
}
