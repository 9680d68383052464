// The socket side of the meet-ups, on the feed's socket.io server (whose handshake has already resolved who the
// caller is, and whose per-socket limit already counts every message). This file wires the concerns, one file
// each: joins and presence (meetup-presence.ts), reactions (meetup-reactions.ts), questions
// (meetup-questions.ts) and host actions (meetup-host-actions.ts), over what they share (gateway-context.ts).
import type { Server, Socket } from 'socket.io';
import { MEETUP_EVENTS, type ActionReply, type JoinReply } from '../../protocol/meetup';
import type { MeetupRecord } from '../storage/meetup-storage';
import { clientMeetup, createGatewayContext, failed, hostRoomOf, refusal, roomOf, type GatewayContext, type MeetupGatewayOptions, type MeetupGatewayStats } from './gateway-context';
import { createMeetupHostActions } from './meetup-host-actions';
import { createMeetupPresence } from './meetup-presence';
import { createMeetupQuestions } from './meetup-questions';
import { createMeetupReactions } from './meetup-reactions';
import { RoomPulse } from './room-pulse';

export { clientMeetup, roomOf, type MeetupGatewayOptions, type MeetupGatewayStats };

/** The events a client may send; the feed's gateway lets these through to us. */
export const MEETUP_CLIENT_EVENTS = [MEETUP_EVENTS.join, MEETUP_EVENTS.leave, MEETUP_EVENTS.react, MEETUP_EVENTS.ask, MEETUP_EVENTS.upvote, MEETUP_EVENTS.moderate];

export interface MeetupGateway {
  /** After a transition stored by the API: the room learns it (an ended meet-up's last reactions are flushed first). */
  stateChanged(meetup: MeetupRecord): Promise<void>;
  readonly stats: MeetupGatewayStats;
  close(): void;
}

export function attachMeetupGateway(io: Server, options: MeetupGatewayOptions): MeetupGateway {
  const ctx = createGatewayContext(io, options);
  const { limits, log } = options;
  const reactions = createMeetupReactions(ctx);
  const pulse = new RoomPulse({
    io,
    roomState: options.roomState,
    storage: options.storage,
    roomOf,
    hostRoomOf,
    reactionRate: (id) => reactions.aggregator.ratePerSecond(id),
    presenceIntervalMs: limits.presenceIntervalMs,
    hostStatsIntervalMs: limits.hostStatsIntervalMs,
    log,
  });
  const presence = createMeetupPresence(ctx, pulse);
  const questions = createMeetupQuestions(ctx);
  const host = createMeetupHostActions(ctx);

  io.on('connection', (socket) => {
    presence.recovered(socket);
    withAck<JoinReply>(ctx, socket, MEETUP_EVENTS.join, presence.join, refusal('internal', 'the server could not open the meet-up'));
    withAck<ActionReply>(ctx, socket, MEETUP_EVENTS.ask, questions.ask, failed('internal', 'the server could not take the question'));
    withAck<ActionReply>(ctx, socket, MEETUP_EVENTS.upvote, questions.upvote, failed('internal', 'the server could not count the vote'));
    withAck<ActionReply>(ctx, socket, MEETUP_EVENTS.moderate, host.moderate, failed('internal', 'the server could not change the question'));
    socket.on(MEETUP_EVENTS.react, (payload: unknown) => {
      reactions.react(socket, payload).catch((err: unknown) => log.error('react failed', { error: String(err) }));
    });
    socket.on(MEETUP_EVENTS.leave, (payload: unknown, ack: unknown) => presence.onLeave(socket, payload, ack));
    socket.on('disconnect', () => presence.disconnected(socket));
  });

  return {
    stats: ctx.stats,
    async stateChanged(meetup) {
      ctx.remember(meetup);
      if (meetup.state === 'ended') await reactions.aggregator.flushRoom(meetup.id);
      io.to(roomOf(meetup.id)).emit(MEETUP_EVENTS.state, clientMeetup(meetup, true));
    },
    close() {
      reactions.stop();
      pulse.close();
    },
  };
}

/** Runs a handler with an ack; a request without one is counted and dropped, a failure answers `internal`. */
function withAck<T>(ctx: GatewayContext, socket: Socket, event: string, handler: (socket: Socket, payload: unknown) => Promise<T>, internal: T) {
  socket.on(event, (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') {
      ctx.stats.invalidRequests++;
      return;
    }
    handler(socket, payload).then(
      (reply) => (ack as (reply: T) => void)(reply),
      (err: unknown) => {
        ctx.options.log.error(`${event} failed`, { error: String(err) });
        (ack as (reply: T) => void)(internal);
      },
    );
  });
}
