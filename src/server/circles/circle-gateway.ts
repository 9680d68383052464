// The socket side of circles, on the feed's socket.io server (whose handshake has already resolved who the
// caller is, and whose per-socket limit already counts every message). This file wires the concerns, one file
// each: membership (circle-membership.ts), the shared playback (circle-playback.ts) and host actions with
// expiry (circle-host-actions.ts), over what they share (circle-context.ts); and it rate-limits every circle
// message, answering a flood with a reason instead of silence.
import type { Server, Socket } from 'socket.io';
import { CIRCLE_CHAT_EVENTS, CIRCLE_EVENTS, CIRCLE_PRESENCE_EVENTS, ClockRequest, type CircleActionReply, type CircleError, type CircleRecentReply, type CircleRefusal, type CircleReply, type CircleSayReply, type ClockReply } from '../../protocol/circle';
import { RateLimiter } from '../rate-limiter';
import { Refused, circleSocketData, createCircleContext, type CircleContext, type CircleGatewayOptions, type CircleGatewayStats } from './circle-context';
import { createCircleHostActions, startCircleExpiry } from './circle-host-actions';
import { createCircleMembership } from './circle-membership';
import { createCircleMessages, type CircleMessageStats } from './circle-messages';
import { createCircleMeetups } from './circle-meetups';
import { createCirclePlayback } from './circle-playback';
import { createCirclePresence } from './circle-presence';

export type { CircleGatewayOptions, CircleGatewayStats };

/** The events a client may send; the feed's gateway lets these through to us. */
export const CIRCLE_CLIENT_EVENTS = [
  CIRCLE_EVENTS.create,
  CIRCLE_EVENTS.join,
  CIRCLE_EVENTS.leave,
  CIRCLE_EVENTS.control,
  CIRCLE_EVENTS.buffering,
  CIRCLE_EVENTS.manage,
  CIRCLE_EVENTS.clock,
  CIRCLE_PRESENCE_EVENTS.look,
  CIRCLE_PRESENCE_EVENTS.point,
  CIRCLE_CHAT_EVENTS.react,
  CIRCLE_CHAT_EVENTS.say,
  CIRCLE_CHAT_EVENTS.recent,
  CIRCLE_CHAT_EVENTS.report,
  CIRCLE_CHAT_EVENTS.unsay,
];
const CLIENT_EVENTS = new Set<string>(CIRCLE_CLIENT_EVENTS);

export interface CircleGateway {
  readonly stats: CircleGatewayStats;
  /** Reactions and messages relayed, reports and removals (circle-messages.ts). */
  readonly messageStats: CircleMessageStats;
  /** A meet-up ended: the circles watching it go back to the tour, told why. Resolves with how many did. */
  meetupEnded(meetupId: string): Promise<number>;
  close(): void;
}

