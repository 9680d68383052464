// @vitest-environment happy-dom
// The media session as a player component: its events in order, its commands reaching the element, its readouts,
// its recovery (network retries with growing delays, decode recoveries, native HLS handing over to hls.js from the
// same time) and its disposal. The element is happy-dom's <video> with decoding scripted; hls.js is a stand-in that
// emits hls.js's real event names (test/media/scripted-media.ts); the playlists are the sample stream's own files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorDetails, ErrorTypes, Events } from 'hls.js';
import type { Logger } from '../../src/feed/logger';
import type { MediaSessionEvents } from '../../src/media/media-events';
import { MediaSession, type MediaSessionOptions } from '../../src/media/media-session';
import { createAppStore } from '../../src/store/app-store';
import { loadScriptedHls, ScriptedHls, scriptedVideo, settle, withMediaSource, type ScriptedVideo } from './scripted-media';

const SRC = 'http://localhost/media/backlot/master.m3u8';
const MEDIA_DIR = join(import.meta.dirname, '../../public/media/backlot');
const LIVE_MEDIA = '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:40\n#EXTINF:2.0,\nseg_00040.m4s\n';
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Serves the sample stream's real playlists (or a live media playlist) to the session's playlist reads. */
function servePlaylists({ live = false } = {}): void {
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const body = url.pathname.endsWith('master.m3u8') ? readFileSync(join(MEDIA_DIR, 'master.m3u8'), 'utf8') : live ? LIVE_MEDIA : readFileSync(join(MEDIA_DIR, 'tv/index.m3u8'), 'utf8');
    return Promise.resolve(new Response(body, { status: 200 }));
  });
}

/** Every event the session emits, in order, as [name, payload]. */
function record(session: MediaSession): [keyof MediaSessionEvents, unknown][] {
  const log: [keyof MediaSessionEvents, unknown][] = [];
  const names: (keyof MediaSessionEvents)[] = ['firstFrame', 'stalled', 'resumed', 'levelSwitched', 'engineSwitched', 'error', 'paused', 'seeked'];
  for (const name of names) session.on(name, (data) => log.push([name, data]));
  return log;
}

let video: ScriptedVideo;
let undoMediaSource: (() => void) | null = null;
const sessions: MediaSession[] = [];

function makeSession(options: Partial<MediaSessionOptions> = {}): MediaSession {
  const session = new MediaSession({ video, loadHls: loadScriptedHls, logger: quiet, ...options });
  sessions.push(session);
  return session;
}

function lastHls(): ScriptedHls {
  const hls = ScriptedHls.instances.at(-1);
  if (!hls) throw new Error('no hls.js instance was made');
  return hls;
}

