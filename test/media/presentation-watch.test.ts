// The presentation watch: caps the renditions where the device drops frames, lifts the cap carefully with headroom
// (a lift that drops again waits twice as long), remembers per device what dropped and what held, and starts the
// next visit below what dropped. Plus the memory's parsing and the smoothness policy the engine choice asks.
import { describe, expect, it } from 'vitest';
import { PresentationWatch, type PresentationCap } from '../../src/media/presentation-watch';
import { memoryPresentation, recordDropped, recordSmooth, storedPresentation, NOTHING_KNOWN } from '../../src/media/presentation-memory';
import { knownSmooth, PRESUMED_SMOOTH_PIXELS } from '../../src/media/smooth-renditions';
import { chooseEngine } from '../../src/media/playback-engine';
import { UNLIMITED, highestAllowedLevel } from '../../src/media/rendition-cap';

const LADDER = [
  { width: 1024, height: 512 },
  { width: 2048, height: 1024 },
  { width: 4096, height: 2048 },
];
const px = (size: { width: number; height: number }) => size.width * size.height;

/** A playing <video> whose decoded and dropped frame counts the test moves, at the size the test sets. */
function presenter(size = LADDER[2]!) {
  const counts = { total: 0, dropped: 0 };
  const video = {
    videoWidth: size.width,
    videoHeight: size.height,
    getVideoPlaybackQuality: () => ({ totalVideoFrames: counts.total, droppedVideoFrames: counts.dropped }),
  } as unknown as HTMLVideoElement & { videoWidth: number; videoHeight: number };
  const showAt = (next: { width: number; height: number }) => {
    (video as { videoWidth: number }).videoWidth = next.width;
    (video as { videoHeight: number }).videoHeight = next.height;
  };
  return { video, counts, showAt };
}

function watchOn(video: HTMLVideoElement, memory = memoryPresentation(), config = {}) {
  const caps: (PresentationCap | null)[] = [];
  let tick: () => void = () => undefined;
  const watch = new PresentationWatch({
    video,
    ladder: () => LADDER,
    playing: () => true,
    memory,
    onCap: (cap) => caps.push(cap),
    config,
    setTimer: (run) => (tick = run),
    clearTimer: () => undefined,
  });
  watch.start();
  return { watch, caps, memory, tick: () => tick() };
}

/** One second: `decoded` frames, `dropped` of them dropped. */
function second(p: ReturnType<typeof presenter>, tick: () => void, decoded: number, dropped: number) {
  p.counts.total += decoded;
  p.counts.dropped += dropped;
  tick();
}

describe('presentation watch', () => {
  it('caps below a size where frames drop two seconds running, says why, and remembers it for the device', () => {
    const p = presenter(LADDER[2]);
    const { watch, caps, memory, tick } = watchOn(p.video);
    second(p, tick, 30, 0); // the first second at a size says nothing
    second(p, tick, 30, 20);
    expect(caps).toEqual([]);
    second(p, tick, 30, 18);
    expect(watch.current).toEqual({ maxPixels: px(LADDER[2]!) - 1, size: LADDER[1], reason: 'frames-dropped', droppedAt: LADDER[2] });
    expect(caps).toHaveLength(1);
    expect(memory.read()).toEqual({ droppedAt: px(LADDER[2]!), smoothAt: null });
    // hls.js's ABR keeps within it.
    expect(highestAllowedLevel(LADDER, { ...UNLIMITED, maxPixels: watch.maxPixels })).toBe(1);
  });

  it('does not cap on smooth playback, on a single bad second, or on seconds that should not move', () => {
    const p = presenter(LADDER[2]);
    let playing = true;
    const caps: unknown[] = [];
    let tick = () => undefined as void;
    new PresentationWatch({ video: p.video, ladder: () => LADDER, playing: () => playing, memory: memoryPresentation(), onCap: (c) => caps.push(c), setTimer: (run) => (tick = run), clearTimer: () => undefined }).start();
    for (let i = 0; i < 30; i++) second(p, tick, 30, i % 10 === 0 ? 1 : 0);
    second(p, tick, 30, 25);
    second(p, tick, 30, 0);
    second(p, tick, 30, 25);
    // Paused or stalled: drops then say nothing.
    playing = false;
    second(p, tick, 30, 25);
    second(p, tick, 30, 25);
    // Too few frames to judge (a background tab).
    playing = true;
    second(p, tick, 3, 3);
    second(p, tick, 3, 3);
    expect(caps).toEqual([]);
  });

  it('never caps below the lowest rendition', () => {
    const p = presenter(LADDER[0]);
    const { caps, tick } = watchOn(p.video);
    for (let i = 0; i < 5; i++) second(p, tick, 30, 25);
    expect(caps).toEqual([]);
  });

  it('lifts the cap with headroom, one size at a time; a lift that drops again caps again and the next waits twice as long', () => {
    const p = presenter(LADDER[2]);
    const { watch, tick } = watchOn(p.video, memoryPresentation(), { secondsBeforeLift: 5 });
    second(p, tick, 30, 0);
    second(p, tick, 30, 20);
    second(p, tick, 30, 20);
    expect(watch.current?.size).toEqual(LADDER[1]);
    // ABR goes down: the first second at the new size says nothing, then five with headroom lift the cap.
    p.showAt(LADDER[1]!);
    for (let i = 0; i < 5; i++) second(p, tick, 30, 0);
    expect(watch.current?.size).toEqual(LADDER[1]);
    second(p, tick, 30, 0);
    expect(watch.current).toBeNull();
    // Up again, and it drops again: capped, and now 10 seconds of headroom are needed.
    p.showAt(LADDER[2]!);
    second(p, tick, 30, 0);
    second(p, tick, 30, 20);
    second(p, tick, 30, 20);
    expect(watch.current?.size).toEqual(LADDER[1]);
    p.showAt(LADDER[1]!);
    for (let i = 0; i < 6; i++) second(p, tick, 30, 0);
    expect(watch.current).not.toBeNull();
    for (let i = 0; i < 5; i++) second(p, tick, 30, 0);
    expect(watch.current).toBeNull();
  });

  it('starts the next visit below what dropped (remembered), and a lift that holds moves the record up', () => {
    const memory = memoryPresentation(recordDropped(NOTHING_KNOWN, px(LADDER[2]!)));
    const p = presenter(LADDER[1]);
    const { watch, caps, tick } = watchOn(p.video, memory, { secondsBeforeLift: 3, secondsToTrust: 4 });
    expect(caps[0]).toMatchObject({ maxPixels: px(LADDER[2]!) - 1, reason: 'remembered' });
    for (let i = 0; i < 4; i++) second(p, tick, 30, 0);
    expect(watch.current).toBeNull();
    p.showAt(LADDER[2]!);
    for (let i = 0; i < 5; i++) second(p, tick, 30, 0);
    expect(memory.read()).toEqual({ droppedAt: null, smoothAt: px(LADDER[2]!) });
  });

  it('caps below a size MediaCapabilities calls not smooth, without remembering it', () => {
    const p = presenter(LADDER[1]);
    const { watch, memory } = watchOn(p.video);
    watch.notSmooth(LADDER[2]!);
    expect(watch.current).toMatchObject({ reason: 'capabilities', size: LADDER[1] });
    expect(memory.read()).toEqual(NOTHING_KNOWN);
  });
});

