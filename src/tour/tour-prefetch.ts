// The tour file requested by the page's entry, in parallel with the shell's chunk instead of after it, and the
// start location's stream requested as soon as the file names it. No schema here (the entry stays small for the
// TV): loadTour validates the same response when the shell asks for it.
import { prefetchStream } from '../media/playback-engine';

const started = new Map<string, Promise<Response>>();

export function tourFileUrl(projectId: string): string {
  return `/scenes/${encodeURIComponent(projectId)}.json`;
}

/** Starts fetching the project's tour file and, once it is in, its start location's master playlist. */
export function prefetchTour(projectId: string, fetchImpl: typeof fetch = fetch): void {
  if (started.has(projectId)) return;
  const response = fetchImpl(tourFileUrl(projectId));
  started.set(projectId, response);
  // A failure here is not reported: loadTour takes the same response and says what went wrong.
  response
    .then(async (res) => {
      if (!res.ok) return;
      const stream = startStream(await res.clone().json());
      if (stream) prefetchStream(stream);
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
function startStream(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const { start, locations } = json as { start?: unknown; locations?: unknown };
  if (!Array.isArray(locations)) return null;
  const location: unknown = locations.find((l: unknown) => typeof l === 'object' && l !== null && (l as { id?: unknown }).id === start);
  const stream = (location as { stream?: unknown } | undefined)?.stream;
  return typeof stream === 'string' ? stream : null;
}
