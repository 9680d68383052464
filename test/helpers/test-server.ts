// Starts the real reference server in this process on a free loopback port, with its SQLite file in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSetVisitServer, type SetVisitServer } from '../../src/server/create-server';
import type { ServerLimits } from '../../src/server/config';
import { seedSampleMeetup, seedSampleProject, SAMPLE_PROJECT } from '../../src/server/sample-project';
import type { ServerLog } from '../../src/server/server-log';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { SqliteMeetupStorage } from '../../src/server/storage/sqlite-meetup-storage';
import type { MeetupLimits } from '../../src/server/meetup/meetup-limits';
import { SqliteCircleStorage } from '../../src/server/storage/sqlite-circle-storage';
import type { CircleLimits } from '../../src/server/circles';
import type { PairingLimits } from '../../src/server/pairing';
import { SqlitePairingStorage } from '../../src/server/storage/sqlite-pairing-storage';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789';
export const PROJECT_ID = SAMPLE_PROJECT.id;
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/**
 * The built app browser tests serve: dist/, or SETVISIT_TEST_APP_DIR (a private copy of a build, so a test run is
 * not pulled from under by someone rebuilding dist/ on a shared machine).
 */
export const APP_DIR = process.env.SETVISIT_TEST_APP_DIR ? resolve(process.env.SETVISIT_TEST_APP_DIR) : join(REPO_ROOT, 'dist');

export interface TestServer {
  url: string;
  /** The SQLite file, for writing to the log while the server is down. */
  dbFile: string;
  port: number;
  storage: SqliteFeedStorage;
  /** The meet-ups' tables, in the same file through their own connection. */
  meetupStorage: SqliteMeetupStorage;
  /** The circles' tables, in the same file through their own connection. */
  circleStorage: SqliteCircleStorage;
  /** The pairings' tables, in the same file through their own connection. */
  pairingStorage: SqlitePairingStorage;
  server: SetVisitServer;
  logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  /** Stops accepting and drops every client; the database file stays. */
  stop(): Promise<void>;
  /** Starts again on the same port and database file, as after a process restart. */
  start(): Promise<void>;
  /** Stops and deletes the temp dir. */
  dispose(): Promise<void>;
}

export interface TestServerOptions {
  /** Serve the built app (dist/) and scenes/, for browser tests. */
  serveApp?: boolean;
  /** Tour files from here instead of the repo's scenes/. */
  scenesDir?: string;
  limits?: Partial<ServerLimits>;
  meetupLimits?: Partial<MeetupLimits>;
  circleLimits?: Partial<CircleLimits>;
  pairingLimits?: Partial<PairingLimits>;
  allowedOrigins?: string[];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'setvisit-test-'));
  const dbFile = join(dir, 'feed.sqlite');
  const logs: TestServer['logs'] = [];
  const log: ServerLog = {
    notice: (message, fields) => logs.push({ level: 'info', message, fields }),
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
    error: (message, fields) => logs.push({ level: 'error', message, fields }),
  };
  let port = 0;
  const handle: TestServer = {
    url: '',
    dbFile,
    port: 0,
    storage: new SqliteFeedStorage(dbFile),
    meetupStorage: undefined as unknown as SqliteMeetupStorage,
    circleStorage: undefined as unknown as SqliteCircleStorage,
    pairingStorage: undefined as unknown as SqlitePairingStorage,
    server: undefined as unknown as SetVisitServer,
    logs,
    async start() {
      handle.storage = new SqliteFeedStorage(dbFile);
      await seedSampleProject(handle.storage);
      handle.meetupStorage = new SqliteMeetupStorage(dbFile);
      await seedSampleMeetup(handle.meetupStorage);
      handle.circleStorage = new SqliteCircleStorage(dbFile);
      handle.pairingStorage = new SqlitePairingStorage(dbFile);
      handle.server = createSetVisitServer({
        storage: handle.storage,
        operatorToken: OPERATOR_TOKEN,
        log,
        meetups: handle.meetupStorage,
        circles: handle.circleStorage,
        pairings: handle.pairingStorage,
        ...(options.pairingLimits ? { pairingLimits: options.pairingLimits } : {}),
        ...(options.circleLimits ? { circleLimits: options.circleLimits } : {}),
        ...(options.meetupLimits ? { meetupLimits: options.meetupLimits } : {}),
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
        ...(options.serveApp ? { files: { appDir: APP_DIR, scenesDir: options.scenesDir ?? join(REPO_ROOT, 'scenes') } } : {}),
      });
      port = await handle.server.listen(port, '127.0.0.1');
      handle.port = port;
      handle.url = `http://127.0.0.1:${port}`;
    },
    async stop() {
      await handle.server.close();
      await handle.storage.close();
      await handle.meetupStorage.close();
      await handle.circleStorage.close();
      await handle.pairingStorage.close();
    },
    async dispose() {
      await handle.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.storage.close();
  await handle.start();
  return handle;
}

/** POSTs a milestone through the real HTTP API. */
export async function postMilestone(baseUrl: string, body: unknown, token: string | null = OPERATOR_TOKEN, projectId = PROJECT_ID): Promise<Response> {
  return fetch(`${baseUrl}/api/projects/${projectId}/milestones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const validMilestone = (n: number) => ({ kind: 'scene-wrapped', title: { en: `Scene ${n} wrapped`, 'zh-CN': `第 ${n} 场杀青` } });
