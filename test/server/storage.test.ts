// The storage contract against both engines: the embedded SQLite file and a real PostgreSQL 15 server
// started for this file. Plus what only PostgreSQL can show: several processes appending at once.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFeedStorage } from '../../src/server/storage/postgres-storage';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { startPostgres, type PostgresProcess } from '../helpers/postgres-process';
import { REPO_ROOT } from '../helpers/test-server';
import { describeStorageContract, project } from './storage-contract';

const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeStorageContract({
  name: 'SQLite',
  freshDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'setvisit-storage-'));
    dirs.push(dir);
    return Promise.resolve({ open: () => Promise.resolve(new SqliteFeedStorage(join(dir, 'feed.sqlite'))) });
  },
});

let postgres: PostgresProcess;
let databases = 0;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

describeStorageContract({
  name: 'PostgreSQL',
  async freshDatabase() {
    const url = await postgres.createDatabase(`contract_${++databases}`);
    return { open: () => PostgresFeedStorage.connect({ connectionString: url, poolSize: 4 }) };
  },
});

describe('PostgreSQL storage across processes', () => {
  it('numbers 1…N with no gap or duplicate when four processes append to one project at once', { timeout: 90_000 }, async () => {
    const url = await postgres.createDatabase('processes');
    const setup = await PostgresFeedStorage.connect({ connectionString: url });
    await setup.ensureProject(project('film-a'));
    const perProcess = 50;
    const script = `
      import { PostgresFeedStorage } from './src/server/storage/postgres-storage.ts';
      const storage = await PostgresFeedStorage.connect({ connectionString: process.env.URL, poolSize: 5 });
      const seqs = await Promise.all(Array.from({ length: ${perProcess} }, (_, i) => storage.appendEvent('film-a',
        { type: 'milestone', kind: 'scene-wrapped', title: { en: process.env.NAME + '-' + i, 'zh-CN': process.env.NAME + '-' + i } }, new Date())
        .then((r) => r.event.seq)));
      await storage.close();
      console.log(JSON.stringify(seqs));
    `;
    const run = promisify(execFile);
    const outputs = await Promise.all(
      ['p1', 'p2', 'p3', 'p4'].map((name) =>
        run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, env: { ...process.env, URL: url, NAME: name } }),
      ),
    );
    const seqs = outputs.flatMap(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as number[]).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 4 * perProcess }, (_, i) => i + 1));
    const log = await setup.eventsAfter('film-a', 0, 1000);
    expect(log.map((e) => e.seq)).toEqual(seqs);
    expect(new Set(log.map((e) => (e.type === 'milestone' ? e.milestone.title.en : ''))).size).toBe(4 * perProcess);
    await setup.close();
  });

  it('refuses to connect to a database that is not there, with the server\'s reason', async () => {
    await expect(PostgresFeedStorage.connect({ connectionString: postgres.url.replace(/\/setvisit$/, '/no_such_db') })).rejects.toThrow(/no_such_db/);
  });
});

describe('backer codes stored before codes had ids', () => {
  const OLD_TABLE = 'CREATE TABLE backer_tokens (token_hash TEXT PRIMARY KEY, grant_json TEXT NOT NULL)';
  const oldRow = ['old-code-9876', { label: 'Early backer', tier: 'gold', projects: '*' }] as const;
  const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

  it('gives each an id in an older SQLite file, keeps it working and revocable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setvisit-storage-old-'));
    dirs.push(dir);
    const file = join(dir, 'feed.sqlite');
    const old = new Database(file);
    old.exec(OLD_TABLE);
    old.prepare('INSERT INTO backer_tokens VALUES (?, ?)').run(hashOf(oldRow[0]), JSON.stringify(oldRow[1]));
    old.close();
    const storage = new SqliteFeedStorage(file);
    try {
      const [code] = await storage.backerCodes.listBackerCodes();
      expect(code).toMatchObject({ id: matching(/^bc_[0-9a-f]{16}$/), label: 'Early backer', revokedAt: null });
      expect(await storage.findBackerToken(oldRow[0])).toEqual(oldRow[1]);
      expect((await storage.backerCodes.revokeBackerCode(code!.id, new Date())).kind).toBe('revoked');
      expect(await storage.backerCodes.isBackerTokenActive(oldRow[0])).toBe(false);
    } finally {
      await storage.close();
    }
  });

  it('gives each an id in an older PostgreSQL database, keeps it working and revocable', async () => {
    const url = await postgres.createDatabase('old_backer_tokens');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(OLD_TABLE.replaceAll('TEXT', 'text'));
    await client.query('INSERT INTO backer_tokens VALUES ($1, $2)', [hashOf(oldRow[0]), JSON.stringify(oldRow[1])]);
    await client.end();
    const storage = await PostgresFeedStorage.connect({ connectionString: url });
    try {
      const [code] = await storage.backerCodes.listBackerCodes();
      expect(code).toMatchObject({ id: matching(/^bc_[0-9a-f]{16}$/), label: 'Early backer', revokedAt: null });
      expect(await storage.findBackerToken(oldRow[0])).toEqual(oldRow[1]);
      expect((await storage.backerCodes.revokeBackerCode(code!.id, new Date())).kind).toBe('revoked');
      expect(await storage.backerCodes.isBackerTokenActive(oldRow[0])).toBe(false);
    } finally {
      await storage.close();
    }
  });
});
