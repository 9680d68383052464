// Builds SetVisit for the benchmark: the same Vite build as `npm run build`, plus the manifest the bundle
// figures are read from, into a folder of its own so that a run never swaps dist/ under another test.
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../helpers/test-server';

export const BENCH_APP_DIR = join(REPO_ROOT, 'test/bench/.out/app');

export async function buildApp(outDir = BENCH_APP_DIR): Promise<string> {
  await build({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return outDir;
}
