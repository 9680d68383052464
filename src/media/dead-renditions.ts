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
