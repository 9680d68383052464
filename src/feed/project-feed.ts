// The feed client: keeps one project's state current over socket.io, exactly once and in order, across
// reconnects and server restarts, and writes it to the store (at most once per frame).
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SHARED_SOCKET_OPTIONS } from './socket-options';
import {
  FEED_EVENT_TYPES,
  FeedEvent,
  FeedEventEnvelope,
  PROTOCOL_VERSION,
  SOCKET_EVENTS,
  SubscribeReply,
  describeIssues,
  summarizeIssues,
  type HandshakeAuth,
  type SubscribeRequest,
} from '../protocol';
import { patchFeed, type AppStore, type ConnectionStatus } from '../store/app-store';
import { MILESTONES_KEPT, applyEvent, fromSnapshot, judgeSequence, skipEvent, type ProjectData } from '../protocol/project-state';
import { consoleLogger, type Logger } from './logger';
import { scheduleNextFrame, type ScheduleFrame } from './frame-scheduler';
import { FeedEmitter } from './feed-events';
import type { SnapshotCache } from './snapshot-cache';

export interface ProjectFeedOptions {
  /** Server origin; '' or omitted means the page's own origin. */
  url?: string;
  projectId: string;
  store: AppStore;
  /** Backer token, sent in the handshake body, never in a URL. */
  token?: string;
  logger?: Logger;
  /** Where the last known state is kept for offline starts. */
  cache?: SnapshotCache;
  scheduleFrame?: ScheduleFrame;
  /** How many milestones to hold (the store's timeline). */
  milestonesKept?: number;
  /** How long to wait for the server to answer a subscribe before trying again. */
  subscribeTimeoutMs?: number;
  /** How long reconnecting may last before the page says it is offline. */
  offlineAfterMs?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Counters for tests, the stats overlay and benchmarks; not UI state, so not in the store. */
export interface FeedStats {
  applied: number;
  duplicates: number;
  gaps: number;
  rejected: number;
  unknownTypes: number;
  resyncs: number;
  recoveries: number;
  storeWrites: number;
}

const KNOWN_TYPES = new Set<string>(FEED_EVENT_TYPES);
const MAX_RETRY_DELAY_MS = 30_000;

export class ProjectFeed extends FeedEmitter {
  readonly stats: FeedStats = { applied: 0, duplicates: 0, gaps: 0, rejected: 0, unknownTypes: 0, resyncs: 0, recoveries: 0, storeWrites: 0 };
  private readonly socket: Socket;
  private readonly logger: Logger;
  private readonly scheduleFrame: ScheduleFrame;
  private readonly milestonesKept: number;
  /** The newest applied state; the store catches up to it on the next frame. */
  private working: ProjectData | null;
  private flushScheduled = false;
  /** Live events that arrive while a resync is in flight, applied after it. */
  private heldDuringSync: FeedEventEnvelope[] = [];
  private syncing = false;
  /** While a resync reply is being applied: a hole there is reported once, after it, not per event. */
  private replaying = false;
  private stopped = true;
  /**
   * Whether the connection was lost (the network, the server) since the feed was last live: the next resync then
   * follows an outage, and the page may say "back online". A reconnect of the client's own making (a sign-in) is
   * not one.
   */
  private outage = false;
  private retryDelayMs = 1_000;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ProjectFeedOptions) {
    super();
    this.logger = options.logger ?? consoleLogger;
    this.scheduleFrame = options.scheduleFrame ?? scheduleNextFrame;
    this.milestonesKept = options.milestonesKept ?? MILESTONES_KEPT;
    this.working = options.store.getState().feed.data;
    if (!this.working) this.restoreFromCache();
    this.socket = io(options.url ?? '', {
      autoConnect: false,
      auth: this.handshake(options.token),
      // Backoff with jitter so a restarted server is not hit by every client in the same instant; transports.
      ...SHARED_SOCKET_OPTIONS,
      ...options.socketOptions,
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => this.onConnectError(err));
    this.socket.io.on('reconnect_attempt', (attempt) => this.onReconnectAttempt(attempt));
    this.socket.on(SOCKET_EVENTS.event, (payload: unknown) => this.onEvent(payload));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('online', this.onBrowserOnline);
      if (navigator.onLine === false) this.setStatus('offline');
    }
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.offlineTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.socket.disconnect();
    this.saveNow();
  }

  /**
   * Sends a message of another capability over the feed's socket (attention reports), only while connected: false
   * when it could not go. Not queued: such messages are worth nothing late.
   */
  sendNow(event: string, payload: unknown): boolean {
    if (!this.socket.connected) return false;
    this.socket.emit(event, payload);
    return true;
  }

