// The real `npm start` server process: milestones survive a SIGKILL and a restart on the same database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectSnapshot } from '../../src/protocol';
import { killServerProcess, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { PROJECT_ID, postMilestone, validMilestone } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

const dataDir = mkdtempSync(join(tmpdir(), 'setvisit-process-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function snapshot(url: string): Promise<ProjectSnapshot> {
  return ProjectSnapshot.parse(await (await fetch(`${url}/api/projects/${PROJECT_ID}`)).json());
}

describe('server process', { timeout: 60_000 }, () => {
  it('keeps every milestone across a SIGKILL and a restart', async () => {
    const first = await startServerProcess({ dataDir });
    running.push(first);
    const seqs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await postMilestone(first.url, validMilestone(300 + i));
      expect(res.status).toBe(201);
      seqs.push(((await res.json()) as { seq: number }).seq);
    }
    const before = await snapshot(first.url);
    await killServerProcess(first);

    const second = await startServerProcess({ dataDir });
    running.push(second);
    const after = await snapshot(second.url);
    expect(after.seq).toBe(before.seq);
    expect(after.milestones).toEqual(before.milestones);
    expect(after.milestones.slice(-20).map((m) => m.seq)).toEqual(seqs);
    // Numbering continues where it stopped.
    const next = await postMilestone(second.url, validMilestone(999));
    expect(((await next.json()) as { seq: number }).seq).toBe(before.seq + 1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('prints the URLs to open (desktop, TV, VR, operator console) and the demo backer codes', async () => {
    const server = await startServerProcess({ dataDir });
    running.push(server);
    await waitFor(() => server.output().includes('Demo backer codes'), 10_000, 'the banner');
    const banner = server.output();
    const base = `http://localhost:${server.port}/?project=${PROJECT_ID}`;
    for (const url of [base, `${base}&mode=tv`, `${base}&mode=xr`, `${base}&mode=host`]) expect(banner).toContain(url);
    expect(banner).toMatch(/Operator console: .*mode=host/);
    expect(banner).toMatch(/demo-supporter \(supporter\), demo-gold \(gold\)/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses to start with a clear message when a setting makes no sense', async () => {
    await expect(startServerProcess({ dataDir, env: { SETVISIT_POST_RATE: 'lots' } })).rejects.toThrow(/SETVISIT_POST_RATE must be an integer/);
  });
});