beforeEach(() => {
  ScriptedHls.instances = [];
  video = scriptedVideo();
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
  undoMediaSource?.();
  undoMediaSource = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the media session through hls.js', () => {
  beforeEach(() => {
    undoMediaSource = withMediaSource();
  });

  it('reports loading stages, then the first frame, then rendition switches, stalls and resumes, in order', async () => {
    const session = makeSession();
    const states: string[] = [];
    session.subscribe((state) => states.push(`${state.status}:${state.stage ?? '-'}`));
    const events = record(session);
    await session.load(SRC);
    const hls = lastHls();
    expect(hls.source).toBe(SRC);
    expect(hls.media).toBe(video);
    expect(session.activeEngine).toBe('hls.js');
    expect(session.current).toMatchObject({ status: 'loading', engine: 'hls.js', stage: 'manifest' });

    hls.trigger(Events.MANIFEST_PARSED, {});
    expect(session.current).toMatchObject({ progress: 0.3, stage: 'segment' });
    // The cap is set from the limits when the manifest is in: unlimited here, so the top level.
    expect(hls.autoLevelCapping).toBe(2);
    hls.trigger(Events.FRAG_LOADED, { frag: { sn: 0, url: 'seg_00000.m4s' }, payload: new ArrayBuffer(0) });
    hls.trigger(Events.FRAG_BUFFERED, {});
    expect(session.current).toMatchObject({ progress: 0.8, stage: 'decode' });

    video.presentFrame();
    expect(session.current.status).toBe('loading'); // the store hears of it one task after the frame's draw
    await settle();
    expect(session.current.status).toBe('playing');
    expect(session.current.metrics.timeToFirstFrameMs).toEqual(expect.any(Number));

    hls.trigger(Events.LEVEL_SWITCHED, { level: 1 });
    video.currentTime = 3;
    video.dispatchEvent(new Event('waiting'));
    expect(session.current.status).toBe('stalled');
    video.dispatchEvent(new Event('playing'));
    expect(session.current).toMatchObject({ status: 'playing', metrics: { stalls: 1, rendition: { height: 768, bitrate: 796_400 } } });

    const names = events.map(([name]) => name).filter((name) => name !== 'paused');
    expect(names).toEqual(['firstFrame', 'levelSwitched', 'stalled', 'resumed']);
    expect(events.find(([name]) => name === 'firstFrame')?.[1]).toEqual({ timeToFirstFrameMs: session.current.metrics.timeToFirstFrameMs, engine: 'hls.js' });
    expect(events.find(([name]) => name === 'levelSwitched')?.[1]).toEqual({ height: 768, bitrate: 796_400, engine: 'hls.js' });
    expect(events.find(([name]) => name === 'stalled')?.[1]).toEqual({ mediaTime: 3, stalls: 1 });
    const resumed = events.find(([name]) => name === 'resumed')?.[1] as MediaSessionEvents['resumed'];
    expect(resumed.mediaTime).toBe(3);
    expect(resumed.stalledMs).toBeGreaterThanOrEqual(0);
    expect(states.slice(0, 4)).toEqual(['loading:manifest', 'loading:manifest', 'loading:segment', 'loading:decode']);
    // Active: it was told to play, muted (autoplay without a tap).
    expect(video.plays).toEqual([{ muted: true }]);
  });

  it('retries a fatal network error with doubling delays, then gives up with a fatal error event', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const session = makeSession({ config: { retryBaseDelayMs: 100, maxNetworkRetries: 2 } });
    const events = record(session);
    await session.load(SRC);
    const hls = lastHls();
    const networkError = { type: ErrorTypes.NETWORK_ERROR, details: ErrorDetails.FRAG_LOAD_ERROR, fatal: true } as const;
    // A segment's error comes after the manifest: retries restart loading (before it, they ask for the manifest again).
    hls.trigger(Events.MANIFEST_PARSED, {});

    hls.fail(networkError);
    await vi.advanceTimersByTimeAsync(99);
    expect(hls.startLoads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(hls.startLoads).toBe(1);
    hls.fail(networkError);
    await vi.advanceTimersByTimeAsync(199);
    expect(hls.startLoads).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hls.startLoads).toBe(2);
    expect(session.current.status).toBe('loading');

    hls.fail(networkError);
    expect(session.current).toMatchObject({ status: 'error', error: { kind: 'network', detail: ErrorDetails.FRAG_LOAD_ERROR } });
    expect(hls.destroyed).toBe(true);
    expect(events.filter(([name]) => name === 'error').map(([, data]) => data)).toEqual([
      { fatal: false, kind: 'network', detail: ErrorDetails.FRAG_LOAD_ERROR },
      { fatal: false, kind: 'network', detail: ErrorDetails.FRAG_LOAD_ERROR },
      { fatal: true, kind: 'network', detail: ErrorDetails.FRAG_LOAD_ERROR },
    ]);
  });

  it('fails at once on a playlist answering 4xx, and recovers decode errors before giving up on them', async () => {
    const session = makeSession({ config: { maxMediaRecoveries: 1 } });
    await session.load(SRC);
    let hls = lastHls();
    hls.fail({ type: ErrorTypes.NETWORK_ERROR, details: ErrorDetails.MANIFEST_LOAD_ERROR, fatal: true, response: { code: 404, text: 'Not Found', url: SRC } });
    expect(session.current.error).toEqual({ kind: 'manifest', detail: ErrorDetails.MANIFEST_LOAD_ERROR });
    expect(hls.startLoads).toBe(0);

    session.retry();
    await settle();
    hls = lastHls();
    expect(ScriptedHls.instances).toHaveLength(2);
    expect(session.current.status).toBe('loading');
    const decodeError = { type: ErrorTypes.MEDIA_ERROR, details: ErrorDetails.BUFFER_APPEND_ERROR, fatal: true } as const;
    hls.fail(decodeError);
    expect(hls.mediaRecoveries).toBe(1);
    expect(session.current.status).toBe('loading');
    hls.fail(decodeError);
    expect(session.current.error).toEqual({ kind: 'media', detail: ErrorDetails.BUFFER_APPEND_ERROR });
  });

  it('keeps ABR under the limits it was made with, and under limits learnt later', async () => {
    const session = makeSession({ renditionLimits: { maxHeight: 768 } });
    await session.load(SRC);
    const hls = lastHls();
    hls.trigger(Events.MANIFEST_PARSED, {});
    expect(hls.autoLevelCapping).toBe(1);
    hls.currentLevel = 1;
    session.setRenditionLimits({ maxTextureSize: 1024 });
    expect(hls.autoLevelCapping).toBe(0);
    expect(hls.nextLevel).toBe(0);
  });

  it('reads the live edge of a live stream, and none for VOD', async () => {
    const session = makeSession();
    await session.load(SRC);
    const hls = lastHls();
    video.setSeekable([[10, 40]]);
    hls.latestLevelDetails = { live: false };
    expect(session.liveEdge).toBeNull();
    hls.latestLevelDetails = { live: true };
    expect(session.liveEdge).toBe(40);
    video.setSeekable([]);
    expect(session.liveEdge).toBeNull();
  });
});

