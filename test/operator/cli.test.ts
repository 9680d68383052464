// The operator CLI as the operator runs it: a child process against a real server, through a flaky proxy for retries.
import { spawn } from 'node:child_process';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Milestone, ProjectSnapshot } from '../../src/protocol';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/operator/cli.ts` as `npm run operator` would; `env` entries set to undefined are removed. */
async function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const base: Record<string, string | undefined> = { ...process.env, SETVISIT_URL: server.url, SETVISIT_OPERATOR_TOKEN: OPERATOR_TOKEN, ...env };
  const childEnv = Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/operator/cli.ts', ...args], { cwd: REPO_ROOT, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // Whatever happened, the operator token never shows.
  expect(stdout + stderr).not.toContain(OPERATOR_TOKEN);
  return { code, stdout, stderr };
}

async function snapshot(): Promise<ProjectSnapshot> {
  const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}`);
  expect(res.status).toBe(200);
  return ProjectSnapshot.parse(await res.json());
}

type Fault = 'drop-answer' | { status: number; headers: Record<string, string> };

/** A proxy in front of the server that can lose an answer (after the server acted on it) or refuse a request. */
async function startFlakyProxy(upstream: string, faults: Fault[]) {
  const seen: { method: string; path: string; key: string | undefined }[] = [];
  const target = new URL(upstream);
  const proxy: Server = createServer((req, res) => {
    const key = req.headers['idempotency-key'];
    seen.push({ method: req.method ?? '', path: req.url ?? '', key: typeof key === 'string' ? key : undefined });
    const fault = faults.shift();
    if (fault && fault !== 'drop-answer') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      const issues = [{ path: 'title.en', message: 'injected issue' }, { path: 'kind', message: 'another' }];
      res.end(JSON.stringify({ error: { code: 'injected', message: `injected ${fault.status}`, issues } }));
      return;
    }
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        // The server stored the change and answered; the answer is lost on the way back.
        if (fault === 'drop-answer') return req.socket.destroy();
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

describe('operator CLI', () => {
  // help and --help, and the refusals that need no server, are checked in-process in run.test.ts (faster).
  it('lists every command when run without arguments', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(0);
    for (const command of ['milestone add', 'funding set', 'phase set', 'days set', 'project edit', 'project show', 'events list', 'token add', 'token list', 'token revoke', 'token reissue']) {
      expect(stdout).toContain(command);
    }
  });

  it('milestone add stores a milestone that the snapshot then shows', async () => {
    const { code, stdout } = await runCli(['milestone', 'add', '--kind', 'scene-wrapped', '--en', 'Scene 46 wrapped', '--zh', '第 46 场杀青', '--at', '2026-11-25T20:04:00+08:00']);
    expect(code).toBe(0);
    const latest = (await snapshot()).milestones.at(-1);
    expect(latest).toMatchObject({ kind: 'scene-wrapped', title: { en: 'Scene 46 wrapped', 'zh-CN': '第 46 场杀青' }, occurredAt: '2026-11-25T20:04:00+08:00' });
    expect(stdout).toContain(`Stored milestone #${latest!.seq}`);
    expect(stdout).not.toMatch(/replayed/i);
  });

  it('--json prints the raw answer', async () => {
    const { code, stdout } = await runCli(['milestone', 'add', '--kind', 'announcement', '--en', 'Press day', '--body-en', 'Come and see', '--json']);
    expect(code).toBe(0);
    const milestone = Milestone.parse(JSON.parse(stdout));
    expect(milestone.body?.en).toBe('Come and see');
    expect((await snapshot()).seq).toBe(milestone.seq);
  });

  it("funding set, phase set, days set and project edit change the project", async () => {
    // Child processes are the slow part of this file: independent ones run side by side.
    const runs = await Promise.all(
      [
        ['funding', 'set', '--raised', '2750000', '--backers', '13001'],
        ['phase', 'set', 'post-production'],
        ['days', 'set', '--done', '40', '--planned', '40'],
        ['project', 'edit', '--title-en', "The Lantern Keeper (director's cut)", '--goal', '3500000', '--currency', 'USD'],
      ].map((args) => runCli(args)),
    );
    for (const { code, stdout, stderr } of runs) {
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/^Stored event #\d+ in lantern-keeper/);
    }
    const { project } = await snapshot();
    expect(project).toMatchObject({
      fundingRaised: 2_750_000,
      backers: 13_001,
      phase: 'post-production',
      shootingDays: { done: 40, planned: 40 },
      fundingGoal: 3_500_000,
      currency: 'USD',
      // A title given in one language keeps the other.
      title: { en: "The Lantern Keeper (director's cut)", 'zh-CN': '守灯人' },
    });
  });

  it('project show and events list print the project and its log', async () => {
    const before = await snapshot();
    const [show, list] = await Promise.all([runCli(['project', 'show']), runCli(['events', 'list', '--after', String(before.seq - 2)])]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(before.project.title.en);
    expect(show.stdout).toContain(`phase:      ${before.project.phase}`);
    expect(show.stdout).toContain(`#${before.milestones.at(-1)!.seq}`);

    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`#${before.seq - 1}`);
    expect(list.stdout).toContain(`#${before.seq}`);
    expect(list.stdout).not.toContain(`#${before.seq - 2} `);
  });

  it('token add prints a new backer token once, and the token opens the project', async () => {
    const { code, stdout } = await runCli(['token', 'add', '--label', 'Li Wei', '--tier', 'gold', '--project', PROJECT_ID]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/shown only/);
    const token = /\b(sv_[A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const res = await fetch(`${server.url}/api/projects/${PROJECT_ID}`, { headers: { authorization: `Bearer ${token!}` } });
    expect(res.status).toBe(200);
  });

  // Eleven CLI runs, each a tsx process start (1–2 s on a loaded 2-core machine): more than the default 20 s.
  it('token list, revoke and reissue manage backer tokens without ever printing an issued one again', { timeout: 60_000 }, async () => {
    const added = await runCli(['token', 'add', '--label', 'Chen Jie', '--tier', 'silver', '--all-projects']);
    expect(added.code, added.stderr).toBe(0);
    const token = /\b(sv_[A-Za-z0-9_-]+)/.exec(added.stdout)![1]!;
    const id = /\b(bc_[0-9a-f]{16})\b/.exec(added.stdout)![1]!;

    const listed = await runCli(['token', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}  …${token.slice(-4).replace(/[-]/g, '\\-')}  silver +Chen Jie  \\[all projects\\]  issued \\S+  active`));
    expect(listed.stdout).not.toContain(token);
    const asJson = await runCli(['token', 'list', '--json']);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ codes: expect.arrayContaining([expect.objectContaining({ id, revokedAt: null })]) as unknown });

    const reissued = await runCli(['token', 'reissue', id]);
    expect(reissued.code, reissued.stderr).toBe(0);
    const fresh = /\b(sv_[A-Za-z0-9_-]+)/.exec(reissued.stdout)![1]!;
    expect(reissued.stdout).toContain(`replaces ${id}`);
    expect(fresh).not.toBe(token);
    const read = (t: string) => fetch(`${server.url}/api/projects/${PROJECT_ID}`, { headers: { authorization: `Bearer ${t}` } });
    expect((await read(token)).status).toBe(403);
    expect((await read(fresh)).status).toBe(200);
    const freshId = /id (bc_[0-9a-f]{16})/.exec(reissued.stdout)![1]!;

    const revoked = await runCli(['token', 'revoke', freshId]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${freshId}`);
    expect((await read(fresh)).status).toBe(403);
    const again = await runCli(['token', 'revoke', freshId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already-revoked');
    const active = await runCli(['token', 'list', '--active']);
    expect(active.stdout).not.toContain(id);
    expect(active.stdout).not.toContain(freshId);

    const unknown = await runCli(['token', 'revoke', 'bc_0123456789abcdef']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('HTTP 404');
    const malformed = await runCli(['token', 'revoke', 'Chen-Jie']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('not a backer code id');
    const missing = await runCli(['token', 'reissue']);
    expect(missing.code).toBe(2);
  });

  it('token add retries a lost answer with the same Idempotency-Key and prints the one code issued', async () => {
    const before = ((await (await fetch(`${server.url}/api/backer-tokens`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json()) as { codes: unknown[] }).codes.length;
    const proxy = await startFlakyProxy(server.url, ['drop-answer']);
    try {
      const { code, stdout, stderr } = await runCli(['token', 'add', '--label', 'Retry', '--tier', 'gold', '--project', PROJECT_ID, '--server', proxy.url]);
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/replayed/i);
      expect(proxy.seen).toHaveLength(2);
      expect(proxy.seen[1]!.key).toBe(proxy.seen[0]!.key);
      const token = /\b(sv_[A-Za-z0-9_-]+)/.exec(stdout)![1]!;
      expect((await fetch(`${server.url}/api/projects/${PROJECT_ID}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await proxy.close();
    }
    const after = ((await (await fetch(`${server.url}/api/backer-tokens`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json()) as { codes: unknown[] }).codes.length;
    expect(after).toBe(before + 1);
  });

  it('token revoke whose answer is lost says the code is revoked, not that the retry was refused', async () => {
    const added = await runCli(['token', 'add', '--label', 'Lost answer', '--tier', 'gold', '--project', PROJECT_ID]);
    const id = /\b(bc_[0-9a-f]{16})\b/.exec(added.stdout)![1]!;
    const proxy = await startFlakyProxy(server.url, ['drop-answer']);
    try {
      const { code, stdout, stderr } = await runCli(['token', 'revoke', id, '--server', proxy.url]);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain(`Revoked ${id}: an earlier attempt revoked it`);
      expect(proxy.seen).toHaveLength(2);
    } finally {
      await proxy.close();
    }
    const codes = ((await (await fetch(`${server.url}/api/backer-tokens`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } })).json()) as { codes: { id: string; revokedAt: string | null }[] }).codes;
    expect(codes.find((c) => c.id === id)?.revokedAt).toEqual(expect.any(String) as unknown);
  });

  it("gives up at once when Retry-After is longer than it waits, printing the server's error one issue per line", async () => {
    const proxy = await startFlakyProxy(server.url, [{ status: 429, headers: { 'retry-after': '3600' } }]);
    try {
      const { code, stderr } = await runCli(['phase', 'set', 'release', '--server', proxy.url]);
      expect(code).toBe(1);
      expect(stderr).toContain('error: injected 429 (HTTP 429, injected)');
      expect(stderr).toContain('\n  title.en: injected issue\n  kind: another');
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('retries with the same Idempotency-Key when an answer is lost: stored once, reported as a replay', async () => {
    const before = await snapshot();
    const proxy = await startFlakyProxy(server.url, ['drop-answer']);
    try {
      const { code, stdout, stderr } = await runCli(['milestone', 'add', '--kind', 'scene-wrapped', '--en', 'Scene 47 wrapped', '--server', proxy.url]);
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/attempt 1 failed .* with the same Idempotency-Key/);
      expect(stdout).toMatch(/replayed/i);
      expect(proxy.seen).toHaveLength(2);
      expect(proxy.seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(proxy.seen[1]!.key).toBe(proxy.seen[0]!.key);
    } finally {
      await proxy.close();
    }
    const after = await snapshot();
    expect(after.seq).toBe(before.seq + 1);
    expect(after.milestones.filter((m) => m.title.en === 'Scene 47 wrapped')).toHaveLength(1);
  });

  it('honours Retry-After on 429 and 5xx, then stores once', async () => {
    const before = await snapshot();
    const proxy = await startFlakyProxy(server.url, [
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 503, headers: {} },
    ]);
    try {
      const started = Date.now();
      const { code, stdout, stderr } = await runCli(['days', 'set', '--done', '12', '--planned', '40', '--server', proxy.url]);
      expect(code, stderr).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(stderr).toContain('attempt 1 failed (HTTP 429); retrying in 1.0 s');
      expect(stderr).toContain('attempt 2 failed (HTTP 503)');
      expect(stdout).not.toMatch(/replayed/i);
      expect(new Set(proxy.seen.map((s) => s.key)).size).toBe(1);
    } finally {
      await proxy.close();
    }
    const after = await snapshot();
    expect(after.seq).toBe(before.seq + 1);
    expect(after.project.shootingDays).toEqual({ done: 12, planned: 40 });
  });
});

// None of these stores anything, so they run side by side (and never beside a test that does store).
describe.concurrent('operator CLI refusals', () => {
  it.each([
    ['an unknown kind', ['milestone', 'add', '--kind', 'party', '--en', 'x'], '--kind'],
    ['more days done than planned', ['days', 'set', '--done', '5', '--planned', '3'], '--done'],
  ])('refuses %s with exit 2, naming the flag, and stores nothing', async (_name, args, flag) => {
    const before = await snapshot();
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(flag);
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('exits 2 without SETVISIT_OPERATOR_TOKEN, storing nothing', async () => {
    const before = await snapshot();
    const { code, stderr } = await runCli(['milestone', 'add', '--kind', 'funding', '--en', 'x'], { SETVISIT_OPERATOR_TOKEN: undefined });
    expect(code).toBe(2);
    expect(stderr).toContain('SETVISIT_OPERATOR_TOKEN');
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it("exits 1 with the server's 403 message for a wrong token", async () => {
    const before = await snapshot();
    const { code, stderr } = await runCli(['days', 'set', '--done', '1', '--planned', '2'], { SETVISIT_OPERATOR_TOKEN: 'not-the-operator-token' });
    expect(code).toBe(1);
    expect(stderr).toContain('this token is not valid');
    expect(stderr).toContain('403');
    expect(stderr).not.toContain('not-the-operator-token');
    expect((await snapshot()).seq).toBe(before.seq);
  });
});
