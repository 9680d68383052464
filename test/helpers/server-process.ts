// Runs the real server (`src/server/main.ts`) as a child process, the way `npm start` does, on a loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR_TOKEN, REPO_ROOT } from './test-server';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** Everything it has printed so far (stdout and stderr). */
  output(): string;
}

export interface ServerProcessOptions {
  /** Holds the SQLite file (and a stand-in index.html when no built app is wanted). */
  dataDir: string;
  /** 0 picks a free port; pass the previous port to restart "the same" server. */
  port?: number;
  /** Extra environment, e.g. SETVISIT_POST_RATE or SETVISIT_MAX_RESUME_EVENTS. */
  env?: Record<string, string>;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  // The API and feed do not need the built app; a stand-in index.html lets these tests run without a build.
  writeFileSync(join(options.dataDir, 'index.html'), '<!doctype html><title>stand-in</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      SETVISIT_DB: join(options.dataDir, 'feed.sqlite'),
      SETVISIT_APP_DIR: options.dataDir,
      SETVISIT_OPERATOR_TOKEN: OPERATOR_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started server behind
      reject(new Error(`server did not start:\n${output}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"message":"listening","port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, port, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}

/** SIGKILL: no shutdown handler runs, as in a crash. */
export async function killServerProcess(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}
