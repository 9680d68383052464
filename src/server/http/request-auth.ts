// Reads the bearer token of an HTTP request and turns it into an Access, with the API's 401/403 answers.
import type { IncomingMessage } from 'node:http';
import type { Access, AccessResolver } from '../access';
import { HttpError } from './http-error';

const unauthorized = () =>
  new HttpError(401, 'unauthorized', 'send a token as "Authorization: Bearer <token>"', undefined, { 'www-authenticate': 'Bearer' });

/** Anonymous when no token is sent; 401 for a malformed header; 403 for a token that is not valid. */
export async function accessOf(req: IncomingMessage, resolver: AccessResolver): Promise<Access> {
  const header = req.headers.authorization;
  if (header === undefined) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  const access = await resolver.resolve(match[1]);
  if (!access) throw new HttpError(403, 'forbidden', 'this token is not valid');
  return access;
}

export async function requireOperator(req: IncomingMessage, resolver: AccessResolver): Promise<Extract<Access, { kind: 'operator' }>> {
  const access = await accessOf(req, resolver);
  if (access.kind === 'anonymous') throw unauthorized();
  if (access.kind !== 'operator') throw new HttpError(403, 'forbidden', 'only the operator token may do this');
  return access;
}
