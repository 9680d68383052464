// Reactions: each caller limited, counted into the room's window (never fanned out one by one), and the
// windows broadcast by the aggregator, to the other nodes too when they share the rooms.
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues, type ProtocolError } from '../../protocol';
import { MEETUP_EVENTS, ReactRequest } from '../../protocol/meetup';
import { RateLimiter } from '../rate-limiter';
import { roomOf, socketData, type GatewayContext } from './gateway-context';
import { ReactionAggregator } from './reaction-aggregator';
import { sumCounts } from './room-state';

/** Node → node (socket.io serverSideEmit): a room's window closed here, with its reaction count. */
const WINDOW_CLOSED_ELSEWHERE = 'meetup:window-closed';
/** A socket gets at most one `meetup:error` per this long: refusing a flood must not become a flood back. */
const ERROR_EVENT_INTERVAL_MS = 1000;

export interface MeetupReactions {
  readonly aggregator: ReactionAggregator;
  react(socket: Socket, payload: unknown): Promise<void>;
  stop(): void;
}

export function createMeetupReactions(ctx: GatewayContext): MeetupReactions {
  const { io, stats } = ctx;
  const { storage, roomState, limits, log } = ctx.options;
  const limiter = new RateLimiter(limits.reactRateLimit);

  const aggregator = new ReactionAggregator({
    roomState,
    storage,
    startedAtOf: async (id) => {
      const startedAt = (await ctx.meetupOf(id))?.startedAt;
      return startedAt ? Date.parse(startedAt) : undefined;
    },
    broadcast: (window) => {
      stats.windowsBroadcast++;
      io.to(roomOf(window.meetupId)).emit(MEETUP_EVENTS.reactions, window);
      if (ctx.options.nodesShareRooms) io.serverSideEmit(WINDOW_CLOSED_ELSEWHERE, window.meetupId, sumCounts(window.counts));
    },
    windowMs: limits.reactionWindowMs,
    rateSpanMs: limits.reactionRateSpanMs,
    log,
  });
  aggregator.start();
  if (ctx.options.nodesShareRooms) {
    io.on(WINDOW_CLOSED_ELSEWHERE, (meetupId: unknown, reactions: unknown) => {
      if (typeof meetupId === 'string' && typeof reactions === 'number' && Number.isFinite(reactions)) aggregator.recordWindow(meetupId, reactions);
    });
  }

  /** Tells a socket why its react was dropped, at most once a second. */
  function refuse(socket: Socket, meetupId: string | undefined, error: ProtocolError): void {
    stats.reactMessagesRefused++;
    const data = socketData(socket);
    const now = Date.now();
    if (data.lastErrorAt !== undefined && now - data.lastErrorAt < ERROR_EVENT_INTERVAL_MS) return;
    data.lastErrorAt = now;
    socket.emit(MEETUP_EVENTS.error, { ...(meetupId ? { meetupId } : {}), event: MEETUP_EVENTS.react, error });
  }

  return {
    aggregator,
    async react(socket, payload) {
      const request = ReactRequest.safeParse(payload);
      if (!request.success) {
        stats.invalidRequests++;
        return refuse(socket, undefined, { code: 'invalid-request', message: summarizeIssues(describeIssues(request.error)) });
      }
      const { meetupId, kind, count } = request.data;
      const data = socketData(socket);
      if (!data.meetups?.[meetupId]) return refuse(socket, meetupId, { code: 'forbidden', message: 'join the meet-up before reacting' });
      if (data.access.kind === 'anonymous') return refuse(socket, meetupId, { code: 'unauthorized', message: 'sign in to react' });
      if (!limiter.take(data.access.callerId).ok) {
        stats.rateLimited++;
        return refuse(socket, meetupId, { code: 'rate-limited', message: 'too many reactions; they are counted at most a few times a second' });
      }
      const meetup = await ctx.meetupOf(meetupId);
      if (meetup?.state !== 'live') return refuse(socket, meetupId, { code: 'invalid-request', message: 'reactions count only while the meet-up is live' });
      stats.reactionsAccepted += count;
      await roomState.addReactions(meetupId, kind, count);
      aggregator.nudge();
    },
    stop: () => aggregator.stop(),
  };
}
