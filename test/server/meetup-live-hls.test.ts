// The demo's live stream: the looped timeline's arithmetic, then the real server's live playlist moving forward in
// real time with fetchable segments, the secret path, and the VOD replay once the meet-up ends.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_SOURCE_DIR } from '../../src/server/meetup';
import { createSetVisitServer } from '../../src/server/create-server';
import { SqliteFeedStorage } from '../../src/server/storage/sqlite-storage';
import { SqliteMeetupStorage } from '../../src/server/storage/sqlite-meetup-storage';
import { seedSampleProject } from '../../src/server/sample-project';
import { loadSourceStream } from '../../src/server/live-hls/source-stream';
import { LIVE_WINDOW_SEGMENTS, PREROLL_SEGMENTS, createLoopTimeline, liveWindow, publishedCount, renderMediaPlaylist, replayPlaylist } from '../../src/server/live-hls/live-timeline';
import { OPERATOR_TOKEN, PROJECT_ID, startTestServer, type TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait';

/** The lines of a playlist that are segment URIs, with the tags just before each. */
function parsePlaylist(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
  const segments: { uri: string; discontinuity: boolean; duration: number }[] = [];
  let discontinuity = false;
  let duration = Number.NaN;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') discontinuity = true;
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (!line.startsWith('#')) {
      segments.push({ uri: line, discontinuity, duration });
      discontinuity = false;
    }
  }
  return {
    mediaSequence: Number(tag('#EXT-X-MEDIA-SEQUENCE')),
    discontinuitySequence: Number(tag('#EXT-X-DISCONTINUITY-SEQUENCE')),
    playlistType: tag('#EXT-X-PLAYLIST-TYPE'),
    ended: lines.includes('#EXT-X-ENDLIST'),
    map: tag('#EXT-X-MAP'),
    segments,
  };
}

describe('the looped timeline', () => {
  const timeline = createLoopTimeline([2, 2, 2, 2, 2], 2);

  it('publishes the preroll at once, then one segment per segment duration', () => {
    expect(publishedCount(timeline, 0)).toBe(PREROLL_SEGMENTS);
    expect(publishedCount(timeline, 1_999)).toBe(PREROLL_SEGMENTS);
    expect(publishedCount(timeline, 2_000)).toBe(PREROLL_SEGMENTS + 1);
    expect(publishedCount(timeline, 60_000)).toBe(PREROLL_SEGMENTS + 30);
  });

  it('slides a window of six with a moving media sequence and marks each loop wrap as a discontinuity', () => {
    const at = (ms: number) => parsePlaylist(renderMediaPlaylist(timeline, liveWindow(timeline, 0, ms, undefined)));
    const early = at(4_000);
    expect(early.mediaSequence).toBe(0);
    expect(early.segments.map((s) => s.uri)).toEqual(['0.m4s', '1.m4s', '2.m4s', '3.m4s', '4.m4s']);
    const later = at(20_000);
    expect(later.segments).toHaveLength(LIVE_WINDOW_SEGMENTS);
    expect(later.mediaSequence).toBe(publishedCount(timeline, 20_000) - LIVE_WINDOW_SEGMENTS);
    expect(later.ended).toBe(false);
    // Segments 7..12: the wrap at 10 is tagged; the one at 5 came before the window and is in the sequence.
    expect(later.segments.map((s) => s.uri)).toEqual(['7.m4s', '8.m4s', '9.m4s', '10.m4s', '11.m4s', '12.m4s']);
    expect(later.segments.map((s) => s.discontinuity)).toEqual([false, false, false, true, false, false]);
    expect(later.discontinuitySequence).toBe(1);
    // A window that starts on a wrap counts it in the sequence instead of tagging its first segment.
    const startingAtTen = at(26_000);
    expect(startingAtTen.segments[0]!.uri).toBe('10.m4s');
    expect(startingAtTen.discontinuitySequence).toBe(2);
    expect(startingAtTen.segments.map((s) => s.discontinuity)).toEqual([false, false, false, false, false, true]);
  });

  it('lists every segment that was live in the replay, closed', () => {
    const replay = parsePlaylist(renderMediaPlaylist(timeline, replayPlaylist(timeline, 0, 21_000)));
    expect(replay).toMatchObject({ mediaSequence: 0, discontinuitySequence: 0, playlistType: 'VOD', ended: true });
    expect(replay.segments).toHaveLength(PREROLL_SEGMENTS + 10);
    expect(replay.segments.filter((s) => s.discontinuity).map((s) => s.uri)).toEqual(['5.m4s', '10.m4s']);
  });
});

