// Runs a real redis-server (Debian's package) for a test: on a free loopback port, no persistence, its files
// in a temp dir, stopped and deleted afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export interface RedisProcess {
  /** redis://127.0.0.1:port, as REDIS_URL takes it. */
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function redisAvailable(): boolean {
  return existsSync(REDIS_SERVER);
}

export async function startRedis(): Promise<RedisProcess> {
  if (!redisAvailable()) throw new Error(`redis-server is not installed at ${REDIS_SERVER}: apt-get install redis-server`);
  const dir = mkdtempSync(join(tmpdir(), 'setvisit-redis-'));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ready = await waitForReady(child);
    if (ready.ok) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        child,
        async stop() {
          if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
            if (child.exitCode === null) child.kill('SIGKILL');
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    if (!/address already in use/i.test(ready.output) || attempt >= 5) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start:\n${ready.output}`);
    }
  }
}

function waitForReady(child: ChildProcess): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve({ ok: false, output: `${output}\n(timed out after 15 s)` }), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve({ ok: true, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `${output}\n(exited with ${code})` });
    });
  });
}
