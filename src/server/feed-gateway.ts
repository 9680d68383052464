// The socket side of the feed: checks each handshake (version, token), each subscription (validity, access),
// replays what a client missed, rate-limits every socket, and broadcasts each new event to its project's room.
import type { Server, Socket } from 'socket.io';
import {
  HandshakeAuth,
  PROTOCOL_VERSION,
  SOCKET_EVENTS,
  SubscribeRequest,
  describeIssues,
  summarizeIssues,
  type FeedEvent,
  type ProtocolError,
  type SubscribeReply,
} from '../protocol';
import { MILESTONES_KEPT } from '../feed/project-state';
import { canFollow, type Access, type AccessResolver } from './access';
import type { FeedStorage } from './storage/feed-storage';
import { RateLimiter, type RateLimit } from './rate-limiter';
import type { SharedRateLimiter } from './scale/shared-rate-limiter';
import type { ServerLog } from './server-log';

export interface FeedGatewayOptions {
  storage: FeedStorage;
  access: AccessResolver;
  log: ServerLog;
  /** Every message a socket sends counts against this. */
  socketRateLimit: RateLimit;
  /**
   * Handshakes that present a token, per client address, counted before the token is looked at: tokens cannot
   * be probed faster than this. Shared across nodes when the server has Redis.
   */
  handshakeLimiter: SharedRateLimiter;
  /** A socket that keeps sending over its limit this many times is disconnected. */
  maxRateViolations: number;
  /** Most events replayed on resume; further behind, a client gets a snapshot. */
  maxResumeEvents: number;
  /** Events other gateways on this server handle (meet-ups): let through, not counted as unknown. */
  extraClientEvents?: readonly string[];
}

export interface FeedGatewayStats {
  rejectedHandshakes: number;
  rejectedRequests: number;
  unknownEvents: number;
  rateLimited: number;
  disconnectedForFlooding: number;
}

export interface FeedGateway {
  broadcast(event: FeedEvent): void;
  readonly stats: FeedGatewayStats;
}

interface SocketData {
  access: Access;
  rateViolations: number;
}

const KNOWN_CLIENT_EVENTS = new Set<string>([SOCKET_EVENTS.subscribe]);
const roomOf = (projectId: string) => `project:${projectId}`;

export function attachFeedGateway(io: Server, options: FeedGatewayOptions): FeedGateway {
  const stats: FeedGatewayStats = { rejectedHandshakes: 0, rejectedRequests: 0, unknownEvents: 0, rateLimited: 0, disconnectedForFlooding: 0 };
  const limiter = new RateLimiter(options.socketRateLimit);
  const knownEvents = new Set([...KNOWN_CLIENT_EVENTS, ...(options.extraClientEvents ?? [])]);

  const refuseHandshake = (next: (err?: Error) => void, refusal: ProtocolError) => {
    stats.rejectedHandshakes++;
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  };

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) {
      return refuseHandshake(next, { code: 'protocol-version', message: `this server speaks feed protocol v${PROTOCOL_VERSION}: ${summarizeIssues(describeIssues(auth.error))}` });
    }
    const { token } = auth.data;
    const admit = async () => {
      if (token !== undefined && !(await options.handshakeLimiter.take(socket.handshake.address)).ok) {
        return refuseHandshake(next, { code: 'rate-limited', message: 'too many sign-ins from this address; try again in a few seconds' });
      }
      const access = await options.access.resolve(token);
      if (!access) return refuseHandshake(next, { code: 'forbidden', message: 'this backer token is not valid' });
      (socket.data as SocketData) = { access, rateViolations: 0 };
      next();
    };
    admit().catch((err: unknown) => next(err instanceof Error ? err : new Error(String(err))));
  });

  async function subscribe(socket: Socket, payload: unknown): Promise<SubscribeReply> {
    const request = SubscribeRequest.safeParse(payload);
    if (!request.success) {
      stats.rejectedRequests++;
      return refuse('invalid-request', summarizeIssues(describeIssues(request.error)));
    }
    const { projectId, afterSeq } = request.data;
    const project = await options.storage.getProject(projectId);
    const { access } = socket.data as SocketData;
    // A project this caller may not follow answers exactly like one that does not exist (same code, same
    // message, same single read), so project ids cannot be probed; the code still tells the client whether a
    // backer code might help, which is true of both.
    if (!project || !canFollow(project, access)) return notOpen(projectId, access);
    // Join before reading, so an event stored meanwhile is either in the reply or broadcast to us (or both:
    // the client drops the duplicate by its sequence number). Never neither.
    await socket.join(roomOf(projectId));
    const latest = (await options.storage.latestSeq(projectId)) ?? 0;
    if (afterSeq !== undefined && afterSeq <= latest && latest - afterSeq <= options.maxResumeEvents) {
      const events = await options.storage.eventsAfter(projectId, afterSeq, options.maxResumeEvents);
      return { ok: true, kind: 'events', events };
    }
    const snapshot = await options.storage.snapshot(projectId, MILESTONES_KEPT);
    if (!snapshot) return refuse('not-found', `no project "${projectId}"`);
    return { ok: true, kind: 'snapshot', snapshot };
  }

  io.on('connection', (socket) => {
    const data = socket.data as SocketData;
    // Runs before any handler: floods are dropped (and a persistent flooder cut off), unknown events counted.
    socket.use(([name], next) => {
      if (!limiter.take(socket.id).ok) {
        stats.rateLimited++;
        if (++data.rateViolations >= options.maxRateViolations) {
          stats.disconnectedForFlooding++;
          options.log.warn('socket disconnected for flooding', { socket: socket.id });
          socket.disconnect(true);
        }
        return;
      }
      if (!knownEvents.has(String(name))) {
        stats.unknownEvents++;
        return;
      }
      next();
    });
    socket.on(SOCKET_EVENTS.subscribe, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        stats.rejectedRequests++;
        return;
      }
      const reply = ack as (reply: SubscribeReply) => void;
      subscribe(socket, payload).then(reply, (err: unknown) => {
        options.log.error('subscribe failed', { error: String(err) });
        reply(refuse('internal', 'the server could not read the project'));
      });
    });
    socket.on('disconnect', () => limiter.forget(socket.id));
  });

  return {
    stats,
    broadcast(event) {
      io.to(roomOf(event.projectId)).emit(SOCKET_EVENTS.event, event);
    },
  };
}

/** The one answer for a project that is missing or not open to this caller. */
function notOpen(projectId: string, access: Access): SubscribeReply {
  switch (access.kind) {
    case 'operator':
      return refuse('not-found', `no project "${projectId}"`);
    case 'anonymous':
      return refuse('unauthorized', `no project "${projectId}" is open without a backer code: sign in with one if you have it`);
    case 'backer':
      return refuse('forbidden', `this backer code opens no project "${projectId}"`);
  }
}

function refuse(code: ProtocolError['code'], message: string): SubscribeReply {
  return { ok: false, kind: 'error', error: { code, message } };
}
