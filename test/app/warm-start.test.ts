// The warm start: what the entry started is taken once by its user, and what nobody takes in time is disposals
// (a session's decoder, a renderer's GL context); a tour response waits however long the shell takes.
import { describe, expect, it } from 'vitest';
import type { WebGLRenderer } from 'three';
import { createWarmStart } from '../../src/app/warm-start';
import type { MediaSession } from '../../src/media/media-session';
import { prefetchTour, tourFileUrl } from '../../src/tour/tour-prefetch';

function setUp() {
  const timers: { task: () => void; ms: number; cleared: boolean }[] = [];
  const warm = createWarmStart({
    keptMs: 1_000,
    setTimer: (task, ms) => timers.push({ task, ms, cleared: false }) - 1,
    clearTimer: (index) => {
      const timer = timers[index as number];
      if (timer) timer.cleared = true;
    },
  });
  return { warm, timers };
}

function fakeSession() {
  const session = {
    disposals: 0,
    dispose() {
      this.disposals++;
    },
  };
  return session as typeof session & MediaSession;
}

describe('warm start', () => {
  it('hands a started session over once, to the user of its stream only', () => {
    const { warm, timers } = setUp();
    const session = fakeSession();
    warm.putSession('/media/a.m3u8', session);
    expect(warm.takeSession('/media/b.m3u8')).toBeNull();
    expect(warm.takeSession('/media/a.m3u8')).toBe(session);
    expect(warm.takeSession('/media/a.m3u8')).toBeNull();
    expect(timers[0]?.cleared).toBe(true);
    expect(session.disposals).toBe(0);
  });

  it('disposes a session nobody took in time, and a second one for the same stream at once', () => {
    const { warm, timers } = setUp();
    const first = fakeSession();
    const second = fakeSession();
    warm.putSession('/media/a.m3u8', first);
    warm.putSession('/media/a.m3u8', second);
    expect(second.disposals).toBe(1);
    expect(timers[0]?.ms).toBe(1_000);
    timers[0]?.task();
    expect(first.disposals).toBe(1);
    expect(warm.takeSession('/media/a.m3u8')).toBeNull();
  });

  it('releases a renderer nobody took in time; a taken one is its taker’s', () => {
    const { warm, timers } = setUp();
    let released = 0;
    const renderer = {} as WebGLRenderer;
    warm.putRenderer(renderer, () => released++);
    expect(warm.takeRenderer()).toBe(renderer);
    expect(warm.takeRenderer()).toBeNull();
    warm.putRenderer({} as WebGLRenderer, () => released++);
    timers[1]?.task();
    expect(released).toBe(1);
    expect(warm.takeRenderer()).toBeNull();
  });

  it('keeps the tour file’s response, per project, until the shell takes it', () => {
    const { warm, timers } = setUp();
    const response = Promise.resolve(new Response('{}'));
    warm.putTour('lantern-keeper', response);
    expect(timers).toHaveLength(0);
    expect(warm.takeTour('other')).toBeNull();
    expect(warm.takeTour('lantern-keeper')).toBe(response);
    expect(warm.takeTour('lantern-keeper')).toBeNull();
  });
});

describe('tour prefetch', () => {
  const file = (body: unknown, status = 200) => () => Promise.resolve(new Response(JSON.stringify(body), { status }));

  it('reads the start location’s stream from the file, leaving the response whole for loadTour', async () => {
    const requested: string[] = [];
    const tour = { start: 'b', locations: [{ id: 'a', stream: '/a.m3u8' }, { id: 'b', stream: '/b.m3u8' }] };
    const prefetch = prefetchTour('lantern-keeper', ((url: string) => {
      requested.push(url);
      return file(tour)();
    }) as typeof fetch);
    expect(requested).toEqual([tourFileUrl('lantern-keeper')]);
    expect(await prefetch.startStream).toBe('/b.m3u8');
    expect(await (await prefetch.response).json()).toEqual(tour);
  });

  it('starts nothing for a missing file, a file that is not JSON, or one whose start names no stream', async () => {
    expect(await prefetchTour('x', file({}, 404) as typeof fetch).startStream).toBeNull();
    expect(await prefetchTour('x', (() => Promise.resolve(new Response('not json')))).startStream).toBeNull();
    expect(await prefetchTour('x', file({ start: 'a', locations: [{ id: 'a' }] }) as typeof fetch).startStream).toBeNull();
    expect(await prefetchTour('x', (() => Promise.reject(new Error('offline')))).startStream).toBeNull();
  });
});
