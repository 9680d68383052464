// The ingest HTTP API: the platform or operator posts milestones; anyone may read a project's snapshot.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MilestoneInput, ProjectId, describeIssues, type FeedEvent } from '../protocol';
import { MILESTONES_KEPT } from '../feed/project-state';
import type { FeedStorage } from './storage/feed-storage';
import { HttpError } from './http/http-error';
import { readJsonBody } from './http/json-body';
import { createOperatorAuth } from './http/operator-auth';
import { sendError, sendJson } from './http/respond';
import { RateLimiter, type RateLimit } from './rate-limiter';
import type { ServerLog } from './server-log';

export interface IngestApiOptions {
  storage: FeedStorage;
  operatorToken: string;
  maxBodyBytes: number;
  postRateLimit: RateLimit;
  /** Called after a milestone is stored, to broadcast it. */
  onEvent: (event: FeedEvent) => void;
  log: ServerLog;
}

const PROJECT_PATH = /^\/api\/projects\/([^/]+)$/;
const MILESTONES_PATH = /^\/api\/projects\/([^/]+)\/milestones$/;

/** Returns a handler that answers /api/* requests and reports whether it did. */
export function createIngestApi(options: IngestApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const authenticate = createOperatorAuth(options.operatorToken);
  const limiter = new RateLimiter(options.postRateLimit);

  async function getProject(projectId: string, res: ServerResponse): Promise<void> {
    const snapshot = await options.storage.snapshot(projectId, MILESTONES_KEPT);
    if (!snapshot) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
    sendJson(res, 200, snapshot);
  }

  async function postMilestone(projectId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = authenticate(req);
    const allowed = limiter.take(caller);
    if (!allowed.ok) {
      throw new HttpError(429, 'rate-limited', 'too many requests; slow down', undefined, {
        'retry-after': String(allowed.retryAfterSeconds),
      });
    }
    const body = await readJsonBody(req, options.maxBodyBytes);
    const input = MilestoneInput.safeParse(body);
    if (!input.success) throw new HttpError(400, 'invalid-milestone', 'the milestone is not valid', describeIssues(input.error));
    const event = await options.storage.appendMilestone(projectId, input.data, new Date());
    if (!event) throw new HttpError(404, 'not-found', `no project "${projectId}"`);
    options.log.info('milestone stored', { projectId, seq: event.seq });
    options.onEvent(event);
    sendJson(res, 201, event.milestone, { location: `/api/projects/${projectId}` });
  }

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith('/api/')) return false;
    try {
      const projectMatch = PROJECT_PATH.exec(path);
      const milestonesMatch = MILESTONES_PATH.exec(path);
      const rawId = projectMatch?.[1] ?? milestonesMatch?.[1];
      if (rawId === undefined) throw new HttpError(404, 'not-found', `no API at ${path}`);
      const projectId = ProjectId.safeParse(decodeURIComponent(rawId));
      if (!projectId.success) throw new HttpError(400, 'invalid-project-id', 'the project id is not valid', describeIssues(projectId.error).map((i) => ({ ...i, path: 'projectId' })));
      const allow = projectMatch ? 'GET' : 'POST';
      if (req.method !== allow) throw new HttpError(405, 'method-not-allowed', `use ${allow}`, undefined, { allow });
      if (projectMatch) await getProject(projectId.data, res);
      else await postMilestone(projectId.data, req, res);
    } catch (err) {
      if (!(err instanceof HttpError)) options.log.error('API request failed', { path, error: String(err) });
      // Drain what is left of a rejected body so the client sees the answer instead of a reset connection.
      if (!req.readableEnded) req.resume();
      sendError(res, err);
    }
    return true;
  };
}
