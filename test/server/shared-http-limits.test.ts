// Two real server processes on one real redis-server: a client spreading its requests over both nodes gets one
// allowance, not one per node; requests with bad tokens spend it too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis, type RedisProcess } from '../helpers/redis-process';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { PROJECT_ID, validMilestone } from '../helpers/test-server';

let redis: RedisProcess;
const nodes: ServerProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const start = (name: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), `setvisit-limits-${name}-`));
    dirs.push(dataDir);
    // SETVISIT_POST_RATE=1: a change allowance of 200 at once, then one a second.
    return startServerProcess({ dataDir, env: { REDIS_URL: redis.url, SETVISIT_NODE_ID: name, SETVISIT_POST_RATE: '1', SETVISIT_QUIET: '1' } });
  };
  nodes.push(...(await Promise.all([start('node-a'), start('node-b')])));
}, 90_000);

afterAll(async () => {
  for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGKILL');
  await Promise.all(nodes.map((node) => node.exited));
  await redis?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!redisAvailable())('HTTP limits shared across nodes', { timeout: 60_000 }, () => {
  it('refuses bad-token posts split over two nodes once their one shared allowance is spent', async () => {
    const statuses = new Map<number, number>();
    const started = performance.now();
    // 320 token probes, alternating nodes, 16 at a time: alone, each node would allow 200 (400 in all).
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          fetch(`${nodes[i % 2]!.url}/api/projects/${PROJECT_ID}/milestones`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer guess-${batch}-${i}` },
            body: JSON.stringify(validMilestone(batch)),
          }).then(async (res) => (await res.arrayBuffer(), res.status)),
        ),
      );
      for (const status of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    const refusedAsBadToken = statuses.get(403) ?? 0;
    const limited = statuses.get(429) ?? 0;
    expect(refusedAsBadToken + limited, JSON.stringify([...statuses])).toBe(320);
    // One allowance of 200 plus what one second's refill adds while the test runs; two private ones would allow all 320.
    expect(refusedAsBadToken).toBeGreaterThanOrEqual(200);
    expect(refusedAsBadToken).toBeLessThanOrEqual(200 + Math.ceil(seconds) + 1);
    expect(limited).toBeGreaterThanOrEqual(320 - 200 - Math.ceil(seconds) - 1);
    // Both nodes refuse now, whichever one the last probes went to (at most the one-a-second refill gets through).
    const afterwards = performance.now();
    for (const node of nodes) {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          fetch(`${node.url}/api/projects/${PROJECT_ID}/milestones`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((res) => res.status),
        ),
      );
      const refill = Math.ceil((performance.now() - afterwards) / 1000) + 1;
      expect(answers.filter((status) => status === 429).length, JSON.stringify(answers)).toBeGreaterThanOrEqual(5 - refill);
    }
    // Reads have their own allowance.
    expect((await fetch(`${nodes[0]!.url}/api/projects/${PROJECT_ID}`)).status).toBe(200);
  });
});
