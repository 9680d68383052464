// The tour file requested by the page's entry, in parallel with the shell's chunk instead of after it, and the
// start location's stream started as soon as the file names it. No schema and no player here (the entry stays
// small for the TV): loadTour validates the same response when the shell asks for it, and the media session comes
// in a chunk of its own.

import { keepMediaPass } from './media-pass';

const started = new Map<string, Promise<Response>>();

export function tourFileUrl(projectId: string): string {
  return `/scenes/${encodeURIComponent(projectId)}.json`;
}

/**
 * Starts fetching the project's tour file and, once it is in, playing its start location (`startStream`: where
 * the tour will show it; otherwise nothing more). Resolves once the stream has started, or there was none to start
 * (the page's entry holds heavier work back until then: the video's requests go out first).
 */
export function prefetchTour(projectId: string, { startStream = true, code = undefined as string | undefined } = {}, fetchImpl: typeof fetch = fetch): Promise<void> {
  if (started.has(projectId)) return Promise.resolve();
  // With a backer code the media pass (cookies) comes first: a backers-only project's tour file needs it. loadTour
  // shares this request (keepMediaPass); the tour's start location is never gated (the schema says so).
  const response = code ? keepMediaPass(projectId, code, fetchImpl).then(() => fetchImpl(tourFileUrl(projectId))) : fetchImpl(tourFileUrl(projectId));
  started.set(projectId, response);
  // The player's chunk downloads beside the file, not after it.
  const player = startStream ? import('../media/prestarted-session') : null;
  // A failure here is not reported: loadTour takes the same response and says what went wrong.
  return response
    .then(async (res) => {
      if (!res.ok || !player) return;
      const stream = startStreamOf(await res.clone().json());
      if (stream) (await player).prestartSession(stream);
    })
    .catch(() => undefined);
}

/** The prefetched response for `projectId`, taken once (a later load asks the server again), or null. */
export function takePrefetchedTour(projectId: string): Promise<Response> | null {
  const response = started.get(projectId) ?? null;
  started.delete(projectId);
  return response;
}

/** The start location's stream URL, read leniently: an invalid file simply starts nothing early. */
function startStreamOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const { start, locations } = json as { start?: unknown; locations?: unknown };
  if (!Array.isArray(locations)) return null;
  const location: unknown = locations.find((l: unknown) => typeof l === 'object' && l !== null && (l as { id?: unknown }).id === start);
  const stream = (location as { stream?: unknown } | undefined)?.stream;
  return typeof stream === 'string' ? stream : null;
}
