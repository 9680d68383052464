// Serves the built app, its media and the tour files, with cache rules that suit HLS.
import sirv from 'sirv';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StaticFilesOptions {
  /** The built app (Vite's dist/, which includes public/ with the sample media). */
  appDir: string;
  /** Tour files, served at /scenes/. */
  scenesDir: string;
}

export function createStaticFiles(options: StaticFilesOptions): Handler {
  const setHeaders = (res: ServerResponse, pathname: string) => {
    res.setHeader('x-content-type-options', 'nosniff');
    // Hashed bundles never change. Playlists and segments can: a live playlist moves, and an origin may serve a
    // segment while it is still being written and then the whole file. So the cache keeps them but asks each time
    // (the ETag makes an unchanged answer a bodiless 304), and a damaged copy is never reused once fixed.
    if (pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    else if (/\.(m3u8|m4s|mp4|ts|vtt)$/.test(pathname)) res.setHeader('cache-control', 'public, no-cache');
  };
  const app = sirv(options.appDir, { etag: true, dev: false, setHeaders });
  const scenes = sirv(options.scenesDir, { etag: true, dev: true, setHeaders });
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (url.startsWith('/scenes/')) {
      req.url = url.slice('/scenes'.length);
      scenes(req, res, next);
    } else {
      app(req, res, next);
    }
  };
}
