// Backer codes over the real HTTP API and real sockets: issued once per Idempotency-Key, listed without the
// codes, revoked (its sessions end at once, or within the re-check when the revocation message is lost) and
// re-issued; bad input answers with field paths and stores nothing.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackerCodeRecord, IssuedBackerCode, PROTOCOL_VERSION, SOCKET_EVENTS, type SubscribeReply } from '../../src/protocol';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ limits: { backerRecheckMs: 300 } });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.dispose();
});

const GOLD = { label: 'Li Wei', tier: 'gold', projects: [PROJECT_ID] };

function call(method: string, path: string, options: { body?: unknown; token?: string | null; key?: string } = {}): Promise<Response> {
  const token = options.token === undefined ? OPERATOR_TOKEN : options.token;
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
}
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; issues?: { path: string }[] } }).error;
const list = async () => ((await (await call('GET', '/api/backer-tokens')).json()) as { codes: unknown[] }).codes.map((c) => BackerCodeRecord.parse(c));
async function issue(body: unknown = GOLD, key?: string): Promise<IssuedBackerCode> {
  const res = await call('POST', '/api/backer-tokens', { body, ...(key ? { key } : {}) });
  expect(res.status).toBe(201);
  return IssuedBackerCode.parse(await res.json());
}

function backerSocket(token: string): Socket {
  const s = connect(server.url, { transports: ['websocket'], reconnection: false, auth: { v: PROTOCOL_VERSION, token } });
  sockets.push(s);
  return s;
}
const handshake = (s: Socket) =>
  new Promise<string>((resolve) => {
    s.once('connect', () => resolve('connected'));
    s.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? err.message));
  });
const subscribe = (s: Socket) => s.timeout(3_000).emitWithAck(SOCKET_EVENTS.subscribe, { projectId: PROJECT_ID }) as Promise<SubscribeReply>;

describe('issuing and listing', () => {
  it('issues to the operator only, refuses bad bodies with field paths, and lists codes without the codes', async () => {
    expect((await call('POST', '/api/backer-tokens', { body: GOLD, token: null })).status).toBe(401);
    expect((await call('POST', '/api/backer-tokens', { body: GOLD, token: 'demo-gold' })).status).toBe(403);
    expect((await call('POST', '/api/backer-tokens', { body: GOLD, token: 'made-up' })).status).toBe(403);
    expect((await call('GET', '/api/backer-tokens', { token: 'demo-gold' })).status).toBe(403);
    expect((await call('GET', '/api/backer-tokens', { token: null })).status).toBe(401);
    const before = (await list()).length;
    const bad = await call('POST', '/api/backer-tokens', { body: { label: '', tier: 'diamond', projects: [], extra: 1 } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.map((i) => i.path).sort()).toEqual(['extra', 'label', 'projects', 'tier']);
    expect((await call('POST', '/api/backer-tokens', { body: '{"label":' })).status).toBe(400);
    expect((await call('PUT', '/api/backer-tokens', { body: GOLD })).status).toBe(405);
    expect((await list()).length).toBe(before);

    const issued = await issue();
    expect(issued).toMatchObject({ ...GOLD, revokedAt: null, replaces: null, replacedBy: null, hint: issued.token.slice(-4) });
    const listed = await list();
    expect(listed).toHaveLength(before + 1);
    expect(listed[0]).toEqual(BackerCodeRecord.parse({ ...issued, token: undefined }));
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    expect((await fetch(`${server.url}/api/projects/${PROJECT_ID}`, { headers: { authorization: `Bearer ${issued.token}` } })).status).toBe(200);
  });

  it('answers a retry with the same Idempotency-Key with the same code, and refuses the key for another body', async () => {
    const before = (await list()).length;
    const first = await call('POST', '/api/backer-tokens', { body: GOLD, key: 'issue-0001' });
    const retry = await call('POST', '/api/backer-tokens', { body: { projects: [PROJECT_ID], tier: 'gold', label: 'Li Wei' }, key: 'issue-0001' });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [IssuedBackerCode.parse(await first.json()), IssuedBackerCode.parse(await retry.json())];
    expect(b).toEqual(a);
    expect((await list()).length).toBe(before + 1);
    const reused = await call('POST', '/api/backer-tokens', { body: { ...GOLD, tier: 'silver' }, key: 'issue-0001' });
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).code).toBe('idempotency-key-reused');
    const badKey = await call('POST', '/api/backer-tokens', { body: GOLD, key: 'x'.repeat(200) });
    expect(badKey.status).toBe(400);
    expect((await errorOf(badKey)).issues?.[0]?.path).toBe('Idempotency-Key');
    expect((await list()).length).toBe(before + 1);
  });
});

