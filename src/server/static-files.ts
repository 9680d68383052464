// Serves the built app, its media and the tour files, with cache rules that suit HLS. Files are looked up on
// every request (send-file.ts), so a deploy that replaces the app folder under a running server is served
// from the new folder at once, and a file that vanishes mid-request answers 404/503 instead of a crash.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendFile } from './http/send-file';
import { isGatedResponse, type MediaGate } from './media-access';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StaticFilesOptions {
  /** The built app (Vite's dist/, which includes public/ with the sample media). */
  appDir: string;
  /** Tour files, served at /scenes/. */
  scenesDir: string;
  /** Entitled media: refuses gated files without a valid media pass (src/server/media-access). */
  gate?: MediaGate;
}

export function createStaticFiles(options: StaticFilesOptions): Handler {
  const setHeaders = (res: ServerResponse, pathname: string) => {
    res.setHeader('x-content-type-options', 'nosniff');
    // Hashed bundles never change. Playlists and segments can: a live playlist moves, and an origin may serve a
    // segment while it is still being written and then the whole file. So the cache keeps them but asks each time
    // (the ETag makes an unchanged answer a bodiless 304), and a damaged copy is never reused once fixed.
    if (pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    else if (/\.(m3u8|m4s|mp4|ts|vtt)$/.test(pathname)) res.setHeader('cache-control', 'public, no-cache');
    // A gated file may stay in the viewer's own cache, never in a shared one.
    if (isGatedResponse(res)) res.setHeader('cache-control', String(res.getHeader('cache-control') ?? 'no-cache').replace('public', 'private'));
  };
  const serve: Handler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const [dir, path] = pathname.startsWith('/scenes/') ? [options.scenesDir, pathname.slice('/scenes'.length)] : [options.appDir, pathname];
    sendFile(req, res, dir, path, { etag: true, setHeaders }).then(
      (outcome) => {
        if (outcome === 'not-found') next();
      },
      // Only a bug gets here (sendFile answers file errors itself): end this response, keep the server.
      () => {
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end();
      },
    );
  };
  const { gate } = options;
  if (!gate) return serve;
  return (req, res, next) => void gate(req, res).then((allowed) => allowed && serve(req, res, next), () => next());
}
