import { describe, expect, it } from 'vitest';
import { aliveFloor, deadLevelIndexes, markRenditionDead } from '../../src/media/dead-renditions';

const ladder = (name: string) => [
  { uri: `https://cdn.test/${name}/tv/index.m3u8`, maxBitrate: 400_000 },
  { uri: `https://cdn.test/${name}/desktop/index.m3u8`, maxBitrate: 800_000 },
  { uri: `https://cdn.test/${name}/headset/index.m3u8`, maxBitrate: 1_400_000 },
];

describe('renditions that answered "not found"', () => {
  it('are dropped highest first, and one is always kept', () => {
    const levels = ladder('drop');
    expect(deadLevelIndexes(levels)).toEqual([]);
    markRenditionDead(levels[0]!.uri);
    markRenditionDead(levels[2]!.uri);
    expect(deadLevelIndexes(levels)).toEqual([2, 0]);
    markRenditionDead(levels[1]!.uri);
    expect(deadLevelIndexes(levels)).toHaveLength(2);
  });

  it('raise where loading starts again and the floor ABR falls to, when the dead one is at the bottom of the ladder', () => {
    const levels = ladder('floor');
    expect(aliveFloor(levels)).toBeNull();
    markRenditionDead(levels[0]!.uri);
    // hls.js's emergency switch-down goes to the lowest level at or above this bitrate: the desktop rendition.
    expect(aliveFloor(levels)).toEqual({ startLevel: 1, minBitrate: 800_000 });
  });

  it('leave the floor alone when every rendition is dead (one must still be tried)', () => {
    const levels = ladder('all');
    for (const level of levels) markRenditionDead(level.uri);
    expect(aliveFloor(levels)).toBeNull();
  });
});
