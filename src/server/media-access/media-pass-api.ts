// The media-pass endpoints: a viewer presents a backer code (Authorization: Bearer, never in a URL) and gets
// short-lived signed cookies for what its tier opens; the host revokes a meet-up's stream key. The tier is
// decided here, on the server; the answer says what stays locked and which tier would open it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { MeetupId } from '../../protocol/meetup';
import { ProjectId, type BackerTier } from '../../protocol';
import { canFollow, type Access, type AccessResolver } from '../access';
import { HttpError } from '../http/http-error';
import { accessOf, requireOperator } from '../http/request-auth';
import { sendError, sendJson } from '../http/respond';
import { checkEntry, tierAtLeast } from '../meetup/entry-check';
import { RateLimiter, type RateLimit } from '../rate-limiter';
import type { ServerLog } from '../server-log';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import { mediaCookie, signMediaCredential, type MediaKeyring } from './media-credential';
import type { MediaCatalog } from './media-catalog';
import type { ProjectLookup } from './media-gate';

export interface MediaPassApiOptions {
  catalog: MediaCatalog;
  project: ProjectLookup;
  access: AccessResolver;
  keyring: MediaKeyring;
  ttlSeconds: number;
  rateLimit: RateLimit;
  meetups?: MeetupStorage;
  /** Tells a meet-up's room that its stream moved (a revoked key): clients fetch a new pass at once. */
  onStreamKeyChanged?: (meetup: MeetupRecord) => Promise<void>;
  now: () => number;
  log: ServerLog;
}

/** A location's state in a pass: open, or locked with the tier that opens it. */
export interface PassLocation {
  locationId: string;
  requiredTier: BackerTier;
  open: boolean;
}

const PROJECT_PASS = /^\/api\/projects\/([^/]+)\/media-pass$/;
const STREAM_PASS = /^\/api\/meetups\/([^/]+)\/stream-pass$/;
const REVOKE_KEY = /^\/api\/meetups\/([^/]+)\/stream-key\/revoke$/;

