// The HTTP API: the platform or operator posts project changes (idempotently); readers fetch snapshots and
// event pages for the projects they may see. Backer codes have their own routes (backer-codes/).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  IdempotencyKey,
  MilestoneInput,
  ProjectId,
  ProjectUpdateInput,
  describeIssues,
  type FeedEvent,
  type Project,
} from '../protocol';
import { MILESTONES_KEPT } from '../feed/project-state';
import { canFollow, type Access, type AccessResolver } from './access';
import { canonicalJson } from './http/canonical-json';
import { HttpError } from './http/http-error';
import { readJsonBody } from './http/json-body';
import { accessOf, requireOperator } from './http/request-auth';
import type { HttpRateLimits } from './http/request-limits';
import { sendError, sendJson } from './http/respond';
import type { ServerLog } from './server-log';
import type { AccessStorage, FeedStorage } from './storage/feed-storage';

export interface IngestApiOptions {
  storage: FeedStorage & AccessStorage;
  access: AccessResolver;
  maxBodyBytes: number;
  /** The operator's allowance for changes (every request was already counted by address before it got here). */
  rateLimits: Pick<HttpRateLimits, 'operatorChange'>;
  /** Called after an event is stored, to broadcast it. */
  onEvent: (event: FeedEvent) => void;
  log: ServerLog;
}

/** Largest page of GET /events. */
const MAX_EVENTS_PAGE = 1000;

type Route = (req: IncomingMessage, res: ServerResponse, params: { projectId?: string }, url: URL) => Promise<void>;

/** Returns a handler that answers /api/* requests and reports whether it did. */
export function createIngestApi(options: IngestApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  /** The project, if it exists and `access` may see it; a hidden project answers 404 like a missing one. */
  async function visibleProject(projectId: string, access: Access): Promise<Project> {
    const project = await options.storage.getProject(projectId);
    if (!project || !canFollow(project, access)) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
    return project;
  }

  async function operatorPost(req: IncomingMessage) {
    const operator = await requireOperator(req, options.access);
    await options.rateLimits.operatorChange(operator.callerId);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !IdempotencyKey.safeParse(key).success) {
      throw new HttpError(400, 'invalid-idempotency-key', 'the Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: '1–128 printable ASCII characters' }]);
    }
    return { operator, key: typeof key === 'string' ? key : undefined, body: await readJsonBody(req, options.maxBodyBytes) };
  }

  /** Stores one change; a retry with the same Idempotency-Key answers what the first request stored. */
  async function store(req: IncomingMessage, res: ServerResponse, projectId: string, input: ProjectUpdateInput, callerId: string, key: string | undefined, present: (event: FeedEvent) => unknown) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const idempotency = key ? { callerId, key, requestHash: hash(`${req.method} ${url.pathname}\n${canonicalJson(input)}`) } : undefined;
    const result = await options.storage.appendEvent(projectId, input, new Date(), idempotency);
    switch (result.kind) {
      case 'unknown-project':
        throw new HttpError(404, 'not-found', `no project "${projectId}"`);
      case 'key-conflict':
        throw new HttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request');
      case 'replayed':
        return sendJson(res, 201, present(result.event), { 'idempotent-replayed': 'true' });
      case 'stored':
        options.log.info('event stored', { projectId, seq: result.event.seq, type: result.event.type });
        // Answer first: the fan-out to every socket takes longer the bigger the audience, and the poster only
        // needs to know the event is stored.
        sendJson(res, 201, present(result.event), { location: `/api/projects/${projectId}` });
        options.onEvent(result.event);
        return;
    }
  }

  const routes: Record<string, Route> = {
    'GET /api/projects/:id': async (req, res, { projectId }) => {
      await visibleProject(projectId!, await accessOf(req, options.access));
      sendJson(res, 200, await options.storage.snapshot(projectId!, MILESTONES_KEPT));
    },
    'GET /api/projects/:id/events': async (req, res, { projectId }, url) => {
      await visibleProject(projectId!, await accessOf(req, options.access));
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? MAX_EVENTS_PAGE);
      const issues = [
        ...(Number.isInteger(after) && after >= 0 ? [] : [{ path: 'after', message: 'expected an integer ≥ 0' }]),
        ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_EVENTS_PAGE ? [] : [{ path: 'limit', message: `expected an integer from 1 to ${MAX_EVENTS_PAGE}` }]),
      ];
      if (issues.length) throw new HttpError(400, 'invalid-query', 'the query is not valid', issues);
      const events = await options.storage.eventsAfter(projectId!, after, limit);
      sendJson(res, 200, { events, seq: (await options.storage.latestSeq(projectId!)) ?? 0 });
    },
    'POST /api/projects/:id/milestones': async (req, res, { projectId }) => {
      const { operator, key, body } = await operatorPost(req);
      const input = MilestoneInput.safeParse(body);
      if (!input.success) throw new HttpError(400, 'invalid-milestone', 'the milestone is not valid', describeIssues(input.error));
      await store(req, res, projectId!, { type: 'milestone', ...input.data }, operator.callerId, key, (event) => (event.type === 'milestone' ? event.milestone : event));
    },
    'POST /api/projects/:id/events': async (req, res, { projectId }) => {
      const { operator, key, body } = await operatorPost(req);
      const input = ProjectUpdateInput.safeParse(body);
      if (!input.success) throw new HttpError(400, 'invalid-event', 'the event is not valid', describeIssues(input.error));
      await store(req, res, projectId!, input.data, operator.callerId, key, (event) => event);
    },
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return false;
    try {
      const { pattern, params } = matchRoute(url.pathname);
      const allowedMethods = Object.keys(routes).filter((r) => r.endsWith(` ${pattern}`)).map((r) => r.split(' ')[0]!);
      if (allowedMethods.length === 0) throw new HttpError(404, 'not-found', `no API at ${url.pathname}`);
      const route = routes[`${req.method} ${pattern}`];
      if (!route) throw new HttpError(405, 'method-not-allowed', `use ${allowedMethods.join(' or ')}`, undefined, { allow: allowedMethods.join(', ') });
      await route(req, res, params, url);
    } catch (err) {
      if (!(err instanceof HttpError)) options.log.error('API request failed', { path: url.pathname, error: String(err) });
      // Drain what is left of a refused body so the client reads the answer instead of a reset connection.
      if (!req.readableEnded) req.resume();
      sendError(res, err);
    }
    return true;
  };
}

/** Maps a path to its route pattern, validating the project id on the way. */
function matchRoute(pathname: string): { pattern: string; params: { projectId?: string } } {
  const match = /^\/api\/projects\/([^/]+)(\/[^/]+)?$/.exec(pathname);
  if (!match) return { pattern: pathname, params: {} };
  let raw: string;
  try {
    raw = decodeURIComponent(match[1]!);
  } catch {
    raw = match[1]!; // malformed %-escapes: let the id check refuse it
  }
  const projectId = ProjectId.safeParse(raw);
  if (!projectId.success) {
    throw new HttpError(400, 'invalid-project-id', 'the project id is not valid', describeIssues(projectId.error).map((i) => ({ ...i, path: 'projectId' })));
  }
  return { pattern: `/api/projects/:id${match[2] ?? ''}`, params: { projectId: projectId.data } };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
