// Runs a real PostgreSQL 15 (Debian's package) for a test: a fresh cluster in a temp dir, on a free loopback
// port, stopped and deleted afterwards. PostgreSQL refuses to run as root, so as root the cluster belongs to
// the `postgres` system user (made by the Debian package) and the programs run under it with `setpriv`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

/** Where Debian puts PostgreSQL 15; POSTGRES_BIN overrides. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresProcess {
  /** postgres://… for the `setvisit` database, as DATABASE_URL takes it. */
  url: string;
  port: number;
  /** The postmaster; each connection is served by a child of it (for CPU readings in benchmarks). */
  pid: number;
  /** Makes another empty database on this server and returns its URL (one per test suite keeps them apart). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and deletes its files. */
  stop(): Promise<void>;
}

export function postgresAvailable(): boolean {
  return existsSync(join(POSTGRES_BIN, 'postgres')) && existsSync(join(POSTGRES_BIN, 'initdb'));
}

/** As root: the uid/gid of the `postgres` user, which owns the cluster and runs the server. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error('running as root, PostgreSQL needs a non-root user to run as, and there is no `postgres` user (apt-get install postgresql makes one)');
  });
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}

function asUser(user: { uid: number; gid: number } | undefined, program: string, args: string[]): [string, string[]] {
  if (!user) return [program, args];
  return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', program, ...args]];
}

export async function startPostgres(): Promise<PostgresProcess> {
  if (!postgresAvailable()) throw new Error(`PostgreSQL is not installed at ${POSTGRES_BIN}: apt-get install postgresql`);
  const user = await serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'setvisit-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  const superuser = user ? 'postgres' : userInfo().username;
  const [initProgram, initArgs] = asUser(user, join(POSTGRES_BIN, 'initdb'), ['-D', dataDir, '-U', superuser, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  try {
    await run(initProgram, initArgs, { cwd: dir });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String((err as { stderr?: string }).stderr ?? err)}`, { cause: err });
  }
  // Test settings: no fsync (the cluster is thrown away), loopback only, the socket in the temp dir.
  writeFileSync(join(dataDir, 'postgresql.auto.conf'), ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 200', ''].join('\n'));

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const [program, args] = asUser(user, join(POSTGRES_BIN, 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir]);
    const child = spawn(program, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await waitForReady(child);
    if (ready.ok) {
      const base = `postgres://${superuser}@127.0.0.1:${port}`;
      const handle: PostgresProcess = {
        port,
        pid: child.pid ?? 0,
        url: `${base}/postgres`,
        async createDatabase(name) {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: `${base}/postgres` });
          await client.connect();
          try {
            await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
          } finally {
            await client.end();
          }
          return `${base}/${name}`;
        },
        async stop() {
          if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGINT'); // "fast" shutdown: ends sessions and stops
            await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
            if (child.exitCode === null) child.kill('SIGKILL');
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
      handle.url = await handle.createDatabase('setvisit');
      return handle;
    }
    child.kill('SIGKILL');
    // Another process took the port between our probe and postgres' bind: try another.
    if (!/could not (bind|create)/i.test(ready.output) || attempt >= 5) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`postgres did not start:\n${ready.output}`);
    }
  }
}

function waitForReady(child: ChildProcess): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => resolve({ ok: false, output: `${output}\n(timed out after 30 s)` }), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/database system is ready to accept connections/.test(output)) {
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
