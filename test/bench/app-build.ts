// Builds SetVisit for the benchmark: the same Vite build as `npm run build`, plus the manifest the bundle
// figures are read from, into a folder of its own so that a run never swaps dist/ under another test.
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../helpers/test-server';

export const BENCH_APP_DIR = join(REPO_ROOT, 'test/bench/.out/app');

export async function buildApp(outDir = BENCH_APP_DIR): Promise<string> {
  // Under Vitest NODE_ENV is 'test', and Vite would then bundle React's development build: measure what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: REPO_ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}
