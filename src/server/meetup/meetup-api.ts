// The meet-ups' HTTP API, with the ingest API's conventions (operator token for changes, 400 with field paths,
// 401/403/404/405/413/429, idempotent retries): schedule, list, read, start, end, and the replay's timeline.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IdempotencyKey, ProjectId, describeIssues, type Project } from '../../protocol';
import { MeetupId, MeetupInput, type Meetup } from '../../protocol/meetup';
import { canFollow, type Access, type AccessResolver } from '../access';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { accessOf, requireOperator } from '../http/request-auth';
import type { HttpRateLimits } from '../http/request-limits';
import { sendError, sendJson } from '../http/respond';
import type { ServerLog } from '../server-log';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import { checkEntry } from './entry-check';
import { clientMeetup } from './meetup-gateway';

export interface MeetupApiOptions {
  storage: MeetupStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  access: AccessResolver;
  maxBodyBytes: number;
  /** The operator's allowance for changes (every request was already counted by address before it got here). */
  rateLimits: Pick<HttpRateLimits, 'operatorChange'>;
  /** Called after a start or end is stored, to tell the room. */
  onStateChanged: (meetup: MeetupRecord) => Promise<void>;
  log: ServerLog;
}

type Params = { projectId?: string; meetupId?: string };
type Route = (req: IncomingMessage, res: ServerResponse, params: Params) => Promise<void>;

const ROUTES = [
  { pattern: /^\/api\/projects\/([^/]+)\/meetups$/, name: '/api/projects/:id/meetups', param: 'projectId' },
  { pattern: /^\/api\/meetups\/([^/]+)$/, name: '/api/meetups/:id', param: 'meetupId' },
  { pattern: /^\/api\/meetups\/([^/]+)\/(start|end|reactions)$/, name: '/api/meetups/:id/', param: 'meetupId' },
] as const;

