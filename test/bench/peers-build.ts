// Installs and builds the peer 360 viewers (test/bench/peers): Photo Sphere Viewer 5 from its own lockfile, A-Frame
// 1.8.0's prebuilt bundle from its npm tarball (its package cannot be installed here: it depends on a GitHub
// tarball), then a production Vite build of the pages (the plain three.js page uses the three.js PSV depends on). Every step is bounded in time.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { REPO_ROOT } from '../helpers/test-server';

const run = promisify(execFile);
export const PEERS_DIR = join(REPO_ROOT, 'test/bench/peers');
export const PEERS_DIST = join(PEERS_DIR, 'dist');
const AFRAME_FILE = 'aframe-v1.8.0.min.js';
const INSTALL_TIMEOUT_MS = 180_000;

async function ensureInstalled(log: (line: string) => void): Promise<void> {
  if (existsSync(join(PEERS_DIR, 'node_modules/@photo-sphere-viewer/core'))) return;
  log('peers: npm ci in test/bench/peers (first run)');
  await run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: PEERS_DIR, timeout: INSTALL_TIMEOUT_MS });
}

async function ensureAframe(log: (line: string) => void): Promise<void> {
  const target = join(PEERS_DIR, 'public/vendor', AFRAME_FILE);
  if (existsSync(target)) return;
  log('peers: npm pack aframe@1.8.0 (first run)');
  const scratch = mkdtempSync(join(tmpdir(), 'setvisit-aframe-'));
  try {
    await run('npm', ['pack', 'aframe@1.8.0', '--silent'], { cwd: scratch, timeout: INSTALL_TIMEOUT_MS });
    await run('tar', ['xzf', 'aframe-1.8.0.tgz', `package/dist/${AFRAME_FILE}`], { cwd: scratch, timeout: 30_000 });
    mkdirSync(join(PEERS_DIR, 'public/vendor'), { recursive: true });
    copyFileSync(join(scratch, 'package/dist', AFRAME_FILE), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Installs what is missing, then builds the peer pages into test/bench/peers/dist. */
export async function buildPeers(log: (line: string) => void = () => undefined): Promise<string> {
  await ensureInstalled(log);
  await ensureAframe(log);
  await build({
    configFile: false,
    root: PEERS_DIR,
    base: '/',
    logLevel: 'warn',
    publicDir: join(PEERS_DIR, 'public'),
    build: {
      outDir: PEERS_DIST,
      emptyOutDir: true,
      // Both pages await the tour file at the top level of their module.
      target: 'es2022',
      rollupOptions: { input: { psv: join(PEERS_DIR, 'psv/index.html'), aframe: join(PEERS_DIR, 'aframe/index.html'), three: join(PEERS_DIR, 'three/index.html') } },
      chunkSizeWarningLimit: 5_000,
    },
  });
  return PEERS_DIST;
}
