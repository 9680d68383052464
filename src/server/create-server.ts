// Puts the reference server together: static app and media, the ingest API and the socket feed, on one port.
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer, type ServerOptions as SocketServerOptions } from 'socket.io';
import { DEFAULT_LIMITS, type ServerLimits } from './config';
import { createAccessResolver } from './access';
import { createBackerCodeApi } from './backer-codes/backer-code-api';
import { attachBackerSessions, type BackerSessions } from './backer-codes/backer-sessions';
import { createReplaySeal } from './backer-codes/replay-seal';
import { attachFeedGateway, type FeedGateway } from './feed-gateway';
import { createOriginCheck } from './origin-check';
import { createIngestApi } from './ingest-api';
import { createHttpRateLimits, localRateLimiters, type RateLimiterFactory } from './http/request-limits';
import { sendError, sendJson } from './http/respond';
import { sendNotFoundPage } from './http/not-found-page';
import { createServerLog, type ServerLog } from './server-log';
import { createStaticFiles, type StaticFilesOptions } from './static-files';
import { attachMeetups, MEETUP_CLIENT_EVENTS, type MeetupService } from './meetup';
import { attachCircleGateway, CIRCLE_CLIENT_EVENTS, DEFAULT_CIRCLE_LIMITS, type CircleGateway, type CircleLimits } from './circles';
import type { CircleStorage } from './storage/circle-storage';
import { attachPairingGateway, DEFAULT_PAIRING_LIMITS, PAIRING_CLIENT_EVENTS, type PairingGateway, type PairingLimits } from './pairing';
import type { PairingStorage } from './storage/pairing-storage';
import { createMediaAccess, type MediaAccessConfig } from './media-access';
import type { MeetupLimits } from './meetup/meetup-limits';
import type { MeetupRoomState } from './meetup/room-state';
import type { MeetupStorage } from './storage/meetup-storage';
import type { AccessStorage, FeedStorage } from './storage/feed-storage';
import { attachAttention, ATTENTION_CLIENT_EVENTS, type AttentionService, type AttentionServiceOptions } from './attention';
import { SqliteAttentionStorage } from './storage/sqlite-attention-storage';

export interface SetVisitServerOptions {
  storage: FeedStorage & AccessStorage;
  operatorToken: string;
  /** Origins besides the server's own whose pages may open the feed. */
  allowedOrigins?: string[];
  /** Where the built app and tour files are; without it the server answers only the API and the feed. */
  files?: StaticFilesOptions;
  limits?: Partial<ServerLimits>;
  log?: ServerLog;
  /** Star meet-ups (API, socket side, live stream); without it the server has none. */
  meetups?: MeetupStorage;
  meetupLimits?: Partial<MeetupLimits>;
  /** Circles (shared visits, src/server/circles); without it the server has none. */
  circles?: CircleStorage;
  circleLimits?: Partial<CircleLimits>;
  /** Phones paired with TVs (src/server/pairing); without it the server pairs nothing. */
  pairings?: PairingStorage;
  pairingLimits?: Partial<PairingLimits>;
  /** Meet-up audience and reaction windows shared by several nodes (src/server/scale); in-process by default. */
  meetupRoomState?: MeetupRoomState;
  /** The footage the demo's live stream loops (an HLS folder); the sample backlot by default. */
  liveSourceDir?: string;
  /** socket.io adapter; several nodes share broadcasts and recovery through Redis (src/server/scale). */
  adapter?: SocketServerOptions['adapter'];
  /** Makes the HTTP API's rate limiters; Redis-backed ones share each limit across nodes (src/server/scale). */
  rateLimiters?: RateLimiterFactory;
  /** socket.io transports; ['websocket'] lets a load balancer work without sticky sessions. */
  transports?: SocketServerOptions['transports'];
  /** Media passes (signed cookies) for gated media: keys and lifetime (src/server/media-access). */
  media?: Partial<MediaAccessConfig>;
  /** Where the audience looks (src/server/attention): storage (an in-memory SQLite by default), shared radar, limits. */
  attention?: Partial<Pick<AttentionServiceOptions, 'storage' | 'radarState' | 'nodeId' | 'scenesDir' | 'limits'>>;
}