  /** Signs in with another backer token (or none): reconnects with it. */
  setToken(token: string | undefined): void {
    this.socket.auth = this.handshake(token);
    patchFeed(this.options.store, { error: null });
    // Signing in before the page started the feed (the desktop tour starts it after its first frame) starts it.
    if (this.stopped) return this.start();
    this.socket.disconnect();
    this.socket.connect();
  }

  private handshake(token: string | undefined): HandshakeAuth {
    return { v: PROTOCOL_VERSION, ...(token ? { token } : {}) };
  }

  private restoreFromCache(): void {
    const cached = this.options.cache?.load(this.options.projectId);
    if (!cached) return;
    this.working = cached.data;
    patchFeed(this.options.store, { data: cached.data, cachedAt: cached.savedAt });
  }

  private onConnect(): void {
    clearTimeout(this.offlineTimer);
    // socket.io replayed what this socket missed during a short drop (rooms included): nothing to ask for.
    // A gap it could not cover still shows up as a hole in the sequence on the next event.
    if (this.socket.recovered && this.working) {
      this.stats.recoveries++;
      this.markLive('recovered', 0, this.outage);
      return;
    }
    void this.resync('connect');
  }

  private onEvent(payload: unknown): void {
    const envelope = FeedEventEnvelope.safeParse(payload);
    if (!envelope.success) return this.reject('an invalid event', summarizeIssues(describeIssues(envelope.error)));
    if (envelope.data.projectId !== this.options.projectId) return this.reject('an event for another project', envelope.data.projectId);
    if (this.syncing || !this.working) {
      this.heldDuringSync.push(envelope.data);
      return;
    }
    this.applyInOrder(envelope.data);
  }

  private reject(what: string, reason: string): void {
    this.stats.rejected++;
    this.logger.warn(`feed: rejected ${what}`, { reason });
    this.emit('rejected', { reason });
  }

  /** Applies an event if it is the next one; on a hole, asks the server for what is missing. */
  private applyInOrder(envelope: FeedEventEnvelope): void {
    if (!this.working) return;
    const verdict = judgeSequence(this.working.seq, envelope.seq);
    if (verdict === 'duplicate') {
      this.stats.duplicates++;
      return;
    }
    if (verdict === 'gap') {
      this.stats.gaps++;
      if (this.replaying) return;
      this.logger.info('feed: gap in sequence, resyncing', { have: this.working.seq, got: envelope.seq });
      void this.resync('gap');
      return;
    }
    if (!KNOWN_TYPES.has(envelope.type)) {
      // A newer server's event type: keep the order, change nothing.
      this.stats.unknownTypes++;
      this.working = skipEvent(this.working, envelope);
      return;
    }
    const event = FeedEvent.safeParse(envelope);
    if (!event.success) return this.reject('an invalid event', summarizeIssues(describeIssues(event.error)));
    this.working = applyEvent(this.working, event.data, this.milestonesKept);
    this.stats.applied++;
    this.emit('applied', event.data);
    this.scheduleFlush();
  }

  /** Catches up from the last applied sequence (or a snapshot) after a connect or a gap. */
  private async resync(cause: 'connect' | 'gap' | 'retry'): Promise<void> {
    if (this.syncing || this.stopped || !this.socket.connected) return;
    this.syncing = true;
    this.stats.resyncs++;
    const request: SubscribeRequest = { projectId: this.options.projectId, ...(this.working ? { afterSeq: this.working.seq } : {}) };
    let raw: unknown;
    try {
      raw = await this.socket.timeout(this.options.subscribeTimeoutMs ?? 10_000).emitWithAck(SOCKET_EVENTS.subscribe, request);
    } catch {
      return this.retryLater('no answer to subscribe', cause);
    }
    const reply = SubscribeReply.safeParse(raw);
    if (!reply.success) {
      this.reject('an invalid subscribe reply', summarizeIssues(describeIssues(reply.error)));
      return this.retryLater('invalid subscribe reply', cause);
    }
    const answer = reply.data;
    if (!answer.ok) {
      this.syncing = false;
      this.logger.error('feed: the server refused the subscription', { code: answer.error.code, message: answer.error.message });
      patchFeed(this.options.store, { error: answer.error });
      // The badge stops on what is true: the server answered, and this page follows nothing until a code opens it.
      this.setStatus('refused');
      return;
    }
    if (answer.kind === 'snapshot') {
      this.working = fromSnapshot(answer.snapshot, this.milestonesKept);
    }
    // Replayed and held events go through the same ordering as live ones.
    const pending = answer.kind === 'events' ? [...answer.events, ...this.heldDuringSync] : this.heldDuringSync;
    this.heldDuringSync = [];
    this.replaying = true;
    for (const envelope of pending) this.applyInOrder(envelope);
    this.replaying = false;
    this.syncing = false;
    const lastReplayed = answer.kind === 'events' ? answer.events.at(-1)?.seq : undefined;
    if (lastReplayed !== undefined && this.working && this.working.seq < lastReplayed) {
      // The server's own reply holds an event this client cannot apply: asking again at once would loop.
      return this.retryLater('could not apply the replayed events', cause);
    }
    // A live event held during the sync can lie beyond the reply, past a hole (with several nodes, broadcasts of
    // posts made through different nodes race each other). Its hole was not reported while replaying, and no later
    // event may come to reveal it, so ask again (the server has stored all it broadcast; after a delay, so a server
    // that keeps sending a sequence it cannot back up does not make this a loop).
    const lastHeld = Math.max(...pending.map((envelope) => envelope.seq));
    if (this.working && this.working.seq < lastHeld) return this.retryLater(`a hole before held event ${lastHeld}`, cause);
    this.retryDelayMs = 1_000;
    this.markLive(answer.kind, answer.kind === 'events' ? answer.events.length : answer.snapshot.milestones.length, this.outage);
    this.scheduleFlush();
  }

