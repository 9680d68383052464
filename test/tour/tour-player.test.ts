// @vitest-environment happy-dom
// The tour player: which location is on screen, moving with a crossfade that starts at the new location's first
// frame, preloading the likely next one, the store's tour slice, the limits it hands its sessions, and disposal.
// Real media sessions, each on a scripted <video> with the hls.js stand-in (test/media/scripted-media.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Events } from 'hls.js';
import type { Logger } from '../../src/feed/logger';
import { MediaSession } from '../../src/media/media-session';
import { createAppStore, type AppStore } from '../../src/store/app-store';
import { parseTour } from '../../src/protocol/tour-schema';
import { TourPlayer, type SessionSettings } from '../../src/tour/tour-player';
import type { Tour } from '../../src/protocol/tour-schema';
import { loadScriptedHls, ScriptedHls, scriptedVideo, settle, withMediaSource, type ScriptedVideo } from '../media/scripted-media';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const parsed = parseTour(JSON.parse(readFileSync(join(import.meta.dirname, '../../scenes/lantern-keeper.json'), 'utf8')));
if (parsed.kind !== 'tour') throw new Error('the sample tour file does not parse');
const tour: Tour = parsed.tour;
const stream = (id: string) => tour.locations.find((l) => l.id === id)!.stream;

let undoMediaSource: () => void;
let store: AppStore;
let made: { settings: SessionSettings; session: MediaSession; video: ScriptedVideo }[];
const players: TourPlayer[] = [];

function makePlayer(options: { fadeMs?: number; renditionLimits?: { maxHeight: number } } = {}): TourPlayer {
  const player = new TourPlayer({
    tour,
    store,
    engine: 'hls.js',
    // As for a viewer whose pass opens every location (the sample gates one): locks are tested in location-locks.
    locks: {},
    ...options,
    createSession: (settings) => {
      const video = scriptedVideo();
      const session = new MediaSession({ ...settings, video, loadHls: loadScriptedHls, logger: quiet });
      made.push({ settings, session, video });
      return session;
    },
  });
  players.push(player);
  return player;
}

/** The hls.js stand-in playing `src` (the newest one, after a retry). */
function hlsFor(src: string): ScriptedHls {
  const hls = ScriptedHls.instances.filter((h) => h.source === src).at(-1);
  if (!hls) throw new Error(`nothing plays ${src}`);
  return hls;
}

/** The session for `locationId` shows its first frame (and the task after it, when its status turns 'playing'). */
async function showFirstFrame(locationId: string): Promise<void> {
  const entry = made.filter((m) => hlsFor(stream(locationId)).media === m.video).at(-1);
  entry?.video.presentFrame();
  await settle();
}

beforeEach(() => {
  undoMediaSource = withMediaSource();
  ScriptedHls.instances = [];
  store = createAppStore();
  made = [];
});

afterEach(() => {
  for (const player of players.splice(0)) player.dispose();
  undoMediaSource();
  vi.useRealTimers();
});