describe('the media session through the browser’s own HLS', () => {
  it('plays natively where only native HLS exists, names the rendition from the playlists, and retries network errors', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const session = makeSession({ config: { retryBaseDelayMs: 50, maxNetworkRetries: 1 } });
    const events = record(session);
    await session.load(SRC);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.activeEngine).toBe('native');
    expect(video.sources).toEqual([SRC]);
    expect(ScriptedHls.instances).toHaveLength(0);

    video.setVideoHeight(1024);
    expect(session.current.metrics.rendition).toEqual({ height: 1024, bitrate: 1_357_400 });
    video.presentFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.current.status).toBe('playing');

    video.currentTime = 7;
    video.failWith(2, 'network down');
    // No hls.js to hand over to: the element is pointed at the stream again after the delay, at the same time.
    await vi.advanceTimersByTimeAsync(49);
    expect(video.sources).toEqual([SRC]);
    await vi.advanceTimersByTimeAsync(1);
    expect(video.sources).toEqual([SRC, SRC]);
    expect(video.currentTime).toBe(7);
    video.failWith(2, 'network down');
    // The playlist is asked first whether the server refused it (it did not: a network error after all).
    await vi.advanceTimersByTimeAsync(0);
    expect(session.current).toMatchObject({ status: 'error', error: { kind: 'network', detail: 'network down' } });
    expect(events.filter(([name]) => name !== 'paused').map(([name, data]) => [name, (data as { fatal?: boolean }).fatal])).toEqual([
      ['levelSwitched', undefined],
      ['firstFrame', undefined],
      ['error', false],
      ['error', true],
    ]);
  });

  it('hands a failed native stream to hls.js from the same time, saying so in order', async () => {
    undoMediaSource = withMediaSource();
    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const session = makeSession({ config: { nativeBeforePlaylists: true } });
    const events = record(session);
    await session.load(SRC);
    expect(session.activeEngine).toBe('native');
    video.currentTime = 12;
    video.failWith(4, 'segment unparsable');
    await settle();
    expect(session.activeEngine).toBe('hls.js');
    expect(lastHls().source).toBe(SRC);
    expect(video.currentTime).toBe(12);
    expect(events.filter(([name]) => name !== 'paused')).toEqual([
      ['error', { fatal: false, kind: 'unsupported', detail: 'segment unparsable' }],
      ['engineSwitched', { from: 'native', to: 'hls.js', reason: 'native-error', mediaTime: 12 }],
    ]);
    // hls.js stays this stream's engine: a retry does not try native again.
    session.retry();
    await settle();
    expect(session.activeEngine).toBe('hls.js');
  });

  it('keeps native HLS on a native failure when native was asked for, and fails with the element’s error', async () => {
    undoMediaSource = withMediaSource();
    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const session = makeSession({ engine: 'native' });
    await session.load(SRC);
    expect(session.activeEngine).toBe('native');
    video.failWith(3, 'decode');
    expect(session.current.error).toEqual({ kind: 'media', detail: 'decode' });
    expect(ScriptedHls.instances).toHaveLength(0);
  });

  it('waits for the playlists to choose, and plays a VOD that fits natively, a live one through hls.js', async () => {
    undoMediaSource = withMediaSource();
    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const vod = makeSession();
    await vod.load(SRC);
    expect(vod.activeEngine).toBe('native');
    vod.dispose();

    servePlaylists({ live: true });
    video = scriptedVideo({ nativeHls: true });
    const live = makeSession();
    await live.load(SRC);
    expect(live.activeEngine).toBe('hls.js');
  });

  it('hands over to hls.js when the playlists of a native start, or limits learnt later, rule native out', async () => {
    undoMediaSource = withMediaSource();
    servePlaylists({ live: true });
    video = scriptedVideo({ nativeHls: true });
    const session = makeSession({ config: { nativeBeforePlaylists: true } });
    const events = record(session);
    await session.load(SRC);
    expect(session.activeEngine).toBe('native');
    await settle();
    expect(session.activeEngine).toBe('hls.js');
    expect(events.find(([name]) => name === 'engineSwitched')?.[1]).toMatchObject({ reason: 'playlists' });

    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const fitting = makeSession({ config: { nativeBeforePlaylists: true } });
    const fittingEvents = record(fitting);
    await fitting.load(SRC);
    await settle();
    expect(fitting.activeEngine).toBe('native');
    // The renderer says its textures stop at 1536: the 2048-wide top rendition needs hls.js's cap.
    fitting.setRenditionLimits({ maxTextureSize: 1536 });
    await settle();
    expect(fitting.activeEngine).toBe('hls.js');
    expect(fittingEvents.find(([name]) => name === 'engineSwitched')?.[1]).toMatchObject({ from: 'native', to: 'hls.js', reason: 'limits' });
  });

  it('fails with "unsupported" where neither engine exists', async () => {
    const session = makeSession();
    const events = record(session);
    await session.load(SRC);
    expect(session.current).toMatchObject({ status: 'error', error: { kind: 'unsupported' } });
    expect(events).toEqual([['error', { fatal: true, kind: 'unsupported', detail: 'neither MSE nor native HLS is available' }]]);
  });
});

