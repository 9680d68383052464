// The socket side of the meet-ups, on the feed's socket.io server (whose handshake has already resolved who the
// caller is, and whose per-socket limit already counts every message): joins with the tier checked here, presence,
// reactions into the room's window, questions with one vote per caller, moderation for hosts only.
import { randomBytes } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { describeIssues, summarizeIssues, type ProtocolError } from '../../protocol';
import {
  AskRequest,
  JoinRequest,
  MEETUP_EVENTS,
  ModerateRequest,
  ReactRequest,
  UpvoteRequest,
  type ActionReply,
  type JoinReply,
  type Meetup,
} from '../../protocol/meetup';
import type { Access } from '../access';
import { streamUrlOf } from '../live-hls/live-hls-routes';
import { RateLimiter } from '../rate-limiter';
import type { ServerLog } from '../server-log';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import { checkEntry } from './entry-check';
import type { MeetupLimits } from './meetup-limits';
import { ReactionAggregator } from './reaction-aggregator';
import { RoomPulse } from './room-pulse';
import { sumCounts, type MeetupRoomState } from './room-state';

/** The events a client may send; the feed's gateway lets these through to us. */
export const MEETUP_CLIENT_EVENTS = [MEETUP_EVENTS.join, MEETUP_EVENTS.leave, MEETUP_EVENTS.react, MEETUP_EVENTS.ask, MEETUP_EVENTS.upvote, MEETUP_EVENTS.moderate];

export interface MeetupGatewayOptions {
  storage: MeetupStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  roomState: MeetupRoomState;
  limits: MeetupLimits;
  /** Several nodes share the rooms (socket.io adapter + shared room state): tell the others of each window. */
  nodesShareRooms: boolean;
  log: ServerLog;
}

/** Node → node (socket.io serverSideEmit): a room's window closed here, with its reaction count. */
const WINDOW_CLOSED_ELSEWHERE = 'meetup:window-closed';

export interface MeetupGatewayStats {
  joins: number;
  refusedJoins: number;
  reactionsAccepted: number;
  /** React messages refused: malformed, not joined, not live, or over the caller's limit. */
  reactMessagesRefused: number;
  rateLimited: number;
  invalidRequests: number;
  forbiddenModerations: number;
  questionsAsked: number;
  windowsBroadcast: number;
}

export interface MeetupGateway {
  /** After a transition stored by the API: the room learns it (an ended meet-up's last reactions are flushed first). */
  stateChanged(meetup: MeetupRecord): Promise<void>;
  readonly stats: MeetupGatewayStats;
  close(): void;
}

type Role = 'audience' | 'host';
/** What this gateway keeps on each socket, beside the feed's `access`. */
interface MeetupSocketData {
  access: Access;
  meetups?: Record<string, Role>;
  lastErrorAt?: number;
}

export const roomOf = (meetupId: string) => `meetup:${meetupId}`;
const hostRoomOf = (meetupId: string) => `meetup-host:${meetupId}`;
/** How long a meet-up's state is trusted from memory before it is read again (another node may have changed it). */
const STATE_CACHE_MS = 1000;
/** A socket gets at most one `meetup:error` per this long: refusing a flood must not become a flood back. */
const ERROR_EVENT_INTERVAL_MS = 1000;

/** The meet-up as a client sees it; the stream path only for those let in. */
export function clientMeetup(record: MeetupRecord, withStream: boolean): Meetup {
  const { streamKey: _secret, ...meetup } = record;
  const streamUrl = withStream ? streamUrlOf(record) : undefined;
  return streamUrl ? { ...meetup, streamUrl } : meetup;
}

