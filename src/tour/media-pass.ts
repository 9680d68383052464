// The viewer's media pass: asked for with the backer code (in the Authorization header, never a URL) before a
// gated tour or location loads, and renewed before it expires while the page is open. The pass itself is a set of
// cookies the server scopes to the gated paths, so hls.js, the browser's own HLS and caption tracks carry it by
// themselves; what this module keeps is only which locations it opens and which tier the others need.
import type { BackerTier } from '../protocol';

export interface MediaPass {
  /** Locations with a requirement, open to this code or not (with the tier that opens them). */
  locations: { locationId: string; requiredTier: BackerTier; open: boolean }[];
  expiresAt: number;
}

export type MediaPassResult =
  | { kind: 'pass'; pass: MediaPass }
  /** The code is not valid (any more), or may not see the project: nothing gated opens. */
  | { kind: 'refused'; status: number }
  /** The server could not be reached or answered something unreadable: try again later. */
  | { kind: 'failed'; reason: string };

/** Renew this long before the pass expires (and never sooner than RENEW_MIN_MS after getting it). */
const RENEW_MARGIN = 0.2;
const RENEW_MIN_MS = 15_000;

export async function requestMediaPass(projectId: string, code: string, fetchImpl: typeof fetch = fetch): Promise<MediaPassResult> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/projects/${encodeURIComponent(projectId)}/media-pass`, { method: 'POST', headers: { authorization: `Bearer ${code}` }, credentials: 'same-origin' });
  } catch (err) {
    return { kind: 'failed', reason: String(err) };
  }
  if (response.status === 401 || response.status === 403 || response.status === 404) return { kind: 'refused', status: response.status };
  if (!response.ok) return { kind: 'failed', reason: `the server answered ${response.status}` };
  const body = (await response.json().catch(() => null)) as { locations?: unknown; expiresAt?: unknown } | null;
  const expiresAt = typeof body?.expiresAt === 'string' ? Date.parse(body.expiresAt) : Number.NaN;
  if (!body || !Array.isArray(body.locations) || Number.isNaN(expiresAt)) return { kind: 'failed', reason: 'the media pass could not be read' };
  return { kind: 'pass', pass: { locations: body.locations as MediaPass['locations'], expiresAt } };
}

const renewals = new Map<string, ReturnType<typeof setTimeout>>();
/** The latest request per project and code: the tour load, a sign-in and a location's lock share one. */
const latest = new Map<string, { code: string; at: number; result: Promise<MediaPassResult> }>();

/**
 * Asks for the project's pass and keeps it renewed while the page is open (one timer per project; a new sign-in
 * replaces it). A renewal that is refused (a revoked code) stops: the cookies run out at their expiry.
 */
export function keepMediaPass(projectId: string, code: string, fetchImpl: typeof fetch = fetch): Promise<MediaPassResult> {
  kept = { projectId, code, fetchImpl };
  const recent = latest.get(projectId);
  if (recent && recent.code === code && Date.now() - recent.at < RENEW_MIN_MS) return recent.result;
  const result = renewPass(projectId, code, fetchImpl);
  latest.set(projectId, { code, at: Date.now(), result });
  return result;
}

/** The project and code whose pass this page keeps: the latest asked for. */
let kept: { projectId: string; code: string; fetchImpl: typeof fetch } | null = null;

/**
 * A media request was refused for want of a pass (it ran out while the page slept, or a renewal failed): asks for
 * a new one at once. 'renewed': load the stream again; 'refused': the code no longer opens the project (revoked);
 * 'none': no code was ever given, or the server could not be asked.
 */
export async function recheckMediaPass(): Promise<'renewed' | 'refused' | 'none'> {
  if (!kept) return 'none';
  const { projectId, code, fetchImpl } = kept;
  latest.delete(projectId);
  const result = await keepMediaPass(projectId, code, fetchImpl);
  return result.kind === 'pass' ? 'renewed' : result.kind === 'refused' ? 'refused' : 'none';
}

async function renewPass(projectId: string, code: string, fetchImpl: typeof fetch): Promise<MediaPassResult> {
  clearTimeout(renewals.get(projectId));
  renewals.delete(projectId);
  const result = await requestMediaPass(projectId, code, fetchImpl);
  const renewInMs =
    result.kind === 'pass' ? Math.max(RENEW_MIN_MS, (result.pass.expiresAt - Date.now()) * (1 - RENEW_MARGIN)) : result.kind === 'failed' ? RENEW_MIN_MS : undefined;
  if (renewInMs !== undefined) renewals.set(projectId, setTimeout(() => void keepMediaPass(projectId, code, fetchImpl), renewInMs));
  if (result.kind !== 'pass') latest.delete(projectId);
  return result;
}

/** Location id → the tier that opens it, for every location this pass (or no pass) leaves shut. */
export type LocationLocks = Readonly<Record<string, BackerTier>>;

export function locksOf(locations: readonly { id: string; tier?: BackerTier | undefined }[], pass: MediaPass | undefined): LocationLocks {
  const locks: Record<string, BackerTier> = {};
  for (const location of locations) {
    const granted = pass?.locations.find((l) => l.locationId === location.id);
    if (granted?.open) continue;
    const tier = granted?.requiredTier ?? location.tier;
    if (tier) locks[location.id] = tier;
  }
  return locks;
}
