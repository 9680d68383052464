// Renditions that answered "not found": left alone for the rest of the page's life. hls.js would otherwise climb
// back to a rendition it had switched away from (ABR sees the bandwidth for it) and stall asking for it again, and
// every new player for the stream (a retry, a switch of engine) would start by asking it first.

const dead = new Set<string>();

/** `playlistUrl` (a rendition's media playlist) answered 4xx: never ask for it again. */
export function markRenditionDead(playlistUrl: string): void {
  dead.add(playlistUrl);
}

/** The indexes of `levels` to drop, highest first (so removing one does not shift the next), keeping at least one. */
export function deadLevelIndexes(levels: readonly { uri: string }[]): number[] {
  const doomed = levels.flatMap((level, index) => (dead.has(level.uri) ? [index] : []));
  if (doomed.length === levels.length) doomed.pop();
  return doomed.reverse();
}

/**
 * Where hls.js should start and how low ABR may go once renditions died during a player's life: the first rendition
 * still alive, and its bitrate as the floor. hls.js falls back to its start level (0) whenever loading starts again
 * (a network retry, a decode recovery) and its emergency switch-down (a segment loading too slowly) drops to the
 * lowest level, neither looking at which levels failed: a dead rendition at the bottom of the ladder would be asked
 * for again. Null when none is dead, or every one is (one must still be tried).
 */
export function aliveFloor(levels: readonly { uri: string; maxBitrate: number }[]): { startLevel: number; minBitrate: number } | null {
  const startLevel = levels.findIndex((level) => !dead.has(level.uri));
  const alive = levels.filter((level) => !dead.has(level.uri));
  if (startLevel === -1 || alive.length === levels.length) return null;
  return { startLevel, minBitrate: Math.min(...alive.map((level) => level.maxBitrate)) };
}