/** Answers a request before the API and the static files (health, metrics); returns whether it did. */
export type ServerRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface SetVisitServer {
  readonly http: HttpServer;
  readonly io: SocketServer;
  readonly feed: FeedGateway;
  readonly meetups: MeetupService | undefined;
  readonly attention: AttentionService;
  readonly circles: CircleGateway | undefined;
  readonly pairings: PairingGateway | undefined;
  /** The live sessions of backer codes, ended when a code is revoked. */
  readonly backerSessions: BackerSessions;
  /** Adds a route tried before the API and the static files. */
  addRoute(route: ServerRoute): void;
  /** Resolves with the bound port (pass 0 for any free one). */
  listen(port: number, host?: string): Promise<number>;
  /** Disconnects every client and stops listening; storage stays open (its owner closes it). */
  close(): Promise<void>;
}

export function createSetVisitServer(options: SetVisitServerOptions): SetVisitServer {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? createServerLog();
  const http = createServer();
  const originAllowed = createOriginCheck(options.allowedOrigins ?? []);
  const io = new SocketServer(http, {
    maxHttpBufferSize: limits.maxSocketMessageBytes,
    serveClient: false,
    allowRequest: (req, callback) => callback(originAllowed(req) ? null : 'origin not allowed', originAllowed(req)),
    // A short drop (a train tunnel, a Wi-Fi handover) resumes with the missed packets replayed by socket.io;
    // anything longer, or a server restart, falls back to the feed's own resync by sequence number.
    connectionStateRecovery: { maxDisconnectionDuration: limits.recoveryWindowMs, skipMiddlewares: true },
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.transports ? { transports: options.transports } : {}),
  });
  const routes: ServerRoute[] = [];
  const access = createAccessResolver(options.operatorToken, options.storage);
  const rateLimiters = options.rateLimiters ?? localRateLimiters;
  const httpLimits = createHttpRateLimits(limits, rateLimiters);
  const feed = attachFeedGateway(io, {
    storage: options.storage,
    access,
    log,
    handshakeLimiter: rateLimiters('socket-handshake', limits.handshakeRateLimit),
    socketRateLimit: limits.socketRateLimit,
    maxRateViolations: limits.maxRateViolations,
    maxResumeEvents: limits.maxResumeEvents,
    extraClientEvents: [...(options.meetups ? MEETUP_CLIENT_EVENTS : []), ...ATTENTION_CLIENT_EVENTS, ...(options.circles ? CIRCLE_CLIENT_EVENTS : []), ...(options.pairings ? PAIRING_CLIENT_EVENTS : [])],
  });
  const circles = options.circles
    ? attachCircleGateway(io, { storage: options.circles, projects: options.storage, ...(options.meetups ? { meetups: options.meetups } : {}), limits: { ...DEFAULT_CIRCLE_LIMITS, ...options.circleLimits }, log })
    : undefined;
  const pairings = options.pairings
    ? attachPairingGateway(io, { storage: options.pairings, access, limits: { ...DEFAULT_PAIRING_LIMITS, ...options.pairingLimits }, log })
    : undefined;
  const media = createMediaAccess({
    ...(options.media ? { config: options.media } : {}),
    scenesDir: options.files?.scenesDir,
    projects: options.storage,
    access,
    ...(options.meetups ? { meetups: options.meetups, onStreamKeyChanged: (meetup) => meetups?.gateway.stateChanged(meetup) ?? Promise.resolve() } : {}),
    rateLimit: limits.readRateLimit,
    log,
  });
  const meetups = options.meetups
    ? attachMeetups(io, {
        verifyStream: (req, scope) => media.verifyStream(req, scope),
        storage: options.meetups,
        projects: options.storage,
        access,
        serverLimits: limits,
        rateLimits: httpLimits,
        ...(options.meetupLimits ? { limits: options.meetupLimits } : {}),
        ...(options.meetupRoomState ? { roomState: options.meetupRoomState } : {}),
        nodesShareRooms: options.adapter !== undefined,
        // A meet-up that ends takes every circle watching it back to the tour (src/server/circles/circle-meetups.ts).
        ...(circles ? { afterStateChanged: async (meetup) => void (meetup.state === 'ended' ? await circles.meetupEnded(meetup.id) : 0) } : {}),
        ...(options.liveSourceDir ? { liveSourceDir: options.liveSourceDir } : {}),
        log,
      })
    : undefined;
  const api = createIngestApi({
    storage: options.storage,
    access,
    maxBodyBytes: limits.maxBodyBytes,
    rateLimits: httpLimits,
    onEvent: (event) => feed.broadcast(event),
    log,
  });
  // The server owns the default in-memory store (closed with it); a given one belongs to the caller.
  const ownAttentionStorage = options.attention?.storage ? undefined : new SqliteAttentionStorage(':memory:');
  const attention = attachAttention(io, {
    ...options.attention,
    storage: options.attention?.storage ?? ownAttentionStorage!,
    projects: options.storage,
    access,
    scenesDir: options.attention?.scenesDir ?? options.files?.scenesDir,
    meetups: options.meetups,
    log,
  });
  const backerSessions = attachBackerSessions(io, { storage: options.storage.backerCodes, recheckMs: limits.backerRecheckMs, log });
  const backerCodes = createBackerCodeApi({
    storage: options.storage.backerCodes,
    access,
    rateLimits: httpLimits,
    maxBodyBytes: limits.maxBodyBytes,
    // The operator token is every node's shared secret already: a retry on any node unseals the same code.
    seal: createReplaySeal(options.operatorToken),
    sessions: backerSessions,
    log,
  });
  const files = options.files ? createStaticFiles({ ...options.files, gate: media.gate }) : undefined;

  http.on('request', (req, res) => {
    // socket.io answers its own path on this server.
    if (req.url?.startsWith('/socket.io/')) return;
    if (routes.some((route) => route(req, res))) return;
    // Counted before anything looks at the request's token or body (http/request-limits.ts).
    const admitted = req.url?.startsWith('/api/') ? httpLimits.admit(req) : Promise.resolve();
    admitted.then(
      // Meet-up routes first: the ingest API answers every other /api/ path, unknown ones with a 404.
      // Media passes first (their paths sit under /api/projects/ and /api/meetups/ too).
      async () => (await media.handle(req, res)) || (meetups && (await meetups.handle(req, res))) || (await attention.handle(req, res)) || (await backerCodes(req, res)) || api(req, res),
      (err: unknown) => {
        // Drain what is left of a refused body so the client reads the answer instead of a reset connection.
        if (!req.readableEnded) req.resume();
        sendError(res, err);
        return true;
      },
    ).then(
      (handled) => {
        if (handled) return;
        if (req.url === '/healthz') return sendJson(res, 200, { ok: true });
        // Programs calling the API read JSON; a person at a wrong address gets a page with the way home.
        const notFound = () => (req.url?.startsWith('/api/') ? sendJson(res, 404, { error: { code: 'not-found', message: 'not found' } }) : sendNotFoundPage(req, res));
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
    meetups,
    attention,
    circles,
    pairings,
    backerSessions,
    addRoute: (route) => void routes.push(route),
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        meetups?.close();
        circles?.close();
        pairings?.close();
        backerSessions.close();
        http.closeAllConnections();
        void io.close(() => resolve());
      })
        // The last open buckets are stored before the caller closes the storage.
        .then(() => attention.close())
        .then(() => ownAttentionStorage?.close()),
  };
}