describe('revoking', () => {
  it('refuses unknown and malformed ids, revokes once, and a revoked code opens nothing', async () => {
    const issued = await issue();
    expect((await call('POST', '/api/backer-tokens/bc_0123456789abcdef/revoke')).status).toBe(404);
    const malformed = await call('POST', '/api/backer-tokens/not-an-id/revoke');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).issues?.map((i) => i.path)).toEqual(['id']);
    expect((await call('GET', `/api/backer-tokens/${issued.id}/revoke`)).status).toBe(405);
    expect((await call('POST', `/api/backer-tokens/${issued.id}/destroy`)).status).toBe(404);
    expect((await call('POST', `/api/backer-tokens/${issued.id}/revoke`, { token: 'demo-gold' })).status).toBe(403);
    expect((await call('POST', `/api/backer-tokens/${issued.id}/revoke`, { token: null })).status).toBe(401);
    expect((await list()).find((c) => c.id === issued.id)?.revokedAt).toBeNull();

    const revoked = await call('POST', `/api/backer-tokens/${issued.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(BackerCodeRecord.parse(await revoked.json()).revokedAt).toEqual(expect.any(String) as unknown);
    const again = await call('POST', `/api/backer-tokens/${issued.id}/revoke`);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already-revoked');
    expect((await fetch(`${server.url}/api/projects/${PROJECT_ID}`, { headers: { authorization: `Bearer ${issued.token}` } })).status).toBe(403);
    expect(await server.storage.backerCodes.isBackerTokenActive(issued.token)).toBe(false);
    expect(await handshake(backerSocket(issued.token))).toBe('forbidden');
  });

  it('disconnects the live sessions of a revoked code at once, and only those', async () => {
    const [doomed, other] = [await issue(), await issue({ ...GOLD, label: 'Zhang Min' })];
    const doomedSockets = [backerSocket(doomed.token), backerSocket(doomed.token)];
    const bystander = backerSocket(other.token);
    for (const s of [...doomedSockets, bystander]) expect(await handshake(s)).toBe('connected');
    for (const s of [...doomedSockets, bystander]) expect((await subscribe(s)).ok).toBe(true);
    const reasons = doomedSockets.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)));
    const started = performance.now();
    expect((await call('POST', `/api/backer-tokens/${doomed.id}/revoke`)).status).toBe(200);
    expect(await Promise.all(reasons)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(bystander.connected).toBe(true);
    expect((await subscribe(bystander)).ok).toBe(true);
  });

  it('ends a session whose code was revoked elsewhere (no message reached this node) within the re-check', async () => {
    const issued = await issue();
    const s = backerSocket(issued.token);
    expect(await handshake(s)).toBe('connected');
    const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
    // Straight in the database, as another node would: this node's sockets learn it only from the re-check.
    expect((await server.storage.backerCodes.revokeBackerCode(issued.id, new Date())).kind).toBe('revoked');
    const started = performance.now();
    expect(await gone).toBe('io server disconnect');
    expect(performance.now() - started).toBeLessThan(300 + 1_000);
  });
});

describe('re-issuing', () => {
  it('replaces a code with a new one of the same grant, once; the old one stops working', async () => {
    const old = await issue({ label: 'Wang Fang', tier: 'platinum', projects: '*' });
    const s = backerSocket(old.token);
    expect(await handshake(s)).toBe('connected');
    const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
    const res = await call('POST', `/api/backer-tokens/${old.id}/reissue`, { key: 'reissue-0001' });
    expect(res.status).toBe(201);
    const fresh = IssuedBackerCode.parse(await res.json());
    expect(fresh).toMatchObject({ label: 'Wang Fang', tier: 'platinum', projects: '*', replaces: old.id, revokedAt: null });
    expect(fresh.token).not.toBe(old.token);
    expect(await gone).toBe('io server disconnect');
    const retried = await call('POST', `/api/backer-tokens/${old.id}/reissue`, { key: 'reissue-0001' });
    expect(retried.status).toBe(201);
    expect(IssuedBackerCode.parse(await retried.json())).toEqual(fresh);
    const twice = await call('POST', `/api/backer-tokens/${old.id}/reissue`);
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).code).toBe('already-reissued');
    expect((await call('POST', '/api/backer-tokens/bc_0123456789abcdef/reissue')).status).toBe(404);
    expect(await server.storage.backerCodes.isBackerTokenActive(old.token)).toBe(false);
    expect(await server.storage.backerCodes.isBackerTokenActive(fresh.token)).toBe(true);
    expect((await list()).find((c) => c.id === old.id)).toMatchObject({ replacedBy: fresh.id, revokedAt: expect.any(String) as unknown });
  });
});
