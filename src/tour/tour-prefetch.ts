// The tour file requested by the page's entry, in parallel with the shell's chunk instead of after it, and the
// start location's stream read from it as soon as it is in. No schema and no player here (the entry stays small
// for the TV): loadTour validates the same response when the shell takes it from the warm start
// (src/app/warm-start.ts), and the entry starts the stream with a media session from a chunk of its own.

export function tourFileUrl(projectId: string): string {
  return `/scenes/${encodeURIComponent(projectId)}.json`;
}

export interface TourPrefetch {
  /** The tour file's response, for loadTour. */
  response: Promise<Response>;
  /** The start location's stream URL once the file is in; null when the file is missing, invalid or names none. */
  startStream: Promise<string | null>;
}

/** Starts fetching the project's tour file. A failure here is not reported: loadTour takes the same response and says what went wrong. */
export function prefetchTour(projectId: string, fetchImpl: typeof fetch = fetch): TourPrefetch {
  // Without the media pass, even for a signed-in backer: the entry is every shell's first screen (the TV's has a byte
  // budget), and a public project's tour file needs none. A backers-only one answers 401 here and no stream starts
  // early; loadTour asks for it again once the pass is in.
  const response = fetchImpl(tourFileUrl(projectId));
  const startStream = response.then(async (res) => (res.ok ? startStreamOf(await res.clone().json()) : null)).catch(() => null);
  return { response, startStream };
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
