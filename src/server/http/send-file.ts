// Sends one file from a folder, looked up on every request, and survives the folder changing underneath:
// a deploy that swaps dist/ (rename, delete, replace) must cost at most the requests in flight, never the
// process. The file is opened before any header is written, so a file that vanished answers 404 and one that
// cannot be read 503; once open, the descriptor keeps the bytes readable even if the name is unlinked. Every
// stream has an 'error' listener: an error after the headers went out ends that response, nothing else.
import { createReadStream, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';

/** Media types by extension; HLS needs its own (browsers' native HLS and some CDNs refuse an empty type). */
const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/mp4',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.vtt': 'text/vtt; charset=utf-8',
  '.webm': 'video/webm',
};

/**
 * The media type of a served path. Fragmented-MP4 segments and init segments of an audio-only rendition (a
 * folder named audio…, as the media pipeline and most packagers name it) are audio/mp4, others video/mp4.
 */
export function mediaTypeOf(pathname: string): string {
  const ext = extname(pathname).toLowerCase();
  if ((ext === '.m4s' || ext === '.mp4') && /(^|\/)audio[^/]*\//i.test(pathname)) return 'audio/mp4';
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

export interface SendFileOptions {
  /** Weak ETag from size and mtime, answered with 304 when the client has it. */
  etag: boolean;
  /** Extra headers for this path (caching rules); called once the file is known to be sendable. */
  setHeaders?: (res: ServerResponse, pathname: string) => void;
}

export type SendOutcome = 'sent' | 'not-found';

/** Errors that mean "there is no such file (any more)"; everything else is the server's trouble: 503. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP']);

/**
 * Sends `pathname` (already stripped of its mount prefix) from `dir`, trying `index.html` for a folder and
 * `.html` for an extensionless path, as the built app expects. Resolves 'not-found' without answering when no
 * file matches, so the caller can answer its own 404; every other outcome is answered here.
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string, options: SendFileOptions): Promise<SendOutcome> {
  const relative = safeRelative(pathname);
  if (relative === undefined) return 'not-found';
  const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}.html`, `${relative}/index.html`];
  for (const candidate of candidates) {
    let opened: { handle: FileHandle; stats: Stats } | 'missing';
    try {
      opened = await openFile(join(dir, candidate));
    } catch {
      unavailable(res);
      return 'sent';
    }
    if (opened === 'missing') continue;
    await respond(req, res, `/${candidate}`, opened.handle, opened.stats, options);
    return 'sent';
  }
  return 'not-found';
}

/** The path inside the folder, or undefined when it would leave the folder or is malformed. */
function safeRelative(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const normalized = normalize(`/${decoded}`).replaceAll(sep, '/');
  if (normalized.split('/').some((part) => part === '..' || (part.startsWith('.') && part !== '.well-known'))) return undefined;
  return normalized.slice(1);
}

async function openFile(path: string): Promise<{ handle: FileHandle; stats: Stats } | 'missing'> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (MISSING.has((err as NodeJS.ErrnoException).code ?? '')) return 'missing';
    throw err;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return 'missing';
    }
    return { handle, stats };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

async function respond(req: IncomingMessage, res: ServerResponse, pathname: string, handle: FileHandle, stats: Stats, options: SendFileOptions): Promise<void> {
  const etag = `W/"${stats.size}-${stats.mtime.getTime()}"`;
  const headers: Record<string, string | number> = {
    'content-type': mediaTypeOf(pathname),
    'last-modified': stats.mtime.toUTCString(),
    'accept-ranges': 'bytes',
    'cache-control': 'no-cache',
    ...(options.etag ? { etag } : {}),
  };
  options.setHeaders?.(res, pathname);
  // Headers the caller set (cache rules) win over the defaults above.
  for (const name of Object.keys(headers)) if (res.hasHeader(name)) delete headers[name];

  if (options.etag && req.headers['if-none-match'] === etag) {
    await handle.close();
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let start = 0;
  let end = stats.size - 1;
  let status = 200;
  const range = parseRange(req.headers.range, stats.size);
  if (range === 'unsatisfiable') {
    await handle.close();
    res.writeHead(416, { 'content-range': `bytes */${stats.size}` });
    res.end();
    return;
  }
  if (range) {
    ({ start, end } = range);
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${stats.size}`;
  }
  headers['content-length'] = Math.max(0, end - start + 1);
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || stats.size === 0) {
    await handle.close();
    res.end();
    return;
  }
  if (res.destroyed) {
    await handle.close(); // the viewer left while the file was opened
    return;
  }
  // The stream owns the descriptor from here (autoClose) and closes it on end, error or destroy. pipeline()
  // listens for errors on both sides: a read error ends this response, a viewer who leaves stops the read.
  const stream = createReadStream('', { fd: handle, start, end, autoClose: true });
  pipeline(stream, res, () => undefined);
}

/** One `bytes=a-b` range (what media players send); anything else is served whole. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function unavailable(res: ServerResponse): void {
  const text = JSON.stringify({ error: { code: 'unavailable', message: 'this file cannot be read right now; try again' } });
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'retry-after': '1' });
  res.end(text);
}
