// Attention on the real server over real sockets: reports are aggregated per location and bucket, withheld below
// five distinct viewers, refused (and counted, storing nothing) when malformed, out of range, about unknown
// locations, from the future, oversize, flooding or opted out; the map and radar are for the operator token only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENTION_EVENTS, cellOf, type AttentionMap, type AttentionRadar } from '../../src/protocol/attention';
import { createSetVisitServer, type SetVisitServer } from '../../src/server/create-server';
import { seedSampleMeetup, seedSampleProject } from '../../src/server/sample-project';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { SqliteMeetupStorage } from '../../src/server/storage/sqlite-meetup-storage';
import { SqliteAttentionStorage } from '../../src/server/storage/sqlite-attention-storage';
import { OPERATOR_TOKEN, PROJECT_ID, REPO_ROOT } from '../helpers/test-server';

let dir: string;
let server: SetVisitServer;
let url: string;
let feedStorage: SqliteFeedStorage;
let meetupStorage: SqliteMeetupStorage;
let attentionStorage: SqliteAttentionStorage;
const sockets: Socket[] = [];
const silent = { notice() {}, info() {}, warn() {}, error() {} };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setvisit-attention-'));
  feedStorage = new SqliteFeedStorage(join(dir, 'db.sqlite'));
  meetupStorage = new SqliteMeetupStorage(join(dir, 'db.sqlite'));
  attentionStorage = new SqliteAttentionStorage(join(dir, 'db.sqlite'));
  await seedSampleProject(feedStorage);
  await seedSampleMeetup(meetupStorage);
  server = createSetVisitServer({
    storage: feedStorage,
    operatorToken: OPERATOR_TOKEN,
    log: silent,
    meetups: meetupStorage,
    attention: { storage: attentionStorage, scenesDir: join(REPO_ROOT, 'scenes'), limits: { radarPublishMs: 100 } },
  });
  url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
  await Promise.all([feedStorage.close(), meetupStorage.close(), attentionStorage.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function viewer(token?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: { v: 1, ...(token ? { token } : {}) }, forceNew: true });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const nowS = () => Math.floor(Date.now() / 1000);
const report = (l: string, cells: number[], t = 0, a = nowS()) => ({ p: PROJECT_ID, l, t, a, c: cells });
const stats = () => server.attention.stats;
const get = (path: string, token: string | null = OPERATOR_TOKEN) => fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

/** Waits until the server has judged `n` more reports (accepted or refused). */
async function judged(before: number, n: number): Promise<void> {
  const total = () => stats().reportsAccepted + Object.values(stats().refused).reduce((a, b) => a + b, 0);
  await expect.poll(total, { timeout: 3_000 }).toBeGreaterThanOrEqual(before + n);
}
const judgedSoFar = () => stats().reportsAccepted + Object.values(stats().refused).reduce((a, b) => a + b, 0);

const NORTH = cellOf(0, 0);
const EAST = cellOf(90, 0);
const BEHIND = cellOf(180, 0);

describe('attention server', () => {
  it('withholds a map below five distinct viewers, then shows cells, top directions and who turned around', async () => {
    const four = await Promise.all([viewer(), viewer(), viewer(), viewer()]);
    const before = judgedSoFar();
    four.forEach((s, i) => s.emit(ATTENTION_EVENTS.report, report('backlot', i === 3 ? [BEHIND, 10] : [NORTH, 10])));
    await judged(before, 4);
    const withheld = (await (await get(`/api/projects/${PROJECT_ID}/attention/backlot`)).json()) as AttentionMap;
    expect(withheld).toMatchObject({ withheld: true, minViewers: 5 });
    expect(withheld.cells).toBeUndefined();
    expect(withheld.viewers).toBeUndefined();

    const fifth = await viewer();
    fifth.emit(ATTENTION_EVENTS.report, report('backlot', [EAST, 4, NORTH, 6]));
    await judged(before, 5);
    const map = (await (await get(`/api/projects/${PROJECT_ID}/attention/backlot`)).json()) as AttentionMap;
    expect(map.withheld).toBe(false);
    expect(map.viewers).toBe(5);
    expect(map.cells![NORTH]).toBe(4);
    expect(map.cells![EAST]).toBe(1);
    expect(map.cells![BEHIND]).toBe(1);
    expect(map.top![0]).toMatchObject({ cell: NORTH, viewers: 4 });
    expect(Math.abs(map.top![0]!.yaw)).toBeLessThan(6);
    expect(map.turnedAroundShare).toBe(0.2);
    expect(map.buckets).toEqual([{ start: 0, withheld: false, viewers: 5 }]);

    const csv = await (await get(`/api/projects/${PROJECT_ID}/attention/backlot.csv`)).text();
    expect(csv.split('\n')[0]).toBe('project,location,bucket_start_s,bucket_end_s,withheld,bucket_viewers,cell,column,row,yaw,pitch,cell_viewers,samples');
    expect(csv).toContain(`${PROJECT_ID},backlot,0,10,false,5,${NORTH},`);
  });

  it('refuses and counts bad reports, storing nothing', async () => {
    const socket = await viewer();
    const refused = { ...stats().refused };
    const acceptedBefore = stats().reportsAccepted;
    const before = judgedSoFar();
    socket.emit(ATTENTION_EVENTS.report, report('stage-a', [5000, 3], 100));
    socket.emit(ATTENTION_EVENTS.report, report('nowhere', [NORTH, 3], 100));
    socket.emit(ATTENTION_EVENTS.report, report('stage-a', [NORTH, 3], 100, nowS() + 3600));
    socket.emit(ATTENTION_EVENTS.report, report('stage-a', Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : i))), 100);
    socket.emit(ATTENTION_EVENTS.report, { ...report('stage-a', [NORTH, 3], 100), extra: 1 });
    await judged(before, 5);
    expect(stats().refused['out-of-range']).toBe(refused['out-of-range'] + 1);
    expect(stats().refused['unknown-location']).toBe(refused['unknown-location'] + 1);
    expect(stats().refused.future).toBe(refused.future + 1);
    expect(stats().refused.oversize).toBe(refused.oversize + 1);
    expect(stats().refused.invalid).toBe(refused.invalid + 1);
    expect(stats().reportsAccepted).toBe(acceptedBefore);
    await server.attention.flush();
    expect(await attentionStorage.readBuckets(PROJECT_ID, 'stage-a', 0, 1e6)).toEqual([]);
    expect(await attentionStorage.readBuckets(PROJECT_ID, 'nowhere', 0, 1e6)).toEqual([]);
  });

  it('drops a flood beyond the per-socket limit, and everything after an opt-out', async () => {
    const flooder = await viewer();
    const before = judgedSoFar();
    const limited = stats().refused['rate-limited'];
    for (let i = 0; i < 15; i++) flooder.emit(ATTENTION_EVENTS.report, report('stage-a', [NORTH, 1], 200 + i));
    await judged(before, 15);
    expect(stats().refused['rate-limited']).toBeGreaterThan(limited);

    const leaver = await viewer();
    const optedOut = stats().refused['opted-out'];
    leaver.emit(ATTENTION_EVENTS.optOut, { p: PROJECT_ID });
    const before2 = judgedSoFar();
    leaver.emit(ATTENTION_EVENTS.report, report('stage-a', [EAST, 5], 300));
    await judged(before2, 1);
    expect(stats().refused['opted-out']).toBe(optedOut + 1);
    await server.attention.flush();
    const rows = await attentionStorage.readBuckets(PROJECT_ID, 'stage-a', 300, 310);
    expect(rows).toEqual([]);
  });

  it('gives the map and the radar to the operator only', async () => {
    expect((await get(`/api/projects/${PROJECT_ID}/attention/backlot`, null)).status).toBe(401);
    expect((await get(`/api/projects/${PROJECT_ID}/attention/backlot`, 'demo-gold')).status).toBe(403);
    expect((await get(`/api/projects/${PROJECT_ID}/attention/backlot/radar`, 'demo-gold')).status).toBe(403);
    expect((await get(`/api/projects/${PROJECT_ID}/attention/backlot.csv`, 'demo-supporter')).status).toBe(403);
    expect((await get('/api/attention/stats', 'demo-gold')).status).toBe(403);
    expect((await get(`/api/projects/${PROJECT_ID}/attention/nowhere`)).status).toBe(404);
  });

  it('the radar shows where five viewers look now, and follows them when they turn', async () => {
    const UP = cellOf(0, 45);
    const five = await Promise.all(Array.from({ length: 5 }, () => viewer()));
    five.forEach((s) => s.emit(ATTENTION_EVENTS.report, report('stage-a', [UP, 2], 400)));
    const radar = async () => (await (await get(`/api/projects/${PROJECT_ID}/attention/stage-a/radar`)).json()) as AttentionRadar;
    await expect.poll(async () => (await radar()).cells?.[UP], { timeout: 3_000 }).toBe(5);
    five.slice(0, 3).forEach((s) => s.emit(ATTENTION_EVENTS.report, report('stage-a', [BEHIND, 2], 401)));
    await expect.poll(async () => (await radar()).cells?.[BEHIND], { timeout: 3_000 }).toBe(3);
    expect((await radar()).cells?.[UP]).toBe(2);
    // Two leave: three is below the floor, and the radar says only that.
    five[0]!.disconnect();
    five[1]!.disconnect();
    await expect.poll(async () => (await radar()).withheld, { timeout: 3_000 }).toBe(true);
    expect((await radar()).cells).toBeUndefined();
  });
});
