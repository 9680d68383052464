// Reactions and short messages inside a circle. Each request is validated, checked against the sender's own
// membership (from their join, then the stored member: a removed member is refused), and rate-limited per member
// (a reconnect does not refill the bucket). Reactions are relayed and forgotten; messages are kept, a short tail
// per circle (why: circle-message-storage.ts), so a late joiner sees the last few and a report can name one by
// id. A report goes to the host's sockets only; the host takes a message out for everyone, and may remove its
// sender with the existing `circle:manage` remove.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io';
import { describeIssues, summarizeIssues } from '../../protocol';
import {
  CIRCLE_CHAT_EVENTS,
  CIRCLE_MESSAGE_MAX_LENGTH,
  CIRCLE_PROTOCOL_VERSION,
  isCircleProtocolVersion,
  ReactRequest,
  RecentRequest,
  ReportRequest,
  SayRequest,
  UnsayRequest,
  circleTextLength,
  normalizeCircleText,
  type CircleActionReply,
  type CircleMessage,
  type CircleMessageRemoved,
  type CircleMessageReported,
  type CircleReacted,
  type CircleRecentReply,
  type CircleSayReply,
} from '../../protocol/circle';
import { RateLimiter } from '../rate-limiter';
import type { CircleMessageRecord } from '../storage/circle-storage';
import { Refused, circleRoomOf, circleSocketData, type CircleContext } from './circle-context';

export interface CircleMessages {
  react(socket: Socket, payload: unknown): Promise<CircleActionReply>;
  say(socket: Socket, payload: unknown): Promise<CircleSayReply>;
  recent(socket: Socket, payload: unknown): Promise<CircleRecentReply>;
  report(socket: Socket, payload: unknown): Promise<CircleActionReply>;
  unsay(socket: Socket, payload: unknown): Promise<CircleActionReply>;
}

export interface CircleMessageStats {
  reactions: number;
  messages: number;
  reports: number;
  removedMessages: number;
}

export function createCircleMessages(ctx: CircleContext, stats: CircleMessageStats): CircleMessages {
  const { storage, limits } = ctx.options;
  const says = new RateLimiter(limits.sayRateLimit);
  const reacts = new RateLimiter(limits.reactRateLimit);
  const reports = new RateLimiter(limits.reportRateLimit);

  /** Parses with the version checked first (an older client hears why), as create and join are. */
  function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] } }, payload: unknown, versioned: boolean): T {
    if (versioned && !isCircleProtocolVersion((payload as { v?: unknown } | null)?.v)) {
      throw new Refused('invalid', 'protocol-version', `this server speaks circle messages v${CIRCLE_PROTOCOL_VERSION}`);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Refused('invalid', 'invalid-request', summarizeIssues(describeIssues(parsed.error)));
    return parsed.data;
  }

  const take = (limiter: RateLimiter, circleId: string, memberId: string, message: string) => {
    if (limiter.take(`${circleId}:${memberId}`).ok) return;
    ctx.stats.rateLimited++;
    throw new Refused('flood', 'rate-limited', message);
  };

  /** The message as one member sees it: only the host is told it was reported. */
  const shown = (m: CircleMessageRecord, forHost: boolean): CircleMessage => ({
    id: m.id,
    circleId: m.circleId,
    memberId: m.memberId,
    name: m.name,
    at: m.at,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.phrase !== undefined ? { phrase: m.phrase } : {}),
    ...(forHost && m.reported ? { reported: true } : {}),
  });

  return {
    async react(socket, payload) {
      const { circleId, reaction } = parse(ReactRequest, payload, true);
      const { member } = await ctx.memberOf(socket, circleId);
      take(reacts, circleId, member.id, 'too many reactions: wait a moment');
      const reacted: CircleReacted = { circleId, memberId: member.id, reaction, at: ctx.now() };
      ctx.io.to(circleRoomOf(circleId)).emit(CIRCLE_CHAT_EVENTS.reacted, reacted);
      stats.reactions++;
      return { ok: true };
    },

    async say(socket, payload) {
      // Empty and too long are told apart from other bad input: the person typing sees which it was.
      const raw = (payload as { text?: unknown } | null)?.text;
      if (typeof raw === 'string') {
        const text = normalizeCircleText(raw);
        if (text.length === 0) throw new Refused('empty', 'invalid-request', 'the message is empty');
        if (circleTextLength(text) > CIRCLE_MESSAGE_MAX_LENGTH) throw new Refused('too-long', 'invalid-request', `a message has at most ${CIRCLE_MESSAGE_MAX_LENGTH} characters`);
      }
      const request = parse(SayRequest, payload, true);
      const { circle, member } = await ctx.memberOf(socket, request.circleId);
      take(says, circle.id, member.id, 'too many messages: wait a few seconds');
      const record: CircleMessageRecord = {
        circleId: circle.id,
        id: `g_${randomBytes(9).toString('base64url')}`,
        memberId: member.id,
        name: member.name,
        at: ctx.now(),
        ...('text' in request ? { text: request.text } : { phrase: request.phrase }),
        reported: false,
      };
      await storage.addMessage(record, limits.keptMessages);
      const message = shown(record, false);
      ctx.io.to(circleRoomOf(circle.id)).emit(CIRCLE_CHAT_EVENTS.message, message);
      stats.messages++;
      return { ok: true, message };
    },

    async recent(socket, payload) {
      const { circleId } = parse(RecentRequest, payload, false);
      const { circle, member } = await ctx.memberOf(socket, circleId);
      const forHost = member.id === circle.hostId;
      return { ok: true, messages: (await storage.recentMessages(circleId, limits.keptMessages)).map((m) => shown(m, forHost)) };
    },

    async report(socket, payload) {
      const { circleId, messageId } = parse(ReportRequest, payload, false);
      const { circle, member } = await ctx.memberOf(socket, circleId);
      take(reports, circleId, member.id, 'you reported several messages just now: wait a little');
      const message = await storage.getMessage(circleId, messageId);
      if (!message) throw new Refused('unknown-message', 'not-found', 'this circle has no such message (the host may have removed it)');
      if (message.memberId === member.id) throw new Refused('invalid', 'invalid-request', 'that is your own message');
      await storage.markReported(circleId, messageId);
      const reported: CircleMessageReported = { circleId, message: shown({ ...message, reported: true }, true), reportedBy: member.id, reporterName: member.name };
      // To the host wherever they are connected (any node); nobody else hears of it.
      for (const s of await ctx.io.in(circleRoomOf(circleId)).fetchSockets()) {
        if (circleSocketData(s as unknown as Socket).circle?.memberId === circle.hostId) s.emit(CIRCLE_CHAT_EVENTS.reported, reported);
      }
      stats.reports++;
      return { ok: true };
    },

    async unsay(socket, payload) {
      const { circleId, messageId } = parse(UnsayRequest, payload, false);
      const { circle, member } = await ctx.memberOf(socket, circleId);
      if (member.id !== circle.hostId) throw new Refused('not-host', 'forbidden', 'only the host can remove a message');
      if (!(await storage.deleteMessage(circleId, messageId))) throw new Refused('unknown-message', 'not-found', 'this circle has no such message (it may be removed already)');
      const removed: CircleMessageRemoved = { circleId, messageId };
      ctx.io.to(circleRoomOf(circleId)).emit(CIRCLE_CHAT_EVENTS.removed, removed);
      stats.removedMessages++;
      return { ok: true };
    },
  };
}