  private retryLater(why: string, cause: string): void {
    this.syncing = false;
    this.logger.warn(`feed: ${why}, retrying`, { cause, inMs: this.retryDelayMs });
    setTimeout(() => void this.resync('retry'), this.retryDelayMs);
    this.retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, this.retryDelayMs * 2);
  }

  private markLive(kind: 'events' | 'snapshot' | 'recovered', count: number, afterOutage: boolean): void {
    patchFeed(this.options.store, {
      status: 'live',
      since: Date.now(),
      attempt: 0,
      error: null,
      cachedAt: null,
      lastResync: { at: Date.now(), kind, count, afterOutage },
    });
    this.outage = false;
    this.emit('resynced', { kind, count });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.scheduleFrame(() => {
      this.flushScheduled = false;
      if (this.working && this.working !== this.options.store.getState().feed.data) {
        this.stats.storeWrites++;
        patchFeed(this.options.store, { data: this.working });
        this.saveSoon();
      }
    });
  }

  /** Saves to the offline cache at most once a second, always including the latest state. */
  private saveSoon(): void {
    if (!this.options.cache || this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.saveNow(), 1_000);
  }

  private saveNow(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const feed = this.options.store.getState().feed;
    if (this.working && this.options.cache && feed.cachedAt === null) {
      this.options.cache.save(this.options.projectId, { data: this.working, savedAt: Date.now() });
    }
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.syncing = false;
    this.heldDuringSync = [];
    if (this.stopped) return;
    // setToken's own disconnect is the only 'io client disconnect' while running: not an outage.
    if (reason !== 'io client disconnect') this.outage = true;
    this.setStatus(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting');
    clearTimeout(this.offlineTimer);
    this.offlineTimer = setTimeout(() => this.setStatus('offline', this.options.store.getState().feed.attempt), this.options.offlineAfterMs ?? 15_000);
    // After a server-side disconnect socket.io does not reconnect by itself.
    if (reason === 'io server disconnect') setTimeout(() => !this.stopped && this.socket.connect(), this.retryDelayMs);
  }

  private onReconnectAttempt(attempt: number): void {
    // Offline stays offline (with the attempt count) until a connection actually works.
    const status = this.options.store.getState().feed.status;
    this.setStatus(status === 'offline' ? 'offline' : 'reconnecting', attempt);
  }

  private onConnectError(err: Error & { data?: unknown }): void {
    const data = err.data as { code?: string; message?: string } | undefined;
    if (data?.code === 'protocol-version' || data?.code === 'unauthorized' || data?.code === 'forbidden') {
      this.logger.error('feed: connection refused', { code: data.code });
      patchFeed(this.options.store, { error: { code: data.code, message: data.message ?? err.message } });
      this.socket.disconnect();
      return;
    }
    if (this.options.store.getState().feed.status === 'live') this.setStatus('reconnecting');
  }

  private readonly onBrowserOffline = (): void => {
    this.outage = true;
    this.setStatus('offline');
  };
  private readonly onBrowserOnline = (): void => {
    this.setStatus('reconnecting');
    if (!this.socket.connected) this.socket.connect();
  };

  private setStatus(status: ConnectionStatus, attempt = 0): void {
    const feed = this.options.store.getState().feed;
    if (feed.status === status && feed.attempt === attempt) return;
    // "Offline since" and "reconnecting since" keep the moment the trouble began, not the latest attempt.
    const since = feed.status === status || (feed.status !== 'live' && status !== 'live') ? feed.since : Date.now();
    patchFeed(this.options.store, { status, attempt, since });
  }
}
