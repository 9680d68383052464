// The socket side of the feed: validates handshakes and subscriptions, replays what a client missed,
// and broadcasts each new event to the project's room.
import type { Server, Socket } from 'socket.io';
import {
  HandshakeAuth,
  MAX_RESUME_EVENTS,
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
import type { FeedStorage } from './storage/feed-storage';
import { RateLimiter, type RateLimit } from './rate-limiter';
import type { ServerLog } from './server-log';

export interface FeedGatewayOptions {
  storage: FeedStorage;
  log: ServerLog;
  subscribeRateLimit: RateLimit;
}

export interface FeedGateway {
  broadcast(event: FeedEvent): void;
  readonly stats: { rejectedHandshakes: number; rejectedRequests: number; unknownEvents: number };
}

const KNOWN_CLIENT_EVENTS = new Set<string>([SOCKET_EVENTS.subscribe]);
const roomOf = (projectId: string) => `project:${projectId}`;

export function attachFeedGateway(io: Server, options: FeedGatewayOptions): FeedGateway {
  const stats = { rejectedHandshakes: 0, rejectedRequests: 0, unknownEvents: 0 };
  const limiter = new RateLimiter(options.subscribeRateLimit);

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (auth.success) return next();
    stats.rejectedHandshakes++;
    const refusal: ProtocolError = {
      code: 'protocol-version',
      message: `this server speaks feed protocol v${PROTOCOL_VERSION}: ${summarizeIssues(describeIssues(auth.error))}`,
    };
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  });

  async function subscribe(socket: Socket, payload: unknown): Promise<SubscribeReply> {
    const request = SubscribeRequest.safeParse(payload);
    if (!request.success) {
      stats.rejectedRequests++;
      return refuse('invalid-request', summarizeIssues(describeIssues(request.error)));
    }
    const { projectId, afterSeq } = request.data;
    if (!limiter.take(socket.id).ok) return refuse('rate-limited', 'too many subscribe requests; slow down');
    const latest = await options.storage.latestSeq(projectId);
    if (latest === undefined) return refuse('not-found', `no project "${projectId}"`);
    // Join before reading, so an event stored meanwhile is either in the reply or broadcast to us (or both:
    // the client drops the duplicate by its sequence number). Never neither.
    await socket.join(roomOf(projectId));
    if (afterSeq !== undefined && afterSeq <= latest && latest - afterSeq <= MAX_RESUME_EVENTS) {
      const events = await options.storage.eventsAfter(projectId, afterSeq, MAX_RESUME_EVENTS);
      return { ok: true, kind: 'events', events };
    }
    const snapshot = await options.storage.snapshot(projectId, MILESTONES_KEPT);
    if (!snapshot) return refuse('not-found', `no project "${projectId}"`);
    return { ok: true, kind: 'snapshot', snapshot };
  }

  io.on('connection', (socket) => {
    socket.onAny((name: string) => {
      if (!KNOWN_CLIENT_EVENTS.has(name)) stats.unknownEvents++;
    });
    socket.on(SOCKET_EVENTS.subscribe, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        stats.rejectedRequests++;
        return;
      }
      subscribe(socket, payload).then(
        (reply) => (ack as (reply: SubscribeReply) => void)(reply),
        (err: unknown) => {
          options.log.error('subscribe failed', { error: String(err) });
          (ack as (reply: SubscribeReply) => void)(refuse('internal', 'the server could not read the project'));
        },
      );
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

function refuse(code: ProtocolError['code'], message: string): SubscribeReply {
  return { ok: false, kind: 'error', error: { code, message } };
}
