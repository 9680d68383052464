// The desktop tour holds the feed back until its first 360 frame: run once, after the frame that shows it, on an
// error too, and at the latest after the cap — never twice, never after a cancel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstFrame } from '../../src/app/after-first-frame';
import { createAppStore, patchMedia, patchTour } from '../../src/store/app-store';

const immediateFrame = (callback: () => void) => callback();

afterEach(() => vi.useRealTimers());

describe('afterFirstFrame', () => {
  it('waits while the media loads and runs once after it plays', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const work = vi.fn();
    afterFirstFrame(store, work, { nextFrame: immediateFrame });
    patchMedia(store, { status: 'loading', progress: 0.4 });
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();
    patchMedia(store, { status: 'playing' });
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    patchMedia(store, { status: 'stalled' });
    patchMedia(store, { status: 'playing' });
    vi.advanceTimersByTime(10_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after the frame that shows the picture, not inside it', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const work = vi.fn();
    const frames: (() => void)[] = [];
    afterFirstFrame(store, work, { nextFrame: (callback) => frames.push(callback) });
    patchMedia(store, { status: 'playing' });
    // More store changes before that frame schedule nothing more.
    patchMedia(store, { progress: 1 });
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(0);
    expect(work).not.toHaveBeenCalled();
    frames.shift()!();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs when the stream fails (an error is on screen) and when the media had settled already', () => {
    vi.useFakeTimers();
    const failing = createAppStore();
    const onError = vi.fn();
    afterFirstFrame(failing, onError, { nextFrame: immediateFrame });
    patchMedia(failing, { status: 'error', error: { kind: 'network', detail: 'gone' } });
    vi.advanceTimersByTime(0);
    expect(onError).toHaveBeenCalledTimes(1);

    const playing = createAppStore();
    patchMedia(playing, { status: 'playing' });
    const already = vi.fn();
    afterFirstFrame(playing, already, { nextFrame: immediateFrame });
    vi.advanceTimersByTime(0);
    expect(already).toHaveBeenCalledTimes(1);
  });

  it('runs at the cap when no picture comes, and not at all once cancelled', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const work = vi.fn();
    afterFirstFrame(store, work, { maxWaitMs: 4_000, nextFrame: immediateFrame });
    vi.advanceTimersByTime(3_999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const cancel = afterFirstFrame(store, cancelled, { nextFrame: immediateFrame });
    cancel();
    patchMedia(store, { status: 'playing' });
    vi.advanceTimersByTime(10_000);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('runs as soon as the tour file says there is nothing to play (the sign-in needs the feed then, not in 4 s)', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const work = vi.fn();
    afterFirstFrame(store, work, { nextFrame: immediateFrame });
    vi.advanceTimersByTime(500);
    expect(work).not.toHaveBeenCalled();
    patchTour(store, { nothingToPlay: true });
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
