// Which requests must skip the browser's HTTP cache: a segment that came damaged (the cache would hand the same
// bad bytes back on every refetch) and, after the person presses Retry, everything of that stream once. Kept for
// the page's life, across the players a stream goes through (a retry, a switch of engine).

const damaged = new Set<string>();
const retried = new Set<string>();

/** `url` came damaged (it would not parse or decode): fetch it from the network from now on. */
export function markDamaged(url: string): void {
  damaged.add(url);
}

/** The person asked to retry `src`: its next player fetches everything from the network. */
export function markRetried(src: string): void {
  retried.add(src);
}

/** Whether the player about to load `src` was started by a Retry (asked once: the answer is used up). */
export function takeRetried(src: string): boolean {
  return retried.delete(src);
}

export function isDamaged(url: string): boolean {
  return damaged.has(url);
}

/**
 * The XHR hook for hls.js: asks the cache to step aside (Chromium and Firefox treat a request's
 * `Cache-Control: no-cache` as "go to the network") for damaged URLs, or for all of them when `everything`.
 */
export function bypassCacheFor(everything: () => boolean): (xhr: XMLHttpRequest, url: string) => void {
  return (xhr, url) => {
    if (!everything() && !damaged.has(url)) return;
    // hls.js calls this before opening the request, and opens it itself only if it is still unopened.
    if (xhr.readyState === XMLHttpRequest.UNSENT) xhr.open('GET', url, true);
    xhr.setRequestHeader('Cache-Control', 'no-cache');
  };
}
