// The meet-up client: one socket to the server's meet-up rooms. Joins (the server decides who may enter and
// says why not), follows presence, reaction windows, questions and the record's state, sends reactions
// coalesced per frame, and writes all of it to the store's meetup slice. Views never touch the socket.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SHARED_SOCKET_OPTIONS } from '../feed/socket-options';
import { PROTOCOL_VERSION, ProtocolError as ProtocolErrorSchema, type HandshakeAuth, type ProtocolError } from '../protocol';
import {
  ActionReply,
  AskRequest,
  JoinReply,
  MEETUP_EVENTS,
  type Meetup,
  type Question,
  type ReactRequest,
  type ReactionKind,
  type ReactionWindow,
} from '../protocol/meetup';
import { patchMeetup, type AppStore } from '../store/app-store';
import { consoleLogger, type Logger } from '../feed/logger';
import { scheduleNextFrame, type ScheduleFrame } from '../feed/frame-scheduler';
import { initialMeetupRoom, type MeetupRoom, type ReactionCounts, type TimelinePoint } from './meetup-room';
import { applyQuestion, boardFrom, endedBoard, type BoardState } from './question-board';
import { ReactionCoalescer } from './reaction-coalescer';
import { MeetupApi } from './meetup-api';
import { StreamPassKeeper } from './stream-pass';
import { RoomErrorMessage, RoomHostStatsMessage, RoomPresenceMessage, RoomQuestionMessage, RoomReactionsMessage, RoomStateMessage, check } from './room-messages';

export interface MeetupClientOptions {
  /** Server origin; '' or omitted means the page's own origin. */
  url?: string;
  store: AppStore;
  /** Read at every (re)connect, so a sign-in elsewhere on the page takes effect on the next join. */
  token: () => string | undefined;
  logger?: Logger;
  scheduleFrame?: ScheduleFrame;
  /** How long to wait for the server to answer a join, an ask or a vote. */
  replyTimeoutMs?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

export type ActionOutcome = { ok: true; question?: Question } | { ok: false; error: ProtocolError };

/** Counters for tests and the stats overlay; not UI state. */
export interface MeetupClientStats {
  joins: number;
  rejected: number;
  windows: number;
}

/** Enough windows for an hour at the server's 250 ms: the timeline never grows without bound. */
const TIMELINE_KEPT = 14_400;

export class MeetupClient {
  readonly stats: MeetupClientStats = { joins: 0, rejected: 0, windows: 0 };
  readonly reactions: ReactionCoalescer;
  private readonly socket: Socket;
  private readonly logger: Logger;
  private readonly replyTimeoutMs: number;
  private readonly store: AppStore;
  private windowSeq = 0;
  private joinTimer: ReturnType<typeof setTimeout> | undefined;
  /** The stage's stream opens with a stream pass; the store gets the stream path once the pass is in. */
  private readonly streamPass: StreamPassKeeper;

