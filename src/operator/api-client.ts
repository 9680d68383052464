// Talks to the server's HTTP API: one fetch per attempt, retries on network errors, 5xx and 429, and one
// Idempotency-Key for every attempt of a POST so that a retry can never store the same change twice.
import * as z from 'zod/mini';
import { ApiError, NetworkError } from './errors';
import { MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, backoffMs, isRetryableStatus, parseRetryAfter } from './retry-policy';

export interface ApiAnswer {
  status: number;
  /** The parsed JSON body; undefined when the body was not JSON. */
  body: unknown;
  /** The body as received, for `--json`. */
  text: string;
  /** The server had stored this request before and answered what it stored then (`Idempotent-Replayed: true`). */
  replayed: boolean;
  attempts: number;
}

export interface RetryNotice {
  /** The attempt that just failed, from 1. */
  attempt: number;
  reason: string;
  waitMs: number;
}

export interface ApiClientOptions {
  baseUrl: URL;
  token: string;
  /** Sent with every POST; the same for all attempts and all requests of this client. */
  idempotencyKey: string;
  onRetry?: (notice: RetryNotice) => void;
  /** Per attempt: an answer that never comes is retried like a dropped connection. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});

const DEFAULT_TIMEOUT_MS = 15_000;

type Attempt = { kind: 'answer'; response: Response; text: string } | { kind: 'no-answer'; reason: string };

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get idempotencyKey(): string {
    return this.options.idempotencyKey;
  }

  get(path: string, query: Record<string, string | undefined> = {}): Promise<ApiAnswer> {
    const url = this.url(path);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    return this.send('GET', url);
  }

  post(path: string, body: unknown): Promise<ApiAnswer> {
    return this.send('POST', this.url(path), JSON.stringify(body));
  }

  private url(path: string): URL {
    // Relative to the base, so a server mounted under a path prefix works too.
    return new URL(path.replace(/^\/+/, ''), this.options.baseUrl);
  }

  private async send(method: 'GET' | 'POST', url: URL, body?: string): Promise<ApiAnswer> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${this.options.token}`,
      'user-agent': 'setvisit-operator',
    };
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = this.options.idempotencyKey;
    }
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(url, { method, headers, body, timeoutMs });
      if (outcome.kind === 'answer' && !isRetryableStatus(outcome.response.status)) return answerOf(outcome, attempt);

      const reason = outcome.kind === 'answer' ? `HTTP ${outcome.response.status}` : outcome.reason;
      const asked = outcome.kind === 'answer' ? parseRetryAfter(outcome.response.headers.get('retry-after')) : undefined;
      const giveUp = (why: string): never => {
        // The last answer the server gave says more than "gave up" (e.g. its 503 message); show that.
        if (outcome.kind === 'answer') throw errorOf(outcome.response.status, outcome.text, attempt);
        throw new NetworkError(`${why}: ${reason}`, attempt);
      };
      if (attempt >= MAX_ATTEMPTS) giveUp(`no usable answer from ${url.origin} after ${attempt} attempts`);
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) giveUp(`the server asks to wait ${Math.ceil(asked / 1000)} s`);

      const waitMs = asked ?? backoffMs(attempt);
      this.options.onRetry?.({ attempt, reason, waitMs });
      await (this.options.sleep ?? sleep)(waitMs);
    }
  }

  private async attempt(url: URL, init: { method: string; headers: Record<string, string>; body: string | undefined; timeoutMs: number }): Promise<Attempt> {
    try {
      const response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        // A redirect would resend the token somewhere the operator did not name, and turn a POST into a GET.
        redirect: 'manual',
        signal: AbortSignal.timeout(init.timeoutMs),
      });
      // Reading the body can fail too (the connection drops mid-answer): that is a missing answer, retried.
      return { kind: 'answer', response, text: await response.text() };
    } catch (err) {
      return { kind: 'no-answer', reason: describeFailure(err, init.timeoutMs) };
    }
  }
}

function answerOf(outcome: { response: Response; text: string }, attempts: number): ApiAnswer {
  const { response, text } = outcome;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    throw new ApiError(response.status, 'redirect', `the server redirects${location ? ` to ${location}` : ''}; pass that URL as --server`, [], text);
  }
  if (!response.ok) throw errorOf(response.status, text, attempts);
  return { status: response.status, body: parseJson(text), text, replayed: response.headers.get('idempotent-replayed') === 'true', attempts };
}

/** The API's `{ error: { code, message, issues } }`, or what can be said about an answer of another shape. */
function errorOf(status: number, text: string, attempts: number): ApiError {
  const parsed = ErrorBody.safeParse(parseJson(text));
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(status, code, message, issues ?? [], text, attempts);
  }
  return new ApiError(status, 'unexpected-answer', `HTTP ${status}, and the body is not a SetVisit API error (is --server pointing at the right place?)`, [], text, attempts);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** fetch's "fetch failed" says nothing; the cause ("connect ECONNREFUSED 127.0.0.1:8080", "other side closed") does. */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
