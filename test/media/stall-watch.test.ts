// The stall watch names why the picture stands still from what the engines report and what the element shows,
// driven here by a stand-in element (an EventTarget with a playhead) and a hand-moved clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryHelps, StallWatch } from '../../src/media/stall-watch';
import type { MediaStall } from '../../src/store/app-store';

class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = false;
  ended = false;
  advance(seconds: number): void {
    this.currentTime += seconds;
    this.dispatchEvent(new Event('timeupdate'));
  }
}

let now = 1_000_000;
let video: FakeVideo;
let loading: boolean;
let changes: { stall: MediaStall | null; frozen: boolean }[];
let watch: StallWatch;
const last = () => changes[changes.length - 1];

beforeEach(() => {
  vi.useFakeTimers();
  now = 1_000_000;
  video = new FakeVideo();
  loading = false;
  changes = [];
  watch = new StallWatch(video as unknown as HTMLVideoElement, {
    frozenAfterMs: 1_000,
    tickMs: 250,
    loading: () => loading,
    onChange: (stall, frozen) => changes.push({ stall, frozen }),
    now: () => now,
  });
});
afterEach(() => {
  watch.dispose();
  vi.useRealTimers();
});

const tick = (ms: number) => {
  now += ms;
  vi.advanceTimersByTime(ms);
};

describe('StallWatch', () => {
  it('says nothing while the playhead moves', () => {
    for (let i = 0; i < 10; i++) {
      tick(250);
      video.advance(0.25);
    }
    expect(changes).toEqual([]);
  });

  it('calls a standing playhead (no waiting event) a slow network after frozenAfterMs, and clears when it moves', () => {
    tick(750);
    expect(changes).toEqual([]);
    tick(250);
    expect(last()).toEqual({ stall: { cause: 'network-slow', since: now }, frozen: true });
    video.advance(0.1);
    expect(last()).toEqual({ stall: null, frozen: false });
  });

  it('a waiting event is a stall at once; failing requests make it unreachable, a success makes it slow again', () => {
    video.dispatchEvent(new Event('waiting'));
    const since = now;
    expect(last()?.stall).toEqual({ cause: 'network-slow', since });
    watch.requestFailed();
    tick(250);
    // Same stall, new cause: its start stays.
    expect(last()?.stall).toEqual({ cause: 'unreachable', since });
    watch.requestLoaded();
    expect(last()?.stall?.cause).toBe('network-slow');
  });

  it('a live playlist fetched again with nothing new makes it the live source pausing; Retry does not help that', () => {
    watch.livePlaylist(false);
    video.dispatchEvent(new Event('waiting'));
    expect(last()?.stall?.cause).toBe('live-paused');
    expect(retryHelps(last()!.stall)).toBe(false);
    watch.livePlaylist(true);
    expect(last()?.stall?.cause).toBe('network-slow');
    expect(retryHelps(last()!.stall)).toBe(true);
  });

  it('before the first frame only an unreachable stream is a stall (a long first load is not "slow network")', () => {
    loading = true;
    tick(5_000);
    expect(changes).toEqual([]);
    watch.requestFailed();
    expect(last()).toEqual({ stall: { cause: 'unreachable', since: now }, frozen: false });
    watch.requestLoaded();
    expect(last()).toEqual({ stall: null, frozen: false });
  });

  it('a paused video is not stalled, nor is one just played again, nor a seek', () => {
    video.paused = true;
    tick(3_000);
    expect(changes).toEqual([]);
    video.paused = false;
    tick(500);
    expect(changes).toEqual([]);
    video.currentTime = 42;
    video.dispatchEvent(new Event('seeking'));
    tick(750);
    expect(changes).toEqual([]);
  });

  it('is the one judge of a wait: waiting where the playhead has just arrived is a stall at once, playing ends it at once', () => {
    // The playhead moved since the last look and then the element waits: still a stall, from this moment.
    tick(100);
    video.currentTime = 3;
    video.dispatchEvent(new Event('waiting'));
    expect(last()).toEqual({ stall: { cause: 'network-slow', since: now }, frozen: true });
    tick(2_000);
    // Playing again ends it before the next timeupdate, and the frozen clock starts afresh.
    video.dispatchEvent(new Event('playing'));
    expect(last()).toEqual({ stall: null, frozen: false });
    tick(750);
    expect(last()).toEqual({ stall: null, frozen: false });
    // A playhead that then stands still for frozenAfterMs is a stall again, without any event.
    tick(250);
    expect(last()).toEqual({ stall: { cause: 'network-slow', since: now }, frozen: true });
    expect(changes).toHaveLength(3);
  });
});