describe('the tour player', () => {
  it('opens the start location with the settings it was given, and says where it is in the store', async () => {
    const player = makePlayer({ renditionLimits: { maxHeight: 768 } });
    await settle();
    expect(player.state.current.location.id).toBe(tour.start);
    expect(store.getState().tour.locationId).toBe(tour.start);
    expect(made).toHaveLength(1);
    expect(made[0]!.settings).toEqual({ engine: 'hls.js', renditionLimits: { maxHeight: 768 } });
    const hls = hlsFor(stream(tour.start));
    hls.trigger(Events.MANIFEST_PARSED, {});
    expect(hls.autoLevelCapping).toBe(1);
    // The session on screen reports to the store.
    expect(store.getState().media).toMatchObject({ status: 'loading', stage: 'segment', engine: 'hls.js' });
  });

  it('moves to a location, keeps the old one until the new one shows a frame, then fades it out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const player = makePlayer({ fadeMs: 300 });
    await vi.advanceTimersByTimeAsync(0);
    const notified: string[] = [];
    player.subscribe(() => notified.push(`${player.state.current.location.id}/${player.state.previous?.location.id ?? '-'}/${player.state.fadeStartedAt === null ? 'waiting' : 'fading'}`));
    const first = made[0]!;

    player.goTo('stage-a');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().tour.locationId).toBe('stage-a');
    expect(player.state.previous?.session).toBe(first.session);
    expect(player.state.fadeStartedAt).toBeNull();
    // The store now follows the new location's session, not the old one's.
    hlsFor(stream(tour.start)).trigger(Events.MANIFEST_PARSED, {});
    expect(store.getState().media.stage).toBe('manifest');
    expect(hlsFor(stream(tour.start)).destroyed).toBe(false);

    made[1]!.video.presentFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(player.state.fadeStartedAt).toEqual(expect.any(Number));
    await vi.advanceTimersByTimeAsync(299);
    expect(player.state.previous).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(player.state.previous).toBeNull();
    expect(hlsFor(stream(tour.start)).destroyed).toBe(true);
    expect(first.video.listenerCount()).toBe(0);
    expect(notified).toEqual(['stage-a/backlot/waiting', 'stage-a/backlot/fading', 'stage-a/-/waiting']);
  });

  it('starts the fade at once when the new location fails (the error card covers the view)', async () => {
    const player = makePlayer();
    await settle();
    player.goTo('monitor');
    await settle();
    hlsFor(stream('monitor')).fail({ type: 'otherError' as never, details: 'internalException' as never, fatal: true });
    expect(store.getState().media.status).toBe('error');
    expect(player.state.fadeStartedAt).toEqual(expect.any(Number));
  });

  it('cuts a fade short when the person moves on again', async () => {
    const player = makePlayer({ fadeMs: 10_000 });
    await settle();
    player.goTo('stage-a');
    await settle();
    await showFirstFrame('stage-a');
    expect(player.state.fadeStartedAt).not.toBeNull();
    player.goTo('monitor');
    await settle();
    expect(hlsFor(stream(tour.start)).destroyed).toBe(true);
    expect(player.state.previous?.location.id).toBe('stage-a');
    expect(player.state.fadeStartedAt).toBeNull();
  });

  it('preloads a location with a small buffer and no playback, and moves to it without a new session', async () => {
    const player = makePlayer();
    await settle();
    player.preload('stage-a');
    await settle();
    expect(made).toHaveLength(2);
    const preloaded = made[1]!;
    expect(hlsFor(stream('stage-a')).config.maxBufferLength).toBe(4);
    expect(preloaded.video.plays).toHaveLength(0);
    // Preloading the same place again, or the place on screen, does nothing.
    player.preload('stage-a');
    player.preload(tour.start);
    expect(made).toHaveLength(2);

    player.goTo('stage-a');
    expect(made).toHaveLength(2);
    expect(player.state.current.session).toBe(preloaded.session);
    expect(hlsFor(stream('stage-a')).config.maxBufferLength).toBe(20);
    expect(preloaded.video.plays).toHaveLength(1);
  });

  it('lets go of a preloaded location when another is preloaded instead', async () => {
    const player = makePlayer();
    await settle();
    player.preload('stage-a');
    await settle();
    player.preload('monitor');
    await settle();
    expect(hlsFor(stream('stage-a')).destroyed).toBe(true);
    expect(made[1]!.video.listenerCount()).toBe(0);
    expect(hlsFor(stream('monitor')).destroyed).toBe(false);
  });

  it('ignores a move to where it is, and refuses a location the tour does not have', async () => {
    const player = makePlayer();
    await settle();
    const listener = vi.fn();
    player.subscribe(listener);
    player.goTo(tour.start);
    expect(listener).not.toHaveBeenCalled();
    expect(() => player.goTo('nowhere')).toThrow(`no location "nowhere" in tour ${tour.id}`);
    expect(store.getState().tour.locationId).toBe(tour.start);
  });

  it('hands limits learnt later to every session it holds', async () => {
    const player = makePlayer();
    await settle();
    player.preload('monitor');
    await settle();
    player.setRenditionLimits({ maxTextureSize: 1024 });
    for (const id of [tour.start, 'monitor']) {
      const hls = hlsFor(stream(id));
      hls.trigger(Events.MANIFEST_PARSED, {});
      expect(hls.autoLevelCapping).toBe(0);
    }
    // A session made afterwards is made with them.
    player.goTo('stage-a');
    expect(made.at(-1)!.settings.renditionLimits).toEqual({ maxTextureSize: 1024 });
  });

  it('retries the location on screen', async () => {
    const player = makePlayer();
    await settle();
    hlsFor(stream(tour.start)).fail({ type: 'otherError' as never, details: 'internalException' as never, fatal: true });
    expect(store.getState().media.status).toBe('error');
    player.retry();
    await settle();
    expect(ScriptedHls.instances.filter((h) => h.source === stream(tour.start))).toHaveLength(2);
    expect(store.getState().media.status).toBe('loading');
  });

  it('disposes every session it holds, and tells no one after', async () => {
    const player = makePlayer();
    await settle();
    player.preload('stage-a');
    await settle();
    const listener = vi.fn();
    player.subscribe(listener);
    player.dispose();
    players.splice(players.indexOf(player), 1);
    expect(ScriptedHls.instances.every((h) => h.destroyed)).toBe(true);
    expect(made.every((m) => m.video.listenerCount() === 0)).toBe(true);
    expect(listener).not.toHaveBeenCalled();
  });
});
