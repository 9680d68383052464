// Serves the built app, its media and the tour files, with cache rules that suit HLS.
import sirv from 'sirv';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
    // Playlists may change (live); segments and hashed bundles never do.
    if (pathname.endsWith('.m3u8')) res.setHeader('cache-control', 'no-cache');
    else if (/\.(m4s|mp4|ts)$/.test(pathname) || pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    // A gated file may stay in the viewer's own cache, never in a shared one.
    if (isGatedResponse(res)) res.setHeader('cache-control', String(res.getHeader('cache-control') ?? 'no-cache').replace('public', 'private'));
  };
  const app = sirv(options.appDir, { etag: true, dev: false, setHeaders });
  const scenes = sirv(options.scenesDir, { etag: true, dev: true, setHeaders });
  const serve: Handler = (req, res, next) => {
    const url = req.url ?? '/';
    if (url.startsWith('/scenes/')) {
      req.url = url.slice('/scenes'.length);
      scenes(req, res, next);
    } else {
      app(req, res, next);
    }
  };
  const { gate } = options;
  if (!gate) return serve;
  return (req, res, next) => void gate(req, res).then((allowed) => allowed && serve(req, res, next), () => next());
}
