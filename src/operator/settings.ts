// Where the CLI talks to and as whom: the server URL (flag or SETVISIT_URL) and the operator token, which is
// read only from SETVISIT_OPERATOR_TOKEN because command-line arguments show in `ps` and shell history.
import { ProjectId, describeIssues } from '../protocol';
import { UsageError } from './errors';

export const DEFAULT_SERVER_URL = 'http://localhost:8080';
export const DEFAULT_PROJECT_ID = 'lantern-keeper';
export const TOKEN_ENV = 'SETVISIT_OPERATOR_TOKEN';
export const URL_ENV = 'SETVISIT_URL';

/** The server's base URL, always ending in `/` so API paths resolve below any path prefix. */
export function serverUrl(flag: string | undefined, env: NodeJS.ProcessEnv): URL {
  const raw = flag ?? (env[URL_ENV] || DEFAULT_SERVER_URL);
  const source = flag !== undefined ? '--server' : env[URL_ENV] ? URL_ENV : 'the default server URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${source}: "${raw}" is not a URL (expected e.g. ${DEFAULT_SERVER_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${source}: use an http:// or https:// URL such as ${DEFAULT_SERVER_URL}, got "${raw}"`);
  // fetch refuses URLs with credentials, and they would end up in error messages; the token is the credential.
  if (url.username || url.password) throw new UsageError(`${source}: leave credentials out of the URL; the token comes from ${TOKEN_ENV}`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The operator token; its value never appears in any message. */
export function operatorToken(env: NodeJS.ProcessEnv): string {
  const token = env[TOKEN_ENV]?.trim();
  if (!token) {
    throw new UsageError(`${TOKEN_ENV} is not set: export the operator token first (it is never taken as a flag, so it stays out of ps and shell history)`);
  }
  // An HTTP header cannot carry spaces or control characters; checked here because fetch's own error would quote the value.
  if (!/^[\x21-\x7e]+$/.test(token)) throw new UsageError(`${TOKEN_ENV} holds spaces, control or non-ASCII characters; check how it was exported`);
  return token;
}

export function projectId(flag: string | undefined): string {
  const id = flag ?? DEFAULT_PROJECT_ID;
  const parsed = ProjectId.safeParse(id);
  if (!parsed.success) throw new UsageError(`--project: ${describeIssues(parsed.error).map((i) => i.message).join('; ')}, got "${id}"`);
  return parsed.data;
}
