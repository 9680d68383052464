// The operator's backer codes over HTTP: issue (idempotent under Idempotency-Key), list, revoke, re-issue.
// Operator token only; the API's conventions (400 with field paths, 401/403/404/405/409/413/422/429).
//   POST /api/backer-tokens               { label, tier, projects } → 201 the record and, this once, the code
//   GET  /api/backer-tokens               → 200 { codes: [record…] }, newest first; no code is readable
//   POST /api/backer-tokens/:id/revoke    → 200 the record; its sessions end (backer-sessions.ts)
//   POST /api/backer-tokens/:id/reissue   → 201 a new code with the same grant; the old one is revoked
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BackerCodeId, BackerTokenRequest, IdempotencyKey, describeIssues } from '../../protocol';
import type { AccessResolver } from '../access';
import { canonicalJson } from '../http/canonical-json';
import { HttpError } from '../http/http-error';
import { readJsonBody } from '../http/json-body';
import { requireOperator } from '../http/request-auth';
import type { HttpRateLimits } from '../http/request-limits';
import { sendError, sendJson } from '../http/respond';
import type { ServerLog } from '../server-log';
import { newBackerToken, type BackerCode, type BackerCodeStorage, type IssueResult } from '../storage/backer-code-storage';
import type { BackerSessions } from './backer-sessions';
import type { ReplaySeal } from './replay-seal';

export interface BackerCodeApiOptions {
  storage: BackerCodeStorage;
  access: AccessResolver;
  rateLimits: Pick<HttpRateLimits, 'operatorChange'>;
  maxBodyBytes: number;
  seal: ReplaySeal;
  sessions: Pick<BackerSessions, 'revoked'>;
  log: ServerLog;
}

const BASE = '/api/backer-tokens';

/** Returns a handler that answers /api/backer-tokens[/…] and reports whether it did. */
export function createBackerCodeApi(options: BackerCodeApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const { storage, seal } = options;

  /** The operator, the request's Idempotency-Key if any, counted against the operator's allowance. */
  async function operatorChange(req: IncomingMessage) {
    const operator = await requireOperator(req, options.access);
    await options.rateLimits.operatorChange(operator.callerId);
    const key = req.headers['idempotency-key'];
    if (key !== undefined && !IdempotencyKey.safeParse(key).success) {
      throw new HttpError(400, 'invalid-idempotency-key', 'the Idempotency-Key header is not valid', [{ path: 'Idempotency-Key', message: '1–128 printable ASCII characters' }]);
    }
    return { callerId: operator.callerId, key: typeof key === 'string' ? key : undefined };
  }

  /** Makes a code and issues it under the key's claim; answers the first answer again for a retry. */
  async function issue(res: ServerResponse, caller: { callerId: string; key: string | undefined }, request: string, run: (token: string, claim: Parameters<BackerCodeStorage['issueBackerCode']>[3]) => Promise<IssueResult>) {
    const token = newBackerToken();
    const { callerId, key } = caller;
    const claim = key ? { callerId, keyHash: seal.keyHash(key), requestHash: sha256(request), sealed: seal.seal(token, callerId, key) } : undefined;
    const result = await run(token, claim);
    switch (result.kind) {
      case 'issued':
        options.log.info('backer code issued', { id: result.code.id, tier: result.code.tier, ...(result.code.replaces ? { replaces: result.code.replaces } : {}) });
        return sendJson(res, 201, { ...result.code, token });
      case 'replayed': {
        const first = key ? seal.unseal(result.sealed, callerId, key) : undefined;
        if (first === undefined) throw new HttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request');
        return sendJson(res, 201, { ...result.code, token: first }, { 'idempotent-replayed': 'true' });
      }
      case 'key-conflict':
        throw new HttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request');
      case 'unknown-code':
        throw notFound();
      case 'already-reissued':
        throw new HttpError(409, 'already-reissued', `backer code ${result.code.id} was re-issued already, as ${result.code.replacedBy ?? '?'}; re-issue that one instead`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const [rawId, action] = path.split('/');
    if (rawId === '' || rawId === undefined) {
      if (req.method === 'GET') {
        await requireOperator(req, options.access);
        return sendJson(res, 200, { codes: await storage.listBackerCodes() });
      }
      if (req.method !== 'POST') throw methodNotAllowed('GET, POST');
      const caller = await operatorChange(req);
      const body = BackerTokenRequest.safeParse(await readJsonBody(req, options.maxBodyBytes));
      if (!body.success) throw new HttpError(400, 'invalid-token-request', 'the token request is not valid', describeIssues(body.error));
      return issue(res, caller, `POST ${BASE}\n${canonicalJson(body.data)}`, (token, claim) => storage.issueBackerCode(token, body.data, new Date(), claim));
    }
    if (action !== 'revoke' && action !== 'reissue') throw new HttpError(404, 'not-found', `no API at ${BASE}/${path}`);
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const id = BackerCodeId.safeParse(safeDecode(rawId));
    if (!id.success) throw new HttpError(400, 'invalid-code-id', 'the backer code id is not valid', describeIssues(id.error).map((i) => ({ ...i, path: 'id' })));
    const caller = await operatorChange(req);
    if (action === 'reissue') {
      return issue(res, caller, `POST ${BASE}/${id.data}/reissue`, (token, claim) => storage.reissueBackerCode(id.data, token, new Date(), claim));
    }
    const result = await storage.revokeBackerCode(id.data, new Date());
    if (result.kind === 'unknown-code') throw notFound();
    if (result.kind === 'already-revoked') throw new HttpError(409, 'already-revoked', `backer code ${id.data} was revoked already, at ${result.code.revokedAt ?? '?'}`);
    options.sessions.revoked(id.data);
    options.log.info('backer code revoked', { id: id.data });
    sendJson(res, 200, result.code satisfies BackerCode);
  }

  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return false;
    try {
      const rest = pathname.slice(BASE.length + 1);
      if (rest.split('/').length > 2) throw new HttpError(404, 'not-found', `no API at ${pathname}`);
      await route(req, res, rest);
    } catch (err) {
      if (!(err instanceof HttpError)) options.log.error('API request failed', { path: pathname, error: String(err) });
      // Drain what is left of a refused body so the client reads the answer instead of a reset connection.
      if (!req.readableEnded) req.resume();
      sendError(res, err);
    }
    return true;
  };
}

const notFound = () => new HttpError(404, 'not-found', 'no such backer code');
const methodNotAllowed = (allow: string) => new HttpError(405, 'method-not-allowed', `use ${allow.replace(', ', ' or ')}`, undefined, { allow });

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // malformed %-escapes: let the id check refuse it
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
