// The feed client: keeps one project's state current over socket.io, exactly once and in order,
// across reconnects and server restarts, and writes it to the store (at most once per frame).
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  FeedEvent,
  PROTOCOL_VERSION,
  SOCKET_EVENTS,
  SubscribeReply,
  summarizeIssues,
  describeIssues,
  type HandshakeAuth,
  type SubscribeRequest,
} from '../protocol';
import { patchFeed, type AppStore, type ConnectionStatus } from '../store/app-store';
import { applyEvent, fromSnapshot, judgeSequence, type ProjectData } from './project-state';
import { consoleLogger, type Logger } from './logger';
import { scheduleNextFrame, type ScheduleFrame } from './frame-scheduler';

export interface ProjectFeedOptions {
  /** Server origin; '' or omitted means the page's own origin. */
  url?: string;
  projectId: string;
  store: AppStore;
  /** Backer token, sent in the handshake body, never in a URL. */
  token?: string;
  logger?: Logger;
  scheduleFrame?: ScheduleFrame;
  /** How long to wait for the server to answer a subscribe before trying again. */
  subscribeTimeoutMs?: number;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Counters for tests, the stats overlay and benchmarks; not UI state, so not in the store. */
export interface FeedStats {
  applied: number;
  duplicates: number;
  gaps: number;
  rejected: number;
  resyncs: number;
  storeWrites: number;
}

export class ProjectFeed {
  readonly stats: FeedStats = { applied: 0, duplicates: 0, gaps: 0, rejected: 0, resyncs: 0, storeWrites: 0 };
  private readonly socket: Socket;
  private readonly logger: Logger;
  private readonly scheduleFrame: ScheduleFrame;
  private readonly subscribeTimeoutMs: number;
  /** The newest applied state; the store catches up to it on the next frame. */
  private working: ProjectData | null;
  private flushScheduled = false;
  /** Live events that arrive while a resync is in flight, applied after it. */
  private heldDuringSync: FeedEvent[] = [];
  private syncing = false;
  private stopped = false;
  /** Whether the feed has been live before: the next resync then follows an outage. */
  private wasLive = false;

  constructor(private readonly options: ProjectFeedOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.scheduleFrame = options.scheduleFrame ?? scheduleNextFrame;
    this.subscribeTimeoutMs = options.subscribeTimeoutMs ?? 10_000;
    this.working = options.store.getState().feed.data;
    const auth: HandshakeAuth = { v: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) };
    this.socket = io(options.url ?? '', {
      autoConnect: false,
      auth,
      // Backoff with jitter so a restarted server is not hit by every client in the same instant.
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      ...options.socketOptions,
    });
    this.socket.on('connect', () => void this.resync('connect'));
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.socket.on('connect_error', (err: Error & { data?: unknown }) => this.onConnectError(err));
    this.socket.io.on('reconnect_attempt', (attempt) => this.setStatus('reconnecting', attempt));
    this.socket.on(SOCKET_EVENTS.event, (payload: unknown) => this.onEvent(payload));
  }

  start(): void {
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
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.socket.disconnect();
  }

  private onEvent(payload: unknown): void {
    const parsed = FeedEvent.safeParse(payload);
    if (!parsed.success) {
      this.stats.rejected++;
      this.logger.warn('feed: rejected an invalid event', { reason: summarizeIssues(describeIssues(parsed.error)) });
      return;
    }
    const event = parsed.data;
    if (event.projectId !== this.options.projectId) {
      this.stats.rejected++;
      this.logger.warn('feed: rejected an event for another project', { projectId: event.projectId });
      return;
    }
    if (this.syncing || !this.working) {
      this.heldDuringSync.push(event);
      return;
    }
    this.applyInOrder(event);
  }

  /** Applies an event if it is the next one; on a hole, asks the server for what is missing. */
  private applyInOrder(event: FeedEvent): void {
    if (!this.working) return;
    const verdict = judgeSequence(this.working.seq, event.seq);
    if (verdict === 'duplicate') {
      this.stats.duplicates++;
    } else if (verdict === 'gap') {
      this.stats.gaps++;
      this.logger.info('feed: gap in sequence, resyncing', { have: this.working.seq, got: event.seq });
      void this.resync('gap');
    } else {
      this.working = applyEvent(this.working, event);
      this.stats.applied++;
      this.scheduleFlush();
    }
  }

  /** Catches up from the last applied sequence (or a snapshot) after a connect or a gap. */
  private async resync(cause: 'connect' | 'gap' | 'retry'): Promise<void> {
    if (this.syncing || this.stopped || !this.socket.connected) return;
    this.syncing = true;
    this.stats.resyncs++;
    const request: SubscribeRequest = {
      projectId: this.options.projectId,
      ...(this.working ? { afterSeq: this.working.seq } : {}),
    };
    let raw: unknown;
    try {
      raw = await this.socket.timeout(this.subscribeTimeoutMs).emitWithAck(SOCKET_EVENTS.subscribe, request);
    } catch {
      this.syncing = false;
      this.logger.warn('feed: no answer to subscribe, retrying', { cause });
      setTimeout(() => void this.resync('retry'), 1_000);
      return;
    }
    const reply = SubscribeReply.safeParse(raw);
    if (!reply.success) {
      this.syncing = false;
      this.stats.rejected++;
      this.logger.warn('feed: rejected an invalid subscribe reply', { reason: summarizeIssues(describeIssues(reply.error)) });
      setTimeout(() => void this.resync('retry'), 2_000);
      return;
    }
    const answer = reply.data;
    if (!answer.ok) {
      this.syncing = false;
      this.logger.error('feed: the server refused the subscription', { code: answer.error.code, message: answer.error.message });
      patchFeed(this.options.store, { error: answer.error });
      return;
    }
    let count: number;
    if (answer.kind === 'snapshot') {
      this.working = fromSnapshot(answer.snapshot);
      count = answer.snapshot.milestones.length;
    } else {
      count = answer.events.length;
      this.syncing = false; // applyInOrder must not re-enter resync for events the reply itself carries
      for (const event of answer.events) this.applyInOrder(event);
    }
    this.syncing = false;
    const held = this.heldDuringSync;
    this.heldDuringSync = [];
    for (const event of held) this.applyInOrder(event);
    patchFeed(this.options.store, {
      status: 'live',
      since: Date.now(),
      attempt: 0,
      error: null,
      lastResync: { at: Date.now(), kind: answer.kind, count, afterOutage: this.wasLive && cause === 'connect' },
    });
    this.wasLive = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.scheduleFrame(() => {
      this.flushScheduled = false;
      if (this.working && this.working !== this.options.store.getState().feed.data) {
        this.stats.storeWrites++;
        patchFeed(this.options.store, { data: this.working });
      }
    });
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.syncing = false;
    this.heldDuringSync = [];
    if (this.stopped) return;
    this.setStatus(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting');
    // After a server-side disconnect socket.io does not reconnect by itself.
    if (reason === 'io server disconnect') setTimeout(() => !this.stopped && this.socket.connect(), 1_000);
  }

  private onConnectError(err: Error & { data?: unknown }): void {
    const data = err.data as { code?: string; message?: string } | undefined;
    if (data?.code === 'protocol-version' || data?.code === 'unauthorized' || data?.code === 'forbidden') {
      this.logger.error('feed: connection refused', { code: data.code });
      patchFeed(this.options.store, { error: { code: data.code, message: data.message ?? err.message } });
      this.socket.disconnect();
      return;
    }
    const current = this.options.store.getState().feed.status;
    if (current === 'live') this.setStatus('reconnecting');
  }

  private readonly onBrowserOffline = (): void => this.setStatus('offline');
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