describe('presentation memory and smoothness', () => {
  it('reads back what it wrote, and treats unreadable or hostile storage as nothing known', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    const store = storedPresentation(storage);
    expect(store.read()).toEqual(NOTHING_KNOWN);
    store.write({ droppedAt: 100, smoothAt: 50 });
    expect(store.read()).toEqual({ droppedAt: 100, smoothAt: 50 });
    items.set('setvisit.presentation.v1', '{not json');
    expect(store.read()).toEqual(NOTHING_KNOWN);
    items.set('setvisit.presentation.v1', JSON.stringify({ droppedAt: -5, smoothAt: 'big' }));
    expect(store.read()).toEqual(NOTHING_KNOWN);
    const throwing = storedPresentation({ getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); } });
    expect(throwing.read()).toEqual(NOTHING_KNOWN);
    expect(() => throwing.write({ droppedAt: 1, smoothAt: null })).not.toThrow();
  });

  it('a drop outdates a larger smooth size; a smooth size outdates a smaller drop', () => {
    expect(recordDropped({ droppedAt: null, smoothAt: 500 }, 400)).toEqual({ droppedAt: 400, smoothAt: null });
    expect(recordSmooth({ droppedAt: 400, smoothAt: null }, 400)).toEqual({ droppedAt: null, smoothAt: 400 });
  });

  it('2K is presumed smooth; 4K only once this device presented it smoothly; nothing at or above a size that dropped', () => {
    expect(knownSmooth(LADDER[1]!, NOTHING_KNOWN)).toBe(true);
    expect(px(LADDER[1]!)).toBeLessThanOrEqual(PRESUMED_SMOOTH_PIXELS);
    expect(knownSmooth(LADDER[2]!, NOTHING_KNOWN)).toBe(false);
    expect(knownSmooth(LADDER[2]!, { droppedAt: null, smoothAt: px(LADDER[2]!) })).toBe(true);
    expect(knownSmooth(LADDER[1]!, { droppedAt: px(LADDER[1]!), smoothAt: null })).toBe(false);
    expect(knownSmooth({ width: 0, height: 0 }, NOTHING_KNOWN)).toBe(false);
  });

  it('the one engine choice keeps native HLS off a ladder whose top rendition is not known to be smooth', () => {
    const known = { support: { mse: true, native: true }, preference: 'auto' as const, nativeRuledOut: false, limits: UNLIMITED, nativeBeforePlaylists: false };
    const ladder = (top: { width: number; height: number }) => ({ live: false, ladder: [{ ...LADDER[0]!, bitrate: 1 }, { ...top, bitrate: 2 }] });
    expect(chooseEngine({ ...known, facts: ladder(LADDER[1]!) })).toBe('native');
    expect(chooseEngine({ ...known, facts: ladder(LADDER[2]!) })).toBe('hls.js');
    expect(chooseEngine({ ...known, facts: ladder(LADDER[2]!), presentation: { droppedAt: null, smoothAt: px(LADDER[2]!) } })).toBe('native');
    expect(chooseEngine({ ...known, facts: ladder(LADDER[1]!), presentation: { droppedAt: px(LADDER[1]!), smoothAt: null } })).toBe('hls.js');
  });
});
