// Fetches and validates a project's tour file; every failure comes back as a reason a person can read.
import { describeIssues, summarizeIssues } from '../protocol';
import { tourFileUrl } from './tour-prefetch';
import { Tour } from './tour-schema';

export type TourResult =
  | { kind: 'tour'; tour: Tour }
  /** The project has no tour (yet): an empty state, not an error. */
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string };

/** `prefetched`: the response the page's entry asked for already, in parallel with the shell's chunk (its warm start). */
export async function loadTour(projectId: string, prefetched: Promise<Response> | null = null, fetchImpl: typeof fetch = fetch): Promise<TourResult> {
  let response: Response;
  try {
    response = await (prefetched ?? fetchImpl(tourFileUrl(projectId)));
  } catch (err) {
    return { kind: 'invalid', reason: `the tour file could not be fetched (${String(err)})` };
  }
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) return { kind: 'invalid', reason: `the server answered ${response.status}` };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { kind: 'invalid', reason: 'the tour file is not valid JSON' };
  }
  return parseTour(json);
}

export function parseTour(json: unknown): TourResult {
  const parsed = Tour.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', reason: summarizeIssues(describeIssues(parsed.error)) };
  return { kind: 'tour', tour: parsed.data };
}