describe('commands and readouts', () => {
  beforeEach(() => {
    undoMediaSource = withMediaSource();
  });

  it('play, pause and seek reach the element and come back as events; seek stays inside the stream', async () => {
    const session = makeSession();
    const events = record(session);
    await session.load(SRC);
    await settle();
    expect(session.paused).toBe(false);
    session.pause();
    expect(video.paused).toBe(true);
    expect(session.paused).toBe(true);
    expect(await session.play()).toBe(true);
    expect(video.paused).toBe(false);

    video.setDuration(30);
    session.seek(12.5);
    expect(video.currentTime).toBe(12.5);
    expect(session.currentTime).toBe(12.5);
    session.seek(99);
    expect(session.currentTime).toBe(30);
    session.seek(-4);
    expect(session.currentTime).toBe(0);
    video.dispatchEvent(new Event('seeked'));
    expect(() => session.seek(Number.NaN)).toThrow(RangeError);
    expect(events).toEqual([
      ['paused', { paused: false }],
      ['paused', { paused: true }],
      ['paused', { paused: false }],
      ['seeked', { mediaTime: 0 }],
    ]);
  });

  it('sets sound, volume and speed on the element, and refuses values the element would not take', () => {
    const session = makeSession();
    session.setMuted(false);
    expect(video.muted).toBe(false);
    expect(session.muted).toBe(false);
    session.setVolume(0.25);
    expect(video.volume).toBe(0.25);
    expect(session.volume).toBe(0.25);
    session.setPlaybackRate(0.95);
    expect(video.playbackRate).toBe(0.95);
    expect(session.playbackRate).toBe(0.95);
    expect(() => session.setVolume(1.5)).toThrow(/volume must be between 0 and 1/);
    expect(() => session.setVolume(Number.NaN)).toThrow(RangeError);
    expect(() => session.setPlaybackRate(0)).toThrow(/playback rate/);
    expect(video.volume).toBe(0.25);
    expect(video.playbackRate).toBe(0.95);
  });

  it('turns a play() interrupted by pause() into false, never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const session = makeSession();
      video.nextPlay = 'AbortError';
      expect(await session.play()).toBe(false);
      // The load's own autoplay, interrupted the same way.
      video.nextPlay = 'AbortError';
      await session.load(SRC);
      await settle();
      expect(video.plays.length).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('plays muted when the browser refuses sound without a gesture', async () => {
    const session = makeSession();
    session.setMuted(false);
    video.nextPlay = 'NotAllowedError';
    expect(await session.play()).toBe(true);
    expect(video.plays).toEqual([{ muted: false }, { muted: true }]);
    expect(session.muted).toBe(true);
  });

  it('keeps a paused session paused through a recovery, until play()', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    undoMediaSource?.();
    undoMediaSource = null;
    servePlaylists();
    video = scriptedVideo({ nativeHls: true });
    const session = makeSession({ config: { retryBaseDelayMs: 10 } });
    await session.load(SRC);
    await vi.advanceTimersByTimeAsync(0);
    const playsBefore = video.plays.length;
    session.pause();
    video.failWith(2, 'network down');
    await vi.advanceTimersByTimeAsync(10);
    expect(video.sources).toHaveLength(2);
    expect(video.plays.length).toBe(playsBefore);
    expect(session.paused).toBe(true);
  });

  it('reads the time buffered ahead of the picture, and the duration', () => {
    const session = makeSession();
    video.setBuffered([
      [0, 4],
      [10, 18],
    ]);
    video.currentTime = 11;
    expect(session.bufferedAhead).toBe(7);
    video.currentTime = 6;
    expect(session.bufferedAhead).toBe(0);
    expect(session.duration).toBeNaN();
    video.setDuration(Infinity);
    expect(session.duration).toBe(Infinity);
    // No hls.js, no playlists read: a duration of Infinity is what says live.
    video.setSeekable([[0, 22]]);
    expect(session.liveEdge).toBe(22);
  });

  it('counts frames where the browser does, and says null where it does not', () => {
    const session = makeSession();
    expect(session.frames).toBeNull();
    video.getVideoPlaybackQuality = () => ({ droppedVideoFrames: 3, totalVideoFrames: 250, creationTime: 0, corruptedVideoFrames: 0 });
    expect(session.frames).toEqual({ dropped: 3, total: 250 });
  });
});

