// Every API request and every token-bearing socket handshake is counted before its token is looked at: a bad
// token costs a request like a good one, so tokens cannot be probed faster than the limit.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, validMilestone, type TestServer } from '../helpers/test-server';

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    limits: { readRateLimit: { perSecond: 0.01, burst: 5 }, postRateLimit: { perSecond: 0.01, burst: 4 }, handshakeRateLimit: { perSecond: 0.01, burst: 3 } },
  });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.dispose();
});

const read = (token?: string) => fetch(`${server.url}/api/projects/${PROJECT_ID}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const post = (token: string | undefined, body: unknown = validMilestone(1)) =>
  fetch(`${server.url}/api/projects/${PROJECT_ID}/milestones`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('HTTP limits count before authentication', () => {
  it('counts reads with bad tokens, then refuses every read from that address, good token or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await read(`guess-${i}`)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    const probe = await read('guess-5');
    expect(probe.status).toBe(429);
    expect(Number(probe.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await read(OPERATOR_TOKEN)).status).toBe(429);
    expect((await read()).status).toBe(429);
  });

  it('counts changes with a bad or missing token, and stores nothing once refused', async () => {
    const before = await server.storage.latestSeq(PROJECT_ID);
    const statuses = [(await post('guess-a')).status, (await post(undefined)).status, (await post('guess-b')).status, (await post(OPERATOR_TOKEN, { kind: 'nonsense' })).status];
    expect(statuses).toEqual([403, 401, 403, 400]);
    const refused = await post(OPERATOR_TOKEN);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
    expect(await server.storage.latestSeq(PROJECT_ID)).toBe(before);
  });

  it('counts socket handshakes that present a token before checking it', async () => {
    const handshake = (token: string) =>
      new Promise<string>((resolve) => {
        const s = connect(server.url, { transports: ['websocket'], reconnection: false, auth: { v: PROTOCOL_VERSION, token } });
        sockets.push(s);
        s.once('connect', () => resolve('connected'));
        s.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? err.message));
      });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await handshake(`guess-${i}`));
    expect(results).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(await handshake('guess-3')).toBe('rate-limited');
    expect(await handshake('demo-gold')).toBe('rate-limited');
  });
});
