// A live stream never steps backwards: hls.js resynchronises a live stream to its "live sync position", and when
// the playlist stops moving that position lies behind the playhead (the frozen edge, three segments back). The
// guard (src/media/live-forward-only.ts) hides such a position from hls.js's own controllers, which read it on the
// instance, and keeps every position ahead. Each case below reads the unguarded value too, so it fails without the
// guard.
import Hls from 'hls.js';
import { describe, expect, it } from 'vitest';
import { keepLiveForwardOnly } from '../../src/media/live-forward-only';

/** A player whose prototype reports `sync` as its live sync position, the way hls.js's getter does. */
function playerAt(sync: { value: number | null }): Hls {
  const prototype = Object.create(Hls.prototype, {
    liveSyncPosition: { configurable: true, get: () => sync.value },
  }) as object;
  return Object.create(prototype) as Hls;
}

describe('keepLiveForwardOnly', () => {
  it('applies to the real hls.js: its live sync position is a getter on the prototype, as the guard expects', () => {
    expect(typeof Object.getOwnPropertyDescriptor(Hls.prototype, 'liveSyncPosition')?.get).toBe('function');
  });

  it('hides a sync position behind the playhead (a frozen live edge), so hls.js does not seek back to it', () => {
    const sync = { value: 10 };
    const video = { currentTime: 14 } as HTMLVideoElement;
    const hls = playerAt(sync);
    expect(hls.liveSyncPosition).toBe(10); // unguarded: hls.js would seek 4 s back
    keepLiveForwardOnly(hls, video);
    expect(hls.liveSyncPosition).toBeNull();
    // The playlist moves again: the edge is ahead, and the forward resync goes through.
    sync.value = 20;
    expect(hls.liveSyncPosition).toBe(20);
    // Still live-forward as the playhead moves on past it.
    video.currentTime = 21;
    expect(hls.liveSyncPosition).toBeNull();
  });

  it('lets the start sync (playhead at 0) and a sync to the playhead itself through', () => {
    const sync = { value: 6 as number | null };
    const video = { currentTime: 0 } as HTMLVideoElement;
    const hls = playerAt(sync);
    keepLiveForwardOnly(hls, video);
    expect(hls.liveSyncPosition).toBe(6);
    video.currentTime = 6;
    expect(hls.liveSyncPosition).toBe(6);
    sync.value = null;
    expect(hls.liveSyncPosition).toBeNull();
  });
});