describe('the store and disposal', () => {
  beforeEach(() => {
    undoMediaSource = withMediaSource();
  });

  it('mirrors its state into the store it reports to, and stops when told', async () => {
    const store = createAppStore();
    const session = makeSession();
    session.reportTo(store);
    await session.load(SRC);
    expect(store.getState().media).toMatchObject({ status: 'loading', engine: 'hls.js' });
    session.reportTo(null);
    lastHls().trigger(Events.MANIFEST_PARSED, {});
    expect(session.current.stage).toBe('segment');
    expect(store.getState().media.stage).toBe('manifest');
  });

  it('removes every listener it added, destroys hls.js and hears nothing after dispose', async () => {
    const before = video.listenerCount();
    const session = makeSession();
    const events = record(session);
    const states: unknown[] = [];
    session.subscribe((state) => states.push(state));
    await session.load(SRC);
    const hls = lastHls();
    expect(video.listenerCount()).toBeGreaterThan(before);
    session.dispose();
    expect(video.listenerCount()).toBe(before);
    expect(hls.destroyed).toBe(true);
    expect(video.getAttribute('src')).toBeNull();
    const heard = events.length;
    const changes = states.length;
    video.dispatchEvent(new Event('pause'));
    video.presentFrame();
    await settle();
    expect(events.length).toBe(heard);
    expect(states.length).toBe(changes);
  });
});
