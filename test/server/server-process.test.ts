// The real `npm start` server process: milestones survive a SIGKILL and a restart on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectSnapshot } from '../../src/protocol';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, postMilestone, validMilestone } from '../helpers/test-server';

const dir = mkdtempSync(join(tmpdir(), 'setvisit-process-'));
// The API does not need the built app; a stand-in index.html lets this test run without a build.
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>stand-in</title>');
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SETVISIT_DB: join(dir, 'feed.sqlite'), SETVISIT_APP_DIR: dir, SETVISIT_OPERATOR_TOKEN: OPERATOR_TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"message":"listening","port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function snapshot(url: string): Promise<ProjectSnapshot> {
  return ProjectSnapshot.parse(await (await fetch(`${url}/api/projects/${PROJECT_ID}`)).json());
}

describe('server process', { timeout: 60_000 }, () => {
  it('keeps every milestone across a SIGKILL and a restart', async () => {
    const first = await startServerProcess();
    const seqs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await postMilestone(first.url, validMilestone(300 + i));
      expect(res.status).toBe(201);
      seqs.push(((await res.json()) as { seq: number }).seq);
    }
    const before = await snapshot(first.url);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServerProcess();
    const after = await snapshot(second.url);
    expect(after.seq).toBe(before.seq);
    expect(after.milestones).toEqual(before.milestones);
    expect(after.milestones.slice(-20).map((m) => m.seq)).toEqual(seqs);
    // Numbering continues where it stopped.
    const next = await postMilestone(second.url, validMilestone(999));
    expect(((await next.json()) as { seq: number }).seq).toBe(before.seq + 1);
    second.child.kill('SIGTERM');
  });
});