export function attachMeetupGateway(io: Server, options: MeetupGatewayOptions): MeetupGateway {
  const { storage, roomState, limits, log } = options;
  const stats: MeetupGatewayStats = { joins: 0, refusedJoins: 0, reactionsAccepted: 0, reactMessagesRefused: 0, rateLimited: 0, invalidRequests: 0, forbiddenModerations: 0, questionsAsked: 0, windowsBroadcast: 0 };
  const reactLimiter = new RateLimiter(limits.reactRateLimit);
  const askLimiter = new RateLimiter(limits.askRateLimit);
  const upvoteLimiter = new RateLimiter(limits.upvoteRateLimit);
  const cache = new Map<string, { record: MeetupRecord; readAt: number }>();

  async function meetupOf(meetupId: string): Promise<MeetupRecord | undefined> {
    const cached = cache.get(meetupId);
    if (cached && Date.now() - cached.readAt < STATE_CACHE_MS) return cached.record;
    const record = await storage.getMeetup(meetupId);
    if (record) cache.set(meetupId, { record, readAt: Date.now() });
    else cache.delete(meetupId);
    return record;
  }

  const aggregator = new ReactionAggregator({
    roomState,
    storage,
    startedAtOf: async (id) => {
      const startedAt = (await meetupOf(id))?.startedAt;
      return startedAt ? Date.parse(startedAt) : undefined;
    },
    broadcast: (window) => {
      stats.windowsBroadcast++;
      io.to(roomOf(window.meetupId)).emit(MEETUP_EVENTS.reactions, window);
      if (options.nodesShareRooms) io.serverSideEmit(WINDOW_CLOSED_ELSEWHERE, window.meetupId, sumCounts(window.counts));
    },
    windowMs: limits.reactionWindowMs,
    rateSpanMs: limits.reactionRateSpanMs,
    log,
  });
  aggregator.start();
  if (options.nodesShareRooms) {
    io.on(WINDOW_CLOSED_ELSEWHERE, (meetupId: unknown, reactions: unknown) => {
      if (typeof meetupId === 'string' && typeof reactions === 'number' && Number.isFinite(reactions)) aggregator.recordWindow(meetupId, reactions);
    });
  }

  const pulse = new RoomPulse({
    io,
    roomState,
    storage,
    roomOf,
    hostRoomOf,
    reactionRate: (id) => aggregator.ratePerSecond(id),
    presenceIntervalMs: limits.presenceIntervalMs,
    hostStatsIntervalMs: limits.hostStatsIntervalMs,
    log,
  });

  async function join(socket: Socket, payload: unknown): Promise<JoinReply> {
    const request = JoinRequest.safeParse(payload);
    if (!request.success) return (stats.invalidRequests++, refusal('invalid-request', summarizeIssues(describeIssues(request.error))));
    const { meetupId } = request.data;
    const data = socket.data as MeetupSocketData;
    const meetup = await storage.getMeetup(meetupId);
    const decision = meetup ? checkEntry(meetup, await options.projects.getProject(meetup.projectId), data.access) : undefined;
    if (!meetup || !decision) return (stats.refusedJoins++, refusal('not-found', `no meet-up "${meetupId}"`));
    if (!decision.ok) {
      stats.refusedJoins++;
      const { ok: _no, ...reason } = decision;
      return { ok: false, ...reason };
    }
    cache.set(meetupId, { record: meetup, readAt: Date.now() });
    // Gone while we read: its disconnect has already been handled, so counting it now would count it forever.
    if (socket.disconnected) return refusal('internal', 'the connection closed during the join');
    const { role } = decision;
    const already = data.meetups?.[meetupId];
    data.meetups = { ...data.meetups, [meetupId]: role };
    await socket.join(roomOf(meetupId));
    if (role === 'host') {
      await socket.join(hostRoomOf(meetupId));
      if (!already) pulse.hostJoined(meetupId);
    } else {
      await roomState.join(meetupId, socket.id);
      pulse.audienceChanged(meetupId);
    }
    stats.joins++;
    const [audience, totals, questions] = await Promise.all([roomState.audience(meetupId), storage.reactionTotals(meetupId), storage.questions(meetupId, role === 'host')]);
    return { ok: true, meetup: clientMeetup(meetup, true), audience, totals, questions: questions.slice(0, limits.maxQuestionsInReply), role };
  }

  async function leave(socket: Socket, meetupId: string): Promise<void> {
    const data = socket.data as MeetupSocketData;
    const role = data.meetups?.[meetupId];
    if (!role) return;
    delete data.meetups![meetupId];
    await socket.leave(roomOf(meetupId));
    if (role === 'host') {
      await socket.leave(hostRoomOf(meetupId));
      pulse.hostLeft(meetupId);
    } else {
      await roomState.leave(meetupId, socket.id);
      pulse.audienceChanged(meetupId);
    }
  }

  /** Tells a socket why its react was dropped, at most once a second. */
  function refuseReact(socket: Socket, meetupId: string | undefined, error: ProtocolError): void {
    stats.reactMessagesRefused++;
    const data = socket.data as MeetupSocketData;
    const now = Date.now();
    if (data.lastErrorAt !== undefined && now - data.lastErrorAt < ERROR_EVENT_INTERVAL_MS) return;
    data.lastErrorAt = now;
    socket.emit(MEETUP_EVENTS.error, { ...(meetupId ? { meetupId } : {}), event: MEETUP_EVENTS.react, error });
  }

  async function react(socket: Socket, payload: unknown): Promise<void> {
    const request = ReactRequest.safeParse(payload);
    if (!request.success) {
      stats.invalidRequests++;
      return refuseReact(socket, undefined, { code: 'invalid-request', message: summarizeIssues(describeIssues(request.error)) });
    }
    const { meetupId, kind, count } = request.data;
    const data = socket.data as MeetupSocketData;
    if (!data.meetups?.[meetupId]) return refuseReact(socket, meetupId, { code: 'forbidden', message: 'join the meet-up before reacting' });
    if (data.access.kind === 'anonymous') return refuseReact(socket, meetupId, { code: 'unauthorized', message: 'sign in to react' });
    if (!reactLimiter.take(data.access.callerId).ok) {
      stats.rateLimited++;
      return refuseReact(socket, meetupId, { code: 'rate-limited', message: 'too many reactions; they are counted at most a few times a second' });
    }
    const meetup = await meetupOf(meetupId);
    if (meetup?.state !== 'live') return refuseReact(socket, meetupId, { code: 'invalid-request', message: 'reactions count only while the meet-up is live' });
    stats.reactionsAccepted += count;
    await roomState.addReactions(meetupId, kind, count);
    aggregator.nudge();
  }

  /** The checks every question action shares: a valid request from a socket in the room. */
  function joinedCaller(socket: Socket, meetupId: string): { role: Role; callerId: string } | ActionReply {
    const data = socket.data as MeetupSocketData;
    const role = data.meetups?.[meetupId];
    if (!role || data.access.kind === 'anonymous') return failed('forbidden', 'join the meet-up first');
    return { role, callerId: data.access.callerId };
  }

  async function ask(socket: Socket, payload: unknown): Promise<ActionReply> {
    const request = AskRequest.safeParse(payload);
    if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
    const { meetupId, text, askedBy } = request.data;
    const caller = joinedCaller(socket, meetupId);
    if ('ok' in caller) return caller;
    if (!askLimiter.take(caller.callerId).ok) return (stats.rateLimited++, failed('rate-limited', 'one question at a time: wait a few seconds before asking again'));
    const meetup = await meetupOf(meetupId);
    if (!meetup || meetup.state === 'ended') return failed('invalid-request', 'this meet-up has ended; questions are closed');
    const question = await storage.addQuestion(meetupId, {
      id: randomBytes(9).toString('base64url'),
      text,
      ...(askedBy ? { askedBy } : {}),
      callerId: caller.callerId,
      askedAt: new Date().toISOString(),
    });
    stats.questionsAsked++;
    io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question });
    return { ok: true, question };
  }

  async function upvote(socket: Socket, payload: unknown): Promise<ActionReply> {
    const request = UpvoteRequest.safeParse(payload);
    if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
    const { meetupId, questionId } = request.data;
    const caller = joinedCaller(socket, meetupId);
    if ('ok' in caller) return caller;
    if (!upvoteLimiter.take(caller.callerId).ok) return (stats.rateLimited++, failed('rate-limited', 'too many votes; slow down'));
    const result = await storage.upvote(meetupId, questionId, caller.callerId);
    if (result.kind === 'not-found') return failed('not-found', 'no such question (it may have been dismissed)');
    if (result.kind === 'already-voted') return failed('invalid-request', 'you have already voted for this question');
    io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question: result.question });
    return { ok: true, question: result.question };
  }

  async function moderate(socket: Socket, payload: unknown): Promise<ActionReply> {
    const request = ModerateRequest.safeParse(payload);
    if (!request.success) return (stats.invalidRequests++, failed('invalid-request', summarizeIssues(describeIssues(request.error))));
    const { meetupId, questionId, action } = request.data;
    const data = socket.data as MeetupSocketData;
    // The role was decided at join from the token, never from anything the client says now.
    if (data.meetups?.[meetupId] !== 'host' || data.access.kind !== 'operator') {
      stats.forbiddenModerations++;
      log.warn('moderation refused: not a host', { meetupId, socket: socket.id });
      return failed('forbidden', 'only the host may moderate questions');
    }
    const result = await storage.moderate(meetupId, questionId, action);
    if (result.kind === 'not-found') return failed('not-found', 'no such question');
    for (const question of result.questions) io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.question, { meetupId, question });
    return { ok: true, question: result.questions[0] };
  }

  /** Runs a handler with an ack; a request without one is counted and dropped, a failure answers `internal`. */
  function withAck<T>(socket: Socket, event: string, handler: (socket: Socket, payload: unknown) => Promise<T>, internal: T) {
    socket.on(event, (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') {
        stats.invalidRequests++;
        return;
      }
      handler(socket, payload).then(
        (reply) => (ack as (reply: T) => void)(reply),
        (err: unknown) => {
          log.error(`${event} failed`, { error: String(err) });
          (ack as (reply: T) => void)(internal);
        },
      );
    });
  }

  io.on('connection', (socket) => {
    const data = socket.data as MeetupSocketData;
    // A socket socket.io recovered after a short drop is back in its rooms: count it in the audience again.
    if (socket.recovered && data.meetups) {
      for (const [meetupId, role] of Object.entries(data.meetups)) {
        if (role === 'audience') void roomState.join(meetupId, socket.id).then(() => pulse.audienceChanged(meetupId));
        else pulse.hostJoined(meetupId);
      }
    }
    withAck<JoinReply>(socket, MEETUP_EVENTS.join, join, refusal('internal', 'the server could not open the meet-up'));
    withAck<ActionReply>(socket, MEETUP_EVENTS.ask, ask, failed('internal', 'the server could not take the question'));
    withAck<ActionReply>(socket, MEETUP_EVENTS.upvote, upvote, failed('internal', 'the server could not count the vote'));
    withAck<ActionReply>(socket, MEETUP_EVENTS.moderate, moderate, failed('internal', 'the server could not change the question'));
    socket.on(MEETUP_EVENTS.react, (payload: unknown) => {
      react(socket, payload).catch((err: unknown) => log.error('react failed', { error: String(err) }));
    });
    socket.on(MEETUP_EVENTS.leave, (payload: unknown, ack: unknown) => {
      const request = JoinRequest.safeParse(payload);
      if (!request.success) {
        stats.invalidRequests++;
        if (typeof ack === 'function') (ack as (r: ActionReply) => void)(failed('invalid-request', summarizeIssues(describeIssues(request.error))));
        return;
      }
      void leave(socket, request.data.meetupId).then(() => {
        if (typeof ack === 'function') (ack as (r: ActionReply) => void)({ ok: true });
      });
    });
    socket.on('disconnect', () => {
      for (const meetupId of Object.keys(data.meetups ?? {})) {
        const role = data.meetups![meetupId];
        if (role === 'audience') void roomState.leave(meetupId, socket.id).then(() => pulse.audienceChanged(meetupId));
        else pulse.hostLeft(meetupId);
      }
    });
  });

  return {
    stats,
    async stateChanged(meetup) {
      cache.set(meetup.id, { record: meetup, readAt: Date.now() });
      if (meetup.state === 'ended') await aggregator.flushRoom(meetup.id);
      io.to(roomOf(meetup.id)).emit(MEETUP_EVENTS.state, clientMeetup(meetup, true));
    },
    close() {
      aggregator.stop();
      pulse.close();
    },
  };
}

function refusal(code: ProtocolError['code'], message: string): JoinReply {
  return { ok: false, error: { code, message } };
}

function failed(code: ProtocolError['code'], message: string): ActionReply {
  return { ok: false, error: { code, message } };
}
