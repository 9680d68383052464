// Writes JSON answers, errors included, in the one shape the API documents.
import type { ServerResponse } from 'node:http';
import { HttpError } from './http-error';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** `{ error: { code, message, issues? } }`; unknown errors become a 500 that reveals nothing. */
export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) {
    sendJson(res, err.status, { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } }, err.headers);
  } else {
    sendJson(res, 500, { error: { code: 'internal', message: 'internal error' } });
  }
}
