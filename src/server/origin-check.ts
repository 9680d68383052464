// Which web pages may open the feed: the server's own, plus a configured allowlist. WebSockets are not
// covered by CORS, so the Origin header is checked here for every transport.
import type { IncomingMessage } from 'node:http';

export function createOriginCheck(allowedOrigins: readonly string[]): (req: IncomingMessage) => boolean {
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/$/, '')));
  return (req) => {
    const origin = req.headers.origin;
    // No Origin: not a browser page (a platform's server, the CLI, a test) — tokens still apply.
    if (!origin) return true;
    if (allowed.has(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };
}