export function attachCircleGateway(io: Server, options: CircleGatewayOptions): CircleGateway {
  const ctx = createCircleContext(io, options);
  const { limits } = options;
  const meetups = createCircleMeetups(ctx);
  ctx.announceMeetupEntry = (circle) => meetups.announce(circle);
  const membership = createCircleMembership(ctx);
  const playback = createCirclePlayback(ctx, meetups);
  const host = createCircleHostActions(ctx, membership, playback);
  const presence = createCirclePresence(ctx);
  const messageStats: CircleMessageStats = { reactions: 0, messages: 0, reports: 0, removedMessages: 0 };
  const chat = createCircleMessages(ctx, messageStats);
  const messages = new RateLimiter(limits.messageRateLimit);
  const joins = new RateLimiter(limits.joinRateLimit);
  const stopExpiry = startCircleExpiry(ctx);

  io.on('connection', (socket) => {
    socket.use(([name, , ack], next) => {
      // Looks have their own bucket (circle-presence.ts): turning one's head never uses up play, pause and seek.
      if (!CLIENT_EVENTS.has(String(name)) || name === CIRCLE_PRESENCE_EVENTS.look) return next();
      const enters = name === CIRCLE_EVENTS.join || name === CIRCLE_EVENTS.create;
      if (messages.take(socket.id).ok && (!enters || joins.take(socket.handshake.address).ok)) return next();
      ctx.stats.rateLimited++;
      const flood = new Refused('flood', 'rate-limited', enters ? 'too many joins from here: wait a few seconds and try again' : 'too many circle messages: slow down');
      if (typeof ack === 'function') (ack as (reply: CircleRefusal) => void)(flood.toReply());
      else reportError(ctx, socket, String(name), flood);
    });
    withAck<CircleReply>(ctx, socket, CIRCLE_EVENTS.create, (s, p) => membership.create(s, p));
    withAck<CircleReply>(ctx, socket, CIRCLE_EVENTS.join, (s, p) => membership.join(s, p));
    withAck<CircleActionReply>(ctx, socket, CIRCLE_EVENTS.control, (s, p) => playback.control(s, p));
    withAck<CircleActionReply>(ctx, socket, CIRCLE_EVENTS.manage, (s, p) => host.manage(s, p));
    socket.on(CIRCLE_EVENTS.leave, (payload: unknown, ack: unknown) => {
      membership.leave(socket, payload).then(
        (reply) => (typeof ack === 'function' ? (ack as (r: CircleActionReply) => void)(reply) : undefined),
        (err: unknown) => (typeof ack === 'function' ? (ack as (r: CircleActionReply) => void)(failure(ctx, CIRCLE_EVENTS.leave, err)) : undefined),
      );
    });
    socket.on(CIRCLE_EVENTS.buffering, (payload: unknown) => {
      playback.buffering(socket, payload).catch((err: unknown) => {
        if (err instanceof Refused) reportError(ctx, socket, CIRCLE_EVENTS.buffering, err);
        else options.log.error('circle buffering failed', { error: String(err) });
      });
    });
    withAck<CircleActionReply>(ctx, socket, CIRCLE_PRESENCE_EVENTS.point, (s, p) => presence.point(s, p));
    withAck<CircleActionReply>(ctx, socket, CIRCLE_CHAT_EVENTS.react, (s, p) => chat.react(s, p));
    withAck<CircleSayReply>(ctx, socket, CIRCLE_CHAT_EVENTS.say, (s, p) => chat.say(s, p));
    withAck<CircleRecentReply>(ctx, socket, CIRCLE_CHAT_EVENTS.recent, (s, p) => chat.recent(s, p));
    withAck<CircleActionReply>(ctx, socket, CIRCLE_CHAT_EVENTS.report, (s, p) => chat.report(s, p));
    withAck<CircleActionReply>(ctx, socket, CIRCLE_CHAT_EVENTS.unsay, (s, p) => chat.unsay(s, p));
    socket.on(CIRCLE_PRESENCE_EVENTS.look, (payload: unknown) => {
      try {
        presence.look(socket, payload);
      } catch (err) {
        ctx.stats.refused++;
        if (err instanceof Refused) reportError(ctx, socket, CIRCLE_PRESENCE_EVENTS.look, err);
        else options.log.error('circle look failed', { error: String(err) });
      }
    });
    socket.on(CIRCLE_EVENTS.clock, (payload: unknown, ack: unknown) => {
      const request = ClockRequest.safeParse(payload);
      if (typeof ack !== 'function' || !request.success) return void ctx.stats.refused++;
      (ack as (reply: ClockReply) => void)({ t0: request.data.t0, serverTime: ctx.now() });
    });
    socket.on('disconnect', () => {
      messages.forget(socket.id);
      presence.forget(socket);
      membership.disconnected(socket).catch((err: unknown) => options.log.error('circle disconnect failed', { error: String(err) }));
    });
  });

  return {
    stats: ctx.stats,
    messageStats,
    meetupEnded: (meetupId) => meetups.ended(meetupId),
    close() {
      stopExpiry();
      playback.close();
    },
  };
}

/** Runs a handler with an ack; a request without one is counted and dropped; a refusal answers its reason. */
function withAck<T>(ctx: CircleContext, socket: Socket, event: string, handler: (socket: Socket, payload: unknown) => Promise<T>) {
  socket.on(event, (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return void ctx.stats.refused++;
    const reply = ack as (reply: T | CircleRefusal) => void;
    handler(socket, payload).then(reply, (err: unknown) => reply(failure(ctx, event, err)));
  });
}

function failure(ctx: CircleContext, event: string, err: unknown): CircleRefusal {
  ctx.stats.refused++;
  if (err instanceof Refused) return err.toReply();
  ctx.options.log.error(`${event} failed`, { error: String(err) });
  return { ok: false, reason: 'invalid', error: { code: 'internal', message: 'the server could not do that; try again' } };
}

/** A refused message without an ack: told to the socket, at most once a second. */
function reportError(ctx: CircleContext, socket: Socket, event: string, refused: Refused) {
  const data = circleSocketData(socket);
  const now = Date.now();
  if (data.lastCircleErrorAt !== undefined && now - data.lastCircleErrorAt < 1000) return;
  data.lastCircleErrorAt = now;
  const error: CircleError = { event, error: { code: refused.code, message: refused.message }, reason: refused.reason, ...(data.circle ? { circleId: data.circle.circleId } : {}) };
  socket.emit(CIRCLE_EVENTS.error, error);
}