  constructor(options: MeetupClientOptions) {
    this.store = options.store;
    this.logger = options.logger ?? consoleLogger;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 8_000;
    this.reactions = new ReactionCoalescer({
      send: (request) => this.sendReactions(request),
      scheduleFrame: options.scheduleFrame ?? scheduleNextFrame,
    });
    this.streamPass = new StreamPassKeeper({
      api: new MeetupApi(options.url ?? ''),
      token: options.token,
      onPass: (meetupId, streamUrl) => {
        const meetup = this.room.meetup;
        if (this.isCurrent(meetupId) && meetup) patchMeetup(this.store, { meetup: { ...meetup, streamUrl } });
      },
      onRefused: (meetupId, failure) => {
        if (!this.isCurrent(meetupId)) return;
        const code = failure.status === 401 ? 'unauthorized' : failure.status === 403 ? 'forbidden' : failure.status === 404 ? 'not-found' : 'internal';
        patchMeetup(this.store, { phase: 'refused', refusal: { code, message: failure.message, ...(failure.requiredTier ? { requiredTier: failure.requiredTier } : {}) } });
      },
    });
    this.socket = io(options.url ?? '', {
      autoConnect: false,
      // Its own connection: the feed's socket belongs to the feed client, and a meet-up closes with its page.
      forceNew: true,
      // The token travels in the handshake body (read afresh on each connect), never in a URL.
      auth: (callback) => callback(this.handshake(options.token())),
      ...SHARED_SOCKET_OPTIONS,
      ...options.socketOptions,
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', () => this.onDisconnect());
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => this.onConnectError(err));
    this.socket.on(MEETUP_EVENTS.state, (payload: unknown) => this.onState(payload));
    this.socket.on(MEETUP_EVENTS.presence, (payload: unknown) => this.onPresence(payload));
    this.socket.on(MEETUP_EVENTS.reactions, (payload: unknown) => this.onReactions(payload));
    this.socket.on(MEETUP_EVENTS.question, (payload: unknown) => this.onQuestion(payload));
    this.socket.on(MEETUP_EVENTS.error, (payload: unknown) => this.onRefusedMessage(payload));
    this.socket.on(MEETUP_EVENTS.hostStats, (payload: unknown) => this.onHostStats(payload));
  }

  private get room(): MeetupRoom {
    return this.store.getState().meetup;
  }

  /** Enters a meet-up's room (leaving any other). The outcome lands in the store: joined or refused. */
  join(meetupId: string): void {
    if (this.room.meetupId && this.room.meetupId !== meetupId) this.leave();
    const reminder = this.room.reminder;
    patchMeetup(this.store, { ...initialMeetupRoom(), reminder, meetupId, phase: this.socket.connected ? 'joining' : 'connecting' });
    if (this.socket.connected) this.sendJoin();
    else this.socket.connect();
  }

  /** Leaves the room and closes the connection; the store forgets the meet-up (the reminder stays). */
  leave(): void {
    const meetupId = this.room.meetupId;
    clearTimeout(this.joinTimer);
    this.reactions.clear();
    this.streamPass.stop();
    if (meetupId && this.socket.connected) this.socket.emit(MEETUP_EVENTS.leave, { meetupId });
    this.socket.disconnect();
    patchMeetup(this.store, { ...initialMeetupRoom(), reminder: this.room.reminder });
  }

  /** After a sign-in: connects again with the new token and tries the same meet-up again. */
  retryWithNewToken(): void {
    const meetupId = this.room.meetupId;
    this.socket.disconnect();
    if (meetupId) this.join(meetupId);
  }

  /** A tap on a reaction: counted now, sent with the frame's other taps. Ignored outside a live room. */
  react(kind: ReactionKind, count = 1): boolean {
    const { meetupId, phase, meetup } = this.room;
    if (!meetupId || phase !== 'joined' || meetup?.state !== 'live') return false;
    this.reactions.tap(meetupId, kind, count);
    return true;
  }

  /** Asks a question. Checked here first (length, blank) so the person learns at once what is wrong. */
  async ask(text: string, askedBy?: string): Promise<ActionOutcome> {
    const meetupId = this.room.meetupId;
    if (!meetupId) return this.actionFailed({ code: 'invalid-request', message: 'no meet-up is open' });
    const request = check(AskRequest, { meetupId, text, ...(askedBy?.trim() ? { askedBy } : {}) });
    if (!request.ok) return this.actionFailed({ code: 'invalid-request', message: request.reason });
    return this.action(MEETUP_EVENTS.ask, request.value);
  }

  upvote(questionId: string): Promise<ActionOutcome> {
    return this.action(MEETUP_EVENTS.upvote, { meetupId: this.room.meetupId, questionId });
  }

  /** Host only: the server refuses it from an audience socket. */
  moderate(questionId: string, action: 'spotlight' | 'answered' | 'dismiss'): Promise<ActionOutcome> {
    return this.action(MEETUP_EVENTS.moderate, { meetupId: this.room.meetupId, questionId, action });
  }

  /** Called by the live-stream probe (part of this service): how far behind live the picture is. */
  reportLivePosition(live: MeetupRoom['live']): void {
    patchMeetup(this.store, { live });
  }

  /** Called by the start reminder: the "add to my TV" reminder's state. */
  reportReminder(reminder: MeetupRoom['reminder']): void {
    patchMeetup(this.store, { reminder });
  }

  dispose(): void {
    this.leave();
    this.socket.removeAllListeners();
    this.socket.io.removeAllListeners();
  }

  private handshake(token: string | undefined): HandshakeAuth {
    return { v: PROTOCOL_VERSION, ...(token ? { token } : {}) };
  }

  private onConnect(): void {
    // Rooms do not survive a reconnect: join again, and take the server's current state as the truth.
    if (this.room.meetupId && this.room.phase !== 'refused') this.sendJoin();
  }

  private onDisconnect(): void {
    clearTimeout(this.joinTimer);
    if (this.room.phase === 'joined' || this.room.phase === 'joining') patchMeetup(this.store, { phase: 'reconnecting', live: null });
  }

  private onConnectError(err: Error & { data?: unknown }): void {
    const refusal = ProtocolErrorSchema.safeParse(err.data);
    if (refusal.success) {
      // The server refused the handshake itself (a token it does not know, another protocol version): retrying
      // will not help, so say why, the way a refused join does.
      patchMeetup(this.store, { phase: 'refused', refusal: { code: refusal.data.code, message: refusal.data.message } });
      return;
    }
    this.logger.info('meetup: cannot reach the server, retrying', { reason: err.message });
    if (this.room.meetupId && this.room.phase !== 'refused') patchMeetup(this.store, { phase: this.room.phase === 'connecting' ? 'connecting' : 'reconnecting' });
  }

  private sendJoin(): void {
    const meetupId = this.room.meetupId;
    if (!meetupId) return;
    clearTimeout(this.joinTimer);
    patchMeetup(this.store, { phase: 'joining' });
    this.stats.joins++;
    this.socket.timeout(this.replyTimeoutMs).emit(MEETUP_EVENTS.join, { meetupId }, (err: Error | null, payload: unknown) => {
      if (this.room.meetupId !== meetupId) return; // left or moved on meanwhile
      if (err) {
        this.logger.warn('meetup: no answer to join, trying again', { meetupId });
        this.joinTimer = setTimeout(() => this.socket.connected && this.sendJoin(), 1_000);
        return;
      }
      this.onJoinReply(meetupId, payload);
    });
  }

  private onJoinReply(meetupId: string, payload: unknown): void {
    const reply = check(JoinReply, payload);
    if (!reply.ok) {
      this.reject('an invalid join reply', reply.reason);
      patchMeetup(this.store, { phase: 'refused', refusal: { code: 'internal', message: `the server's answer could not be read (${reply.reason})` } });
      return;
    }
    const answer = reply.value;
    if (!answer.ok) {
      const { error, requiredTier, yourTier } = answer;
      patchMeetup(this.store, {
        phase: 'refused',
        refusal: { code: error.code, message: error.message, ...(requiredTier ? { requiredTier } : {}), ...(yourTier ? { yourTier } : {}) },
      });
      return;
    }
    if (answer.meetup.id !== meetupId) return this.reject('a join reply for another meet-up', answer.meetup.id);
    const board = boardOf(answer.meetup, boardFrom(answer.questions));
    patchMeetup(this.store, {
      phase: 'joined',
      refusal: null,
      meetup: this.streamPass.hold(answer.meetup),
      role: answer.role,
      audience: answer.audience,
      totals: answer.totals,
      questions: board.questions,
      spotlight: board.spotlight,
      actionError: null,
    });
  }

  private onState(payload: unknown): void {
    const message = check(RoomStateMessage, payload);
    if (!message.ok) return this.reject('an invalid meet-up state', message.reason);
    if (!this.isCurrent(message.value.id)) return;
    const before = this.room.meetup;
    // States only move forward; a late, older record must not take a live meet-up back to scheduled.
    if (before && order(message.value) < order(before)) return this.reject('a meet-up state that goes backwards', `${before.state} → ${message.value.state}`);
    const board = boardOf(message.value, { questions: this.room.questions, spotlight: this.room.spotlight });
    patchMeetup(this.store, { meetup: this.streamPass.hold(message.value), ...board, ...(message.value.state === 'live' ? {} : { live: null }) });
  }

  private onPresence(payload: unknown): void {
    const message = check(RoomPresenceMessage, payload);
    if (!message.ok) return this.reject('an invalid presence count', message.reason);
    if (!this.isCurrent(message.value.meetupId)) return;
    patchMeetup(this.store, { audience: message.value.audience });
  }

  private onReactions(payload: unknown): void {
    const message = check(RoomReactionsMessage, payload);
    if (!message.ok) return this.reject('an invalid reactions window', message.reason);
    const window: ReactionWindow = message.value;
    if (!this.isCurrent(window.meetupId)) return;
    this.stats.windows++;
    const point: TimelinePoint = { at: window.at, total: sum(window.counts) };
    const timeline = this.room.timeline.length >= TIMELINE_KEPT ? [...this.room.timeline.slice(1), point] : [...this.room.timeline, point];
    patchMeetup(this.store, { totals: window.totals, lastWindow: { seq: ++this.windowSeq, counts: window.counts }, timeline });
  }

  private onQuestion(payload: unknown): void {
    const message = check(RoomQuestionMessage, payload);
    if (!message.ok) return this.reject('an invalid question', message.reason);
    const meetupId = 'question' in message.value ? message.value.meetupId : this.room.meetupId;
    const question = 'question' in message.value ? message.value.question : message.value;
    if (!meetupId || !this.isCurrent(meetupId)) return;
    const board = applyQuestion({ questions: this.room.questions, spotlight: this.room.spotlight }, question);
    patchMeetup(this.store, this.room.meetup ? boardOf(this.room.meetup, board) : board);
  }

  private onHostStats(payload: unknown): void {
    const message = check(RoomHostStatsMessage, payload);
    if (!message.ok) return this.reject('invalid host stats', message.reason);
    if (!this.isCurrent(message.value.meetupId)) return;
    patchMeetup(this.store, { hostStats: message.value, audience: message.value.audience });
  }

  /** A message without an ack (a react) was refused, e.g. rate-limited or the meet-up is not live. */
  private onRefusedMessage(payload: unknown): void {
    const message = check(RoomErrorMessage, payload);
    if (!message.ok) return this.reject('an invalid error message', message.reason);
    this.logger.warn('meetup: the server refused a message', { event: message.value.event, code: message.value.error.code });
    patchMeetup(this.store, { actionError: message.value.error });
  }

  private sendReactions(request: ReactRequest): void {
    if (this.socket.connected) this.socket.emit(MEETUP_EVENTS.react, request);
  }

  private action(event: string, request: unknown): Promise<ActionOutcome> {
    if (!this.socket.connected || this.room.phase !== 'joined') {
      return Promise.resolve(this.actionFailed({ code: 'unauthorized', message: 'not in the meet-up room (yet)' }));
    }
    return new Promise((resolve) => {
      this.socket.timeout(this.replyTimeoutMs).emit(event, request, (err: Error | null, payload: unknown) => {
        if (err) return resolve(this.actionFailed({ code: 'internal', message: 'the server did not answer in time' }));
        const reply = check(ActionReply, payload);
        if (!reply.ok) {
          this.reject('an invalid action reply', reply.reason);
          return resolve(this.actionFailed({ code: 'internal', message: `the server's answer could not be read (${reply.reason})` }));
        }
        if (!reply.value.ok) return resolve(this.actionFailed(reply.value.error));
        if (reply.value.question) patchMeetup(this.store, applyQuestion({ questions: this.room.questions, spotlight: this.room.spotlight }, reply.value.question));
        patchMeetup(this.store, { actionError: null });
        resolve(reply.value.question ? { ok: true, question: reply.value.question } : { ok: true });
      });
    });
  }

  private actionFailed(error: ProtocolError): ActionOutcome {
    patchMeetup(this.store, { actionError: error });
    return { ok: false, error };
  }

  private isCurrent(meetupId: string): boolean {
    return this.room.meetupId === meetupId && (this.room.phase === 'joined' || this.room.phase === 'reconnecting');
  }

  private reject(what: string, reason: string): void {
    this.stats.rejected++;
    this.logger.warn(`meetup: rejected ${what}`, { reason });
  }
}

const STATE_ORDER: Record<Meetup['state'], number> = { scheduled: 0, live: 1, ended: 2 };
const order = (meetup: Meetup) => STATE_ORDER[meetup.state];
/** An ended meet-up has nobody answering now: its board keeps no spotlight (a late note included). */
const boardOf = (meetup: Meetup, board: BoardState): BoardState => (meetup.state === 'ended' ? endedBoard(board) : board);
const sum = (counts: ReactionCounts) => Object.values(counts).reduce((total, n) => total + (n ?? 0), 0);
