// Checks the operator's bearer token in constant time; never logs or echoes it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

export function createOperatorAuth(operatorToken: string): (req: IncomingMessage) => string {
  const expected = digest(operatorToken);
  /** Returns a key that identifies the caller for rate limiting without containing the token. */
  return (req) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new HttpError(401, 'unauthorized', 'send the operator token as "Authorization: Bearer <token>"', undefined, {
        'www-authenticate': 'Bearer',
      });
    }
    const given = digest(match[1]);
    if (!timingSafeEqual(given, expected)) throw new HttpError(403, 'forbidden', 'this token may not post to this project');
    return `operator:${given.toString('hex').slice(0, 16)}`;
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
