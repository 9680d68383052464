// Puts the reference server together: static app and media, the ingest API and the socket feed, on one port.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import { attachFeedGateway, type FeedGateway } from './feed-gateway';
import { createIngestApi } from './ingest-api';
import { sendJson } from './http/respond';
import { createServerLog, type ServerLog } from './server-log';
import { createStaticFiles, type StaticFilesOptions } from './static-files';
import type { FeedStorage } from './storage/feed-storage';

export interface SetVisitServerOptions {
  storage: FeedStorage;
  operatorToken: string;
  /** Where the built app and tour files are; without it the server answers only the API and the feed. */
  files?: StaticFilesOptions;
  limits?: Partial<ServerLimits>;
  log?: ServerLog;
}

export interface SetVisitServer {
  readonly http: HttpServer;
  readonly io: SocketServer;
  readonly feed: FeedGateway;
  /** Resolves with the bound port (pass 0 for any free one). */
  listen(port: number, host?: string): Promise<number>;
  /** Disconnects every client and stops listening; storage stays open (its owner closes it). */
  close(): Promise<void>;
}

export function createSetVisitServer(options: SetVisitServerOptions): SetVisitServer {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? createServerLog();
  const http = createServer();
  const io = new SocketServer(http, { maxHttpBufferSize: limits.maxSocketMessageBytes, serveClient: false });
  const feed = attachFeedGateway(io, { storage: options.storage, log, subscribeRateLimit: limits.subscribeRateLimit });
  const api = createIngestApi({
    storage: options.storage,
    operatorToken: options.operatorToken,
    maxBodyBytes: limits.maxBodyBytes,
    postRateLimit: limits.postRateLimit,
    onEvent: (event) => feed.broadcast(event),
    log,
  });
  const files = options.files ? createStaticFiles(options.files) : undefined;

  http.on('request', (req, res) => {
    // socket.io answers its own path on this server.
    if (req.url?.startsWith('/socket.io/')) return;
    api(req, res).then(
      (handled) => {
        if (handled) return;
        if (req.url === '/healthz') return sendJson(res, 200, { ok: true });
        const notFound = () => sendJson(res, 404, { error: { code: 'not-found', message: 'not found' } });
        if (files) files(req, res, notFound);
        else notFound();
      },
      (err: unknown) => log.error('request failed', { error: String(err) }),
    );
  });

  return {
    http,
    io,
    feed,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        void io.close(() => resolve());
      }),
  };
}