export function createMediaPassApi(options: MediaPassApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const limiter = new RateLimiter(options.rateLimit);
  const nowSeconds = () => Math.floor(options.now() / 1000);

  function cookies(req: IncomingMessage, scopes: { scope: string; open: boolean }[], expiresAt: number): string[] {
    const secure = (req.socket as TLSSocket).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
    // Scopes no longer open (a lower tier signed in on this browser) are cleared rather than left to expire.
    return scopes.map(({ scope, open }) =>
      open ? mediaCookie(signMediaCredential({ scope, expiresAt }, options.keyring), scope, expiresAt - nowSeconds(), secure) : mediaCookie('', scope, 0, secure),
    );
  }

  async function projectPass(req: IncomingMessage, res: ServerResponse, projectId: string): Promise<void> {
    const access = await signedIn(req, options.access);
    const project = await options.project(projectId);
    // Hidden and missing answer alike, as everywhere in the API.
    if (!project || !canFollow(project, access)) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
    const tour = await options.catalog.tour(projectId);
    const hidden = project.visibility !== 'public';
    const locations: PassLocation[] = [];
    const scopes: { scope: string; open: boolean }[] = hidden ? [{ scope: `/scenes/${projectId}.json`, open: true }] : [];
    for (const location of tour?.locations ?? []) {
      if (!hidden && !location.tier) continue;
      const requiredTier = location.tier ?? 'supporter';
      const open = access.kind === 'operator' || tierAtLeast(access.grant.tier, requiredTier);
      locations.push({ locationId: location.locationId, requiredTier, open });
      for (const scope of location.scopes) scopes.push({ scope, open });
    }
    const expiresAt = nowSeconds() + options.ttlSeconds;
    const setCookies = cookies(req, dedupe(scopes), expiresAt);
    res.setHeader('set-cookie', setCookies);
    sendJson(res, 200, {
      projectId,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      ttlSeconds: options.ttlSeconds,
      tier: access.kind === 'backer' ? access.grant.tier : null,
      locations,
    });
  }

  async function streamPass(req: IncomingMessage, res: ServerResponse, meetupId: string): Promise<void> {
    const meetups = requireMeetups(options.meetups);
    const access = await accessOf(req, options.access);
    const meetup = await meetups.getMeetup(meetupId);
    const project = meetup ? await options.project(meetup.projectId) : undefined;
    if (!meetup) throw new HttpError(404, 'not-found', `no meet-up "${meetupId}"`);
    const entry = checkEntry(meetup, project, access);
    if (!entry.ok) {
      const status = entry.error.code === 'unauthorized' ? 401 : entry.error.code === 'not-found' ? 404 : 403;
      const body = { error: { ...entry.error, reason: entry.error.code === 'forbidden' ? 'tier' : entry.error.code }, ...(entry.requiredTier ? { requiredTier: entry.requiredTier } : {}) };
      return sendJson(res, status, body, status === 401 ? { 'www-authenticate': 'Bearer' } : {});
    }
    if (meetup.state === 'scheduled') {
      return sendJson(res, 409, { error: { code: 'not-started', reason: 'not-started', message: 'the meet-up has not started: its stream opens when the host starts it' } });
    }
    // A live pass lasts while the session does (refreshed by the client); once ended, only the replay opens.
    const kind = meetup.state === 'live' ? 'live' : 'replay';
    const scope = `/${kind}/${meetup.streamKey}/`;
    const expiresAt = nowSeconds() + options.ttlSeconds;
    res.setHeader('set-cookie', cookies(req, [{ scope, open: true }], expiresAt));
    sendJson(res, 200, { meetupId, state: meetup.state, streamUrl: `${scope}master.m3u8`, expiresAt: new Date(expiresAt * 1000).toISOString(), ttlSeconds: options.ttlSeconds });
  }

  async function revokeKey(req: IncomingMessage, res: ServerResponse, meetupId: string): Promise<void> {
    const meetups = requireMeetups(options.meetups);
    await requireOperator(req, options.access);
    if (!req.readableEnded) req.resume();
    const meetup = await meetups.replaceStreamKey(meetupId, randomBytes(16).toString('base64url'));
    if (!meetup) throw new HttpError(404, 'not-found', `no meet-up "${meetupId}"`);
    options.log.notice('meet-up stream key revoked', { meetupId });
    sendJson(res, 200, { meetupId, revoked: true });
    await options.onStreamKeyChanged?.(meetup);
  }

  const routes: { pattern: RegExp; method: string; id: 'project' | 'meetup'; run: (req: IncomingMessage, res: ServerResponse, id: string) => Promise<void> }[] = [
    { pattern: PROJECT_PASS, method: 'POST', id: 'project', run: projectPass },
    { pattern: STREAM_PASS, method: 'POST', id: 'meetup', run: streamPass },
    { pattern: REVOKE_KEY, method: 'POST', id: 'meetup', run: revokeKey },
  ];

  return async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    const route = routes.find((r) => r.pattern.test(pathname));
    if (!route) return false;
    try {
      // Counted before anything else, a bad code included: guessing codes costs the guesser its allowance.
      const allowed = limiter.take(req.socket.remoteAddress ?? 'unknown');
      if (!allowed.ok) throw new HttpError(429, 'rate-limited', 'too many requests; slow down', undefined, { 'retry-after': String(allowed.retryAfterSeconds) });
      if (req.method !== route.method) throw new HttpError(405, 'method-not-allowed', `use ${route.method}`, undefined, { allow: route.method });
      const raw = safeDecode(route.pattern.exec(pathname)![1]!);
      const id = (route.id === 'project' ? ProjectId : MeetupId).safeParse(raw);
      if (!id.success) throw new HttpError(400, `invalid-${route.id}-id`, `the ${route.id === 'project' ? 'project' : 'meet-up'} id is not valid`);
      if (!req.readableEnded) req.resume();
      await route.run(req, res, id.data);
    } catch (err) {
      if (!(err instanceof HttpError)) options.log.error('media pass request failed', { path: pathname, error: String(err) });
      if (!req.readableEnded) req.resume();
      if (!res.headersSent) sendError(res, err);
    }
    return true;
  };
}

/** A pass is for someone: a backer code or the operator token. */
async function signedIn(req: IncomingMessage, resolver: AccessResolver): Promise<Exclude<Access, { kind: 'anonymous' }>> {
  const access = await accessOf(req, resolver);
  if (access.kind === 'anonymous') throw new HttpError(401, 'unauthorized', 'send your backer code as "Authorization: Bearer <code>"', undefined, { 'www-authenticate': 'Bearer' });
  return access;
}

function requireMeetups(meetups: MeetupStorage | undefined): MeetupStorage {
  if (!meetups) throw new HttpError(404, 'not-found', 'this server has no meet-ups');
  return meetups;
}

function dedupe(scopes: { scope: string; open: boolean }[]): { scope: string; open: boolean }[] {
  const merged = new Map<string, boolean>();
  for (const { scope, open } of scopes) merged.set(scope, (merged.get(scope) ?? false) || open);
  return [...merged].map(([scope, open]) => ({ scope, open }));
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
