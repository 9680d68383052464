// Fetches and validates a project's tour file; every failure comes back as a reason a person can read. With a
// backer code, the media pass comes first: a backers-only project's tour file and its gated locations need it.
import { keepMediaPass, locksOf, type MediaPassResult } from './media-pass';
import { tourFileUrl } from './tour-prefetch';
import { parseTour, type Tour } from '../protocol/tour-schema';

export type TourResult =
  /** The tour as this viewer may walk it: a location keeps its `tier` only while the viewer's pass leaves it shut. */
  | { kind: 'tour'; tour: Tour }
  /** The project has no tour (yet): an empty state, not an error. */
  | { kind: 'none' }
  /** The tour is for backers: a backer code that may see the project opens it. */
  | { kind: 'locked' }
  | { kind: 'invalid'; reason: string };

export interface LoadTourOptions {
  /** The response the page's entry asked for already, in parallel with the shell's chunk (its warm start). */
  prefetched?: Promise<Response> | null;
  /** The viewer's backer code: the media pass is asked for before the file. */
  code?: string | undefined;
  fetchImpl?: typeof fetch;
}

export async function loadTour(projectId: string, { prefetched = null, code, fetchImpl = fetch }: LoadTourOptions = {}): Promise<TourResult> {
  const pass: MediaPassResult | undefined = code ? await keepMediaPass(projectId, code, fetchImpl) : undefined;
  let response: Response;
  try {
    response = await (prefetched ?? fetchImpl(tourFileUrl(projectId)));
    // The entry asked before any pass (src/tour/tour-prefetch.ts): a backers-only tour file refused that request and
    // is asked for again now that the pass is in.
    if (prefetched && pass?.kind === 'pass' && (response.status === 401 || response.status === 403)) response = await fetchImpl(tourFileUrl(projectId));
  } catch (err) {
    return { kind: 'invalid', reason: `the tour file could not be fetched (${String(err)})` };
  }
  // Refused and missing alike for a project this viewer may not see (the server answers both the same).
  if (response.status === 401 || response.status === 403) return { kind: 'locked' };
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) return { kind: 'invalid', reason: `the server answered ${response.status}` };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { kind: 'invalid', reason: 'the tour file is not valid JSON' };
  }
  const parsed = parseTour(json);
  if (parsed.kind !== 'tour') return parsed;
  const locks = locksOf(parsed.tour.locations, pass?.kind === 'pass' ? pass.pass : undefined);
  return { kind: 'tour', tour: { ...parsed.tour, locations: parsed.tour.locations.map(({ tier, ...open }) => (locks[open.id] ? { ...open, tier: locks[open.id] ?? tier } : open)) } };
}