describe('the footage a live stream loops', () => {
  /** A source folder with the given rendition playlists (segment files are one byte each). */
  function sourceDir(renditions: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'setvisit-live-source-'));
    writeFileSync(join(dir, 'master.m3u8'), ['#EXTM3U', ...Object.keys(renditions).flatMap((r) => ['#EXT-X-STREAM-INF:BANDWIDTH=1000', `${r}/index.m3u8`])].join('\n'));
    for (const [name, playlist] of Object.entries(renditions)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.m3u8'), playlist);
      for (const line of playlist.split('\n')) if (line && !line.startsWith('#')) writeFileSync(join(dir, name, line), 'x');
      writeFileSync(join(dir, name, 'init.mp4'), 'x');
    }
    return dir;
  }
  const playlist = (durations: number[], map = true) =>
    ['#EXTM3U', ...(map ? ['#EXT-X-MAP:URI="init.mp4"'] : []), ...durations.flatMap((d, i) => [`#EXTINF:${d},`, `s${i}.m4s`]), '#EXT-X-ENDLIST'].join('\n');

  it('reads the sample backlot: three renditions cut alike, 2 s segments', () => {
    const source = loadSourceStream(DEFAULT_LIVE_SOURCE_DIR);
    expect(source.renditions.map((r) => r.name)).toEqual(['tv', 'desktop', 'headset']);
    expect(source.durationsSeconds).toEqual([2, 2, 2, 2, 2]);
    expect(source.targetDurationSeconds).toBe(2);
  });

  it.each([
    ['no init segment (MPEG-TS)', { tv: playlist([2, 2], false) }, /EXT-X-MAP.*fMP4/],
    ['renditions cut differently', { tv: playlist([2, 2]), hd: playlist([2, 3]) }, /not cut like tv/],
    ['no segments', { tv: playlist([]) }, /lists no segments/],
  ])('refuses footage with %s, naming the file', (_name, renditions, message) => {
    const dir = sourceDir(renditions);
    try {
      expect(() => loadSourceStream(dir)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a server whose footage is missing', () => {
  it('starts, says why once, runs meet-ups without a stream, and answers 404 on the stream paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setvisit-no-footage-'));
    const storage = new SqliteFeedStorage(join(dir, 'db.sqlite'));
    const meetups = new SqliteMeetupStorage(join(dir, 'db.sqlite'));
    const errors: { message: string; fields?: Record<string, unknown> }[] = [];
    const log = { notice: () => undefined, info: () => undefined, warn: () => undefined, error: (message: string, fields?: Record<string, unknown>) => void errors.push({ message, fields }) };
    await seedSampleProject(storage);
    const server = createSetVisitServer({ storage, meetups, operatorToken: OPERATOR_TOKEN, log, liveSourceDir: join(dir, 'nowhere') });
    try {
      const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
      expect(errors).toEqual([{ message: expect.stringContaining('no live stream') as unknown, fields: expect.objectContaining({ dir: join(dir, 'nowhere') }) as unknown }]);
      const post = (path: string, body?: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      expect((await post(`/api/projects/${PROJECT_ID}/meetups`, { id: 'no-footage', title: { en: 'x' }, star: { en: 'y' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' })).status).toBe(201);
      const started = (await (await post('/api/meetups/no-footage/start')).json()) as { streamUrl: string };
      expect((await fetch(`${url}${started.streamUrl}`)).status).toBe(404);
    } finally {
      await server.close();
      await storage.close();
      await meetups.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the live stream on the real server', () => {
  let server: TestServer;
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  // Every stream request carries the media pass (a cookie scoped to the stream's path) a pass request set.
  let cookie = '';
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  const takePass = async () => {
    const res = await api('POST', '/api/meetups/live-stage/stream-pass');
    expect(res.status).toBe(200);
    cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return ((await res.json()) as { streamUrl: string }).streamUrl;
  };
  let streamUrl = '';
  let base = '';

  beforeAll(async () => {
    server = await startTestServer();
    const scheduled = await api('POST', `/api/projects/${PROJECT_ID}/meetups`, { id: 'live-stage', title: { en: 'Live stage' }, star: { en: 'Lin Yue' }, scheduledStart: new Date().toISOString(), requiredTier: 'gold' });
    expect(scheduled.status).toBe(201);
  });
  afterAll(() => server.dispose());

  it('has no stream while scheduled', async () => {
    const meetup = (await (await api('GET', '/api/meetups/live-stage')).json()) as { streamUrl?: string };
    expect(meetup.streamUrl).toBeUndefined();
  });

  it('serves a live playlist whose media sequence moves forward in real time, with fetchable segments', async () => {
    const started = (await (await api('POST', '/api/meetups/live-stage/start')).json()) as { streamUrl: string };
    streamUrl = started.streamUrl;
    expect(await takePass()).toBe(streamUrl);
    base = streamUrl.replace(/master\.m3u8$/, '');
    const master = await get(streamUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const masterText = await master.text();
    expect(masterText.match(/^#EXT-X-STREAM-INF:/gm)).toHaveLength(3);
    expect(masterText).toContain('tv/index.m3u8');

    const read = async () => {
      const response = await get(`${base}tv/index.m3u8`);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      return parsePlaylist(await response.text());
    };
    const first = await read();
    expect(first.ended).toBe(false);
    expect(first.playlistType).toBeUndefined();
    expect(first.map).toBe('URI="init.mp4"');
    expect(first.segments.length).toBeGreaterThanOrEqual(PREROLL_SEGMENTS);
    expect(first.segments.length).toBeLessThanOrEqual(LIVE_WINDOW_SEGMENTS);
    const edge = (p: typeof first) => p.mediaSequence + p.segments.length;
    const moved = await waitFor(async () => {
      const now = await read();
      return edge(now) > edge(first) ? now : undefined;
    }, 8_000, 'the live edge to move');
    expect(edge(moved)).toBe(edge(first) + 1);

    // The bytes are the sample footage's: segment k repeats source segment k mod 5.
    const newest = moved.segments.at(-1)!.uri;
    const k = Number.parseInt(newest, 10);
    const segment = await get(`${base}tv/${newest}`);
    expect(segment.status).toBe(200);
    expect(Buffer.from(await segment.arrayBuffer()).equals(readFileSync(join(DEFAULT_LIVE_SOURCE_DIR, 'tv', `seg_0000${k % 5}.m4s`)))).toBe(true);
    const init = await get(`${base}tv/init.mp4`);
    expect(Buffer.from(await init.arrayBuffer()).equals(readFileSync(join(DEFAULT_LIVE_SOURCE_DIR, 'tv', 'init.mp4')))).toBe(true);
    // Not yet published: not served.
    expect((await get(`${base}tv/${k + 3}.m4s`)).status).toBe(404);
  });

  it('answers a wrong key like the right one without its pass, 404 for an unknown rendition, and no replay while still live', async () => {
    // The pass is for this stream's path only: a wrong key is refused exactly like the right key without a pass.
    const wrong = await get('/live/AAAAAAAAAAAAAAAAAAAAAA/master.m3u8');
    const withoutPass = await fetch(`${server.url}${streamUrl}`);
    expect(wrong.status).toBe(401);
    expect([withoutPass.status, await withoutPass.text()]).toEqual([wrong.status, await wrong.text()]);
    expect((await get(`${base}8k/index.m3u8`)).status).toBe(404);
    // A live pass does not cover the replay, and no replay pass is given while live.
    expect((await get(streamUrl.replace('/live/', '/replay/'))).status).toBe(401);
    expect((await fetch(`${server.url}${streamUrl}`, { method: 'POST' })).status).toBe(405);
  });

  it('turns into a VOD replay of every segment that was live once the meet-up ends', async () => {
    const ended = (await (await api('POST', '/api/meetups/live-stage/end')).json()) as { streamUrl: string };
    expect(ended.streamUrl).toBe(streamUrl.replace('/live/', '/replay/'));
    const replayBase = ended.streamUrl.replace(/master\.m3u8$/, '');
    const livePass = cookie;
    expect(await takePass()).toBe(ended.streamUrl);
    const replay = parsePlaylist(await (await get(`${replayBase}headset/index.m3u8`)).text());
    expect(replay).toMatchObject({ mediaSequence: 0, playlistType: 'VOD', ended: true });
    expect(replay.segments.length).toBeGreaterThan(PREROLL_SEGMENTS);
    expect(replay.segments.map((s) => s.uri)).toEqual(replay.segments.map((_, i) => `${i}.m4s`));
    expect(replay.segments.filter((s) => s.discontinuity).map((s) => s.uri)).toEqual(replay.segments.map((s) => s.uri).filter((u) => Number.parseInt(u, 10) % 5 === 0 && u !== '0.m4s'));
    for (const s of [replay.segments[0]!, replay.segments.at(-1)!]) expect((await get(`${replayBase}headset/${s.uri}`)).status).toBe(200);
    // Whoever still watches live (with the live pass) gets the final window, closed, so the player stops instead of waiting.
    cookie = livePass;
    const closedLive = parsePlaylist(await (await get(`${base}tv/index.m3u8`)).text());
    expect(closedLive.ended).toBe(true);
    expect(closedLive.mediaSequence + closedLive.segments.length).toBe(replay.segments.length);
    // The replay survives a restart: everything follows from the stored start and end.
    await server.stop();
    await server.start();
    await takePass();
    const again = await get(`${replayBase}headset/index.m3u8`).catch(() => get(`${replayBase}headset/index.m3u8`));
    expect(parsePlaylist(await again.text()).segments).toHaveLength(replay.segments.length);
  });
});
