// The real reference server for the benchmark, in this process: the bench's own build of the app, the sample
// project in a fresh SQLite file, loopback only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSetVisitServer } from '../../src/server/create-server';
import { SAMPLE_PROJECT, seedSampleProject } from '../../src/server/sample-project';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { OPERATOR_TOKEN, REPO_ROOT } from '../helpers/test-server';

export interface BenchAppServer {
  url: string;
  close(): Promise<void>;
}

const quiet = () => undefined;

export interface BenchServerOptions {
  /** Tour files served at /scenes/ (the repo's scenes/ by default). */
  scenesDir?: string;
  /** More projects to create beside the sample one (the bench's 2K + 4K ladder has its own tour file). */
  projects?: string[];
}

export async function startSetVisitServer(appDir: string, options: BenchServerOptions = {}): Promise<BenchAppServer> {
  const dir = mkdtempSync(join(tmpdir(), 'setvisit-bench-'));
  const storage = new SqliteFeedStorage(join(dir, 'feed.sqlite'));
  await seedSampleProject(storage);
  for (const id of options.projects ?? []) await storage.ensureProject({ ...SAMPLE_PROJECT, id, title: { en: id } });
  const server = createSetVisitServer({
    storage,
    operatorToken: OPERATOR_TOKEN,
    log: { notice: quiet, info: quiet, warn: quiet, error: (message, fields) => console.error(`server: ${message}`, fields ?? '') },
    // The steady feed of the memory run posts once a second; the default operator limit allows far more.
    files: { appDir, scenesDir: options.scenesDir ?? join(REPO_ROOT, 'scenes') },
  });
  const port = await server.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The same server from another checkout of SetVisit (`repo`, e.g. an older commit's worktree), for its own build: an
 * older build speaks the protocol of its own commit. Without `repo`, this checkout's.
 */
export async function startSetVisitServerFrom(appDir: string, repo?: string): Promise<BenchAppServer> {
  if (!repo) return startSetVisitServer(appDir);
  const theirs = (await import(`${repo}/test/bench/setvisit-server.ts`)) as { startSetVisitServer: typeof startSetVisitServer };
  return theirs.startSetVisitServer(appDir);
}