/** Returns a handler that answers the meet-up routes under /api/ and reports whether it did. */
export function createMeetupApi(options: MeetupApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { storage } = options;

  /** The meet-up, if `access` may see its project; otherwise 404, exactly like a meet-up that does not exist. */
  async function visibleMeetup(meetupId: string, access: Access): Promise<{ meetup: MeetupRecord; project: Project | undefined }> {
    const meetup = await storage.getMeetup(meetupId);
    const project = meetup ? await options.projects.getProject(meetup.projectId) : undefined;
    if (!meetup || (access.kind !== 'operator' && (!project || !canFollow(project, access)))) throw new HttpError(404, 'not-found', `no meet-up "${meetupId}"`);
    return { meetup, project };
  }

  /** What a reader gets: everything but the stream path, which only the operator (and a join reply) carries. */
  const present = (meetup: MeetupRecord, access: Access): Meetup => clientMeetup(meetup, access.kind === 'operator');

  async function operatorPost(req: IncomingMessage) {
    const operator = await requireOperator(req, options.access);
    await options.rateLimits.operatorChange(operator.callerId);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !IdempotencyKey.safeParse(key).success) {
      throw new HttpError(400, 'invalid-idempotency-key', 'the Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: '1–128 printable ASCII characters' }]);
    }
    return { operator, key: typeof key === 'string' ? key : undefined };
  }

  async function transition(req: IncomingMessage, res: ServerResponse, meetupId: string, to: 'live' | 'ended') {
    const { operator, key } = await operatorPost(req);
    // No body is needed; whatever was sent is drained so the connection stays usable.
    if (!req.readableEnded) req.resume();
    const idempotency = key ? { callerId: operator.callerId, key, requestHash: hash(`POST ${meetupId} ${to}`) } : undefined;
    const result = await storage.transition(meetupId, to, new Date(), idempotency);
    switch (result.kind) {
      case 'not-found':
        throw new HttpError(404, 'not-found', `no meet-up "${meetupId}"`);
      case 'key-conflict':
        throw new HttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request');
      case 'wrong-state': {
        const verb = to === 'live' ? 'start' : 'end';
        const from = to === 'live' ? 'scheduled' : 'live';
        throw new HttpError(409, 'wrong-state', `cannot ${verb} a meet-up that is ${result.meetup.state}; only a ${from} one`);
      }
      case 'replayed':
        return sendJson(res, 200, present(result.meetup, operator), { 'idempotent-replayed': 'true' });
      case 'changed':
        options.log.info('meet-up state changed', { meetupId, state: result.meetup.state });
        sendJson(res, 200, present(result.meetup, operator));
        await options.onStateChanged(result.meetup);
    }
  }

  const routes: Record<string, Route> = {
    'POST /api/projects/:id/meetups': async (req, res, { projectId }) => {
      const { operator } = await operatorPost(req);
      const body = await readJsonBody(req, options.maxBodyBytes);
      const input = MeetupInput.safeParse(body);
      if (!input.success) throw new HttpError(400, 'invalid-meetup', 'the meet-up is not valid', describeIssues(input.error));
      if (!(await options.projects.getProject(projectId!))) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
      const result = await storage.scheduleMeetup(projectId!, input.data, randomBytes(16).toString('base64url'));
      if (result.kind === 'id-taken') throw new HttpError(409, 'meetup-exists', `a different meet-up already has the id "${input.data.id}"`);
      if (result.kind === 'replayed') return sendJson(res, 201, present(result.meetup, operator), { 'idempotent-replayed': 'true' });
      options.log.info('meet-up scheduled', { projectId, meetupId: input.data.id, scheduledStart: input.data.scheduledStart });
      sendJson(res, 201, present(result.meetup, operator), { location: `/api/meetups/${input.data.id}` });
    },
    'GET /api/projects/:id/meetups': async (req, res, { projectId }) => {
      const access = await accessOf(req, options.access);
      const project = await options.projects.getProject(projectId!);
      if (!project || !canFollow(project, access)) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
      sendJson(res, 200, { meetups: (await storage.listMeetups(projectId!)).map((m) => present(m, access)) });
    },
    'GET /api/meetups/:id': async (req, res, { meetupId }) => {
      const access = await accessOf(req, options.access);
      sendJson(res, 200, present((await visibleMeetup(meetupId!, access)).meetup, access));
    },
    'POST /api/meetups/:id/start': (req, res, { meetupId }) => transition(req, res, meetupId!, 'live'),
    'POST /api/meetups/:id/end': (req, res, { meetupId }) => transition(req, res, meetupId!, 'ended'),
    'GET /api/meetups/:id/reactions': async (req, res, { meetupId }) => {
      const access = await accessOf(req, options.access);
      const { meetup, project } = await visibleMeetup(meetupId!, access);
      // The timeline belongs to those who may watch the meet-up: the same tier check as joining.
      const entry = checkEntry(meetup, project, access);
      if (!entry.ok) {
        const status = entry.error.code === 'unauthorized' ? 401 : entry.error.code === 'not-found' ? 404 : 403;
        throw new HttpError(status, entry.error.code, entry.error.message, undefined, status === 401 ? { 'www-authenticate': 'Bearer' } : undefined);
      }
      sendJson(res, 200, { meetupId, ...(await storage.reactionTimeline(meetupId!)) });
    },
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const matched = matchRoute(url.pathname);
    if (!matched) return false;
    try {
      const { pattern, params } = matched();
      const allowedMethods = Object.keys(routes).filter((r) => r.endsWith(` ${pattern}`)).map((r) => r.split(' ')[0]!);
      if (allowedMethods.length === 0) throw new HttpError(404, 'not-found', `no API at ${url.pathname}`);
      const route = routes[`${req.method} ${pattern}`];
      if (!route) throw new HttpError(405, 'method-not-allowed', `use ${allowedMethods.join(' or ')}`, undefined, { allow: allowedMethods.join(', ') });
      await route(req, res, params);
    } catch (err) {
      if (!(err instanceof HttpError)) options.log.error('API request failed', { path: url.pathname, error: String(err) });
      if (!req.readableEnded) req.resume();
      sendError(res, err);
    }
    return true;
  };
}

/** Recognizes a meet-up path (or not: undefined); the returned function validates its id, throwing a 400. */
function matchRoute(pathname: string): (() => { pattern: string; params: Params }) | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    return () => {
      const raw = safeDecode(match[1]!);
      const schema = route.param === 'projectId' ? ProjectId : MeetupId;
      const id = schema.safeParse(raw);
      if (!id.success) {
        throw new HttpError(400, `invalid-${route.param === 'projectId' ? 'project' : 'meetup'}-id`, `the ${route.param === 'projectId' ? 'project' : 'meet-up'} id is not valid`, describeIssues(id.error).map((i) => ({ ...i, path: route.param })));
      }
      return { pattern: route.name + (match[2] ?? ''), params: { [route.param]: id.data } };
    };
  }
  return undefined;
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // malformed %-escapes: let the id check refuse it
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
