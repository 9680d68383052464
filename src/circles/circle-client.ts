// The circle client: one socket to the server's circles. Starts or joins a circle (the server decides who may
// enter and says why not), keeps the circle's view current (newest rev wins), measures the server's clock,
// sends play/pause/seek/location and host actions, and comes back as the same member after a dropped connection
// or a server restart. Framework-free; views subscribe to its snapshot, and a CircleFollower makes a player
// follow it.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SHARED_SOCKET_OPTIONS } from '../feed/socket-options';
import { PROTOCOL_VERSION, type HandshakeAuth } from '../protocol';
import {
  CIRCLE_EVENTS,
  CIRCLE_PROTOCOL_VERSION,
  CircleActionReply,
  CircleClosed,
  CircleError,
  CircleReply,
  CircleView,
  ClockReply,
  MeetupEntryNotice,
  MeetupLeftNotice,
  circleMediaTime,
  type CircleControl,
  type CircleLive,
  type CircleDevice,
  type CircleRefusalReason,
  type ControlAction,
  type ManageAction,
  type MeetupEntryRefusal,
} from '../protocol/circle';
import { ClockSync } from './clock-sync';
import { DEFAULT_CIRCLE_CONFIG, type CircleConfig } from './circle-config';

export type CircleStatus =
  /** In no circle. */
  | 'idle'
  /** Starting or joining one (or connecting for it). */
  | 'connecting'
  | 'joined'
  /** In a circle, but the connection dropped: reconnecting, and rejoining at the circle's time once back. */
  | 'offline'
  /** The last start or join was refused: `refusal` says why. */
  | 'refused'
  /** No longer in the circle: `closedReason` says why. */
  | 'closed';

export interface CircleRefusalNotice {
  reason: CircleRefusalReason;
  message: string;
}

export interface CircleSnapshot {
  status: CircleStatus;
  view?: CircleView;
  /** This member's id in `view`. */
  you?: string;
  refusal?: CircleRefusalNotice;
  closedReason?: CircleClosed['reason'];
  /** Who may not follow the circle into the meet-up it watches (the server's last word on it), and why. */
  meetupEntry?: MeetupEntryNotice;
  /** The circle left the meet-up it watched without the host (it ended), and why; until it enters another one. */
  meetupLeft?: MeetupLeftNotice;
}

/** The circle's time now, and where: a location of the tour, or (with `live`) a live meet-up. */
export interface CircleTime {
  mediaTime: number;
  advancing: boolean;
  locationId: string;
  live?: CircleLive;
}

/** Who this member is in a circle: enough to come back as themself (kept in memory, or session storage). */
export interface CircleMembershipKey {
  code: string;
  memberId: string;
  memberKey: string;
}

export type CircleOutcome = { ok: true } | { ok: false; refusal: CircleRefusalNotice };

export interface CircleClientOptions {
  /** Server origin; '' or omitted: the page's own. */
  url?: string;
  /** The member's own backer code, read at every (re)connect. */
  token: () => string | undefined;
  /** The member's display name, read when starting or joining. */
  name: () => string;
  device: CircleDevice;
  config?: Partial<CircleConfig>;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** This device's clock (ms since the epoch); it may be off by any amount: the shared clock measures by how much. */
  localNow?: () => number;
  /** Told whenever the membership changes (undefined once out), to keep it across a reload. */
  onMembership?: (key: CircleMembershipKey | undefined) => void;
}

export class CircleClient {
  readonly clock: ClockSync;
  readonly config: CircleConfig;
  private readonly localNow: () => number;
  private readonly socket: Socket;
  private snapshot: CircleSnapshot = { status: 'idle' };
  private readonly listeners = new Set<(s: CircleSnapshot) => void>();
  private membership: CircleMembershipKey | undefined;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly options: CircleClientOptions) {
    this.config = { ...DEFAULT_CIRCLE_CONFIG, ...options.config };
    this.localNow = options.localNow ?? Date.now;
    this.clock = new ClockSync(8, this.localNow);
    this.socket = io(options.url ?? '', {
      ...SHARED_SOCKET_OPTIONS,
      autoConnect: false,
      auth: (cb: (auth: HandshakeAuth) => void) => {
        const token = options.token();
        cb({ v: PROTOCOL_VERSION, ...(token ? { token } : {}) });
      },
      ...options.socketOptions,
    });
    this.socket.on(CIRCLE_EVENTS.state, (payload: unknown) => {
      const view = CircleView.safeParse(payload);
      if (view.success) this.applyView(view.data);
    });
    this.socket.on(CIRCLE_EVENTS.closed, (payload: unknown) => {
      const closed = CircleClosed.safeParse(payload);
      if (closed.success && closed.data.circleId === this.snapshot.view?.id) this.closeWith(closed.data.reason);
    });
    this.socket.on(CIRCLE_EVENTS.meetupEntry, (payload: unknown) => {
      // Kept even before the join's answer (the server checks a joiner's entry as it lets them in): matched to the
      // circle's view when read.
      const notice = MeetupEntryNotice.safeParse(payload);
      if (notice.success) this.set({ ...this.snapshot, meetupEntry: notice.data });
    });
    this.socket.on(CIRCLE_EVENTS.meetupLeft, (payload: unknown) => {
      const notice = MeetupLeftNotice.safeParse(payload);
      if (notice.success && notice.data.circleId === this.snapshot.view?.id) this.set({ ...this.snapshot, meetupLeft: notice.data });
    });
    this.socket.on(CIRCLE_EVENTS.error, (payload: unknown) => {
      const error = CircleError.safeParse(payload);
      if (error.success) this.set({ ...this.snapshot, refusal: { reason: error.data.reason, message: error.data.error.message } });
    });
    this.socket.on('connect', () => {
      // Back after a drop or a server restart: the same member again, at the circle's time.
      if (this.membership && this.snapshot.status === 'offline') void this.enter(CIRCLE_EVENTS.join, this.joinPayload(this.membership.code, this.membership));
    });
    this.socket.on('disconnect', () => {
      if (this.snapshot.status === 'joined') this.set({ ...this.snapshot, status: 'offline' });
    });
  }

  get current(): CircleSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (s: CircleSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  /** The circle's media time now (seconds) by the shared clock, and whether it advances; undefined out of a circle. */
  circleTime(): CircleTime | undefined {
    const view = this.snapshot.view;
    if (!view || this.snapshot.status === 'closed') return undefined;
    const waiting = view.waiting !== undefined;
    const { locationId, live, playing } = view.playback;
    return { mediaTime: circleMediaTime(view.playback, this.clock.serverNow(), waiting), advancing: playing && !waiting, locationId, ...(live ? { live } : {}) };
  }

  /**
   * Whether this member follows the circle into the meet-up it watches: 'admitted' or 'refused' (with why) once the
   * server has checked their entry; 'unknown' until then, and undefined while the circle watches no meet-up.
   */
  meetupEntry(): { kind: 'admitted' | 'unknown' } | { kind: 'refused'; refusal: MeetupEntryRefusal } | undefined {
    const { view, you, meetupEntry } = this.snapshot;
    const live = view?.playback.live;
    if (!view || !live) return undefined;
    if (!meetupEntry || meetupEntry.circleId !== view.id || meetupEntry.meetupId !== live.meetupId) return { kind: 'unknown' };
    const mine = meetupEntry.refused.find((r) => r.memberId === you);
    return mine ? { kind: 'refused', refusal: mine } : { kind: 'admitted' };
  }

  /** Starts a circle where this member is now; they host it. */
  start(where: { projectId: string; locationId: string; mediaTime?: number; playing?: boolean; control?: CircleControl }): Promise<CircleOutcome> {
    return this.enter(CIRCLE_EVENTS.create, { v: CIRCLE_PROTOCOL_VERSION, name: this.options.name(), device: this.options.device, ...where });
  }

  /** Joins by invite code; with a kept membership for this code, as the same member. */
  join(code: string, kept?: CircleMembershipKey): Promise<CircleOutcome> {
    return this.enter(CIRCLE_EVENTS.join, this.joinPayload(code, kept));
  }

  async leave(): Promise<void> {
    const view = this.snapshot.view;
    if (view && this.socket.connected) await this.ask(CIRCLE_EVENTS.leave, { circleId: view.id }).catch(() => undefined);
    this.closeWith('left');
  }

  control(action: ControlAction): Promise<CircleOutcome> {
    return this.request(CIRCLE_EVENTS.control, { action });
  }

  manage(action: ManageAction): Promise<CircleOutcome> {
    return this.request(CIRCLE_EVENTS.manage, { action });
  }

  /** This member's player stalled or resumed: the circle may wait for them a few seconds. */
  reportBuffering(stalled: boolean): void {
    const view = this.snapshot.view;
    if (view && this.snapshot.status === 'joined') this.socket.emit(CIRCLE_EVENTS.buffering, { circleId: view.id, stalled });
  }

  /** Cuts the connection as a lost network would (the member stays in the circle); `reconnect()` comes back. */
  disconnect(): void {
    this.socket.disconnect();
    if (this.snapshot.status === 'joined') this.set({ ...this.snapshot, status: 'offline' });
  }

  reconnect(): void {
    this.socket.connect();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.clockTimer);
    this.socket.removeAllListeners();
    this.socket.close();
    this.listeners.clear();
  }

  private joinPayload(code: string, kept?: CircleMembershipKey) {
    const same = kept && kept.code.replace(/-/g, '').toUpperCase() === code.replace(/[\s-]/g, '').toUpperCase();
    return {
      v: CIRCLE_PROTOCOL_VERSION,
      code,
      name: this.options.name(),
      device: this.options.device,
      ...(same ? { memberId: kept.memberId, memberKey: kept.memberKey } : {}),
    };
  }

  private async enter(event: string, payload: Record<string, unknown>): Promise<CircleOutcome> {
    if (this.snapshot.status !== 'offline') this.set({ status: 'connecting' });
    if (!this.socket.connected) this.socket.connect();
    const t0 = this.localNow();
    let reply: CircleReply;
    try {
      reply = CircleReply.parse(await this.ask(event, payload));
    } catch {
      // No answer (offline, or the server is restarting): keep trying through reconnects if already in a circle.
      if (this.membership) {
        this.set({ ...this.snapshot, status: 'offline' });
        return { ok: false, refusal: { reason: 'invalid', message: 'no answer from the server' } };
      }
      return this.refused({ reason: 'invalid', message: 'no answer from the server: check the connection and try again' });
    }
    if (!reply.ok) {
      const notice = { reason: reply.reason, message: reply.error.message };
      if (this.membership && (reply.reason === 'ended' || reply.reason === 'expired' || reply.reason === 'not-member')) {
        this.closeWith(reply.reason === 'not-member' ? 'removed' : reply.reason);
        return { ok: false, refusal: notice };
      }
      return this.refused(notice);
    }
    this.clock.add(t0, reply.serverTime, this.localNow());
    this.membership = { code: reply.circle.code, memberId: reply.you, memberKey: reply.memberKey };
    this.options.onMembership?.(this.membership);
    // A meet-up entry notice sent while the server let this member in came before this answer: kept.
    const entry = this.snapshot.meetupEntry?.circleId === reply.circle.id ? this.snapshot.meetupEntry : undefined;
    this.snapshot = { status: 'joined', you: reply.you, ...(entry ? { meetupEntry: entry } : {}) };
    this.applyView(reply.circle, true);
    this.measureClock(this.config.clockSamples);
    return { ok: true };
  }

  private refused(refusal: CircleRefusalNotice): CircleOutcome {
    this.membership = undefined;
    this.set({ status: 'refused', refusal });
    return { ok: false, refusal };
  }

  /** Sends a message about this member's circle that needs no answer (where they look); dropped while offline. */
  send(event: string, payload: Record<string, unknown>): void {
    const view = this.snapshot.view;
    if (view && this.snapshot.status === 'joined' && this.socket.connected) this.socket.emit(event, { circleId: view.id, ...payload });
  }

  /** Listens to what the server relays from the circle's other members (presence); returns the unsubscribe. */
  listen(event: string, listener: (payload: unknown) => void): () => void {
    this.socket.on(event, listener);
    return () => void this.socket.off(event, listener);
  }

  /** Asks the server to do something in this member's circle; the outcome says whether it did, and why not. */
  async request(event: string, payload: Record<string, unknown>): Promise<CircleOutcome> {
    const view = this.snapshot.view;
    if (!view || this.snapshot.status !== 'joined') return { ok: false, refusal: { reason: 'not-member', message: 'not in a circle right now' } };
    try {
      const reply = CircleActionReply.parse(await this.ask(event, { circleId: view.id, ...payload }));
      if (reply.ok) return { ok: true };
      const refusal = { reason: reply.reason, message: reply.error.message };
      this.set({ ...this.snapshot, refusal });
      return { ok: false, refusal };
    } catch {
      return { ok: false, refusal: { reason: 'invalid', message: 'no answer from the server' } };
    }
  }

  /** Sends a request and resolves with the server's raw answer (the caller validates it); rejects with no answer. */
  ask(event: string, payload: unknown): Promise<unknown> {
    return this.socket.timeout(this.config.replyTimeoutMs).emitWithAck(event, payload) as Promise<unknown>;
  }

  private applyView(view: CircleView, force = false): void {
    const held = this.snapshot.view;
    if (!force && held && (held.id !== view.id || view.rev <= held.rev)) return;
    if (this.snapshot.status !== 'joined' && !force) return;
    const { refusal: _old, meetupLeft, ...rest } = this.snapshot;
    // Why the circle left its last meet-up is said until it enters another one.
    this.set({ ...rest, view, ...(meetupLeft && !view.playback.live ? { meetupLeft } : {}) });
  }

  private closeWith(reason: CircleClosed['reason']): void {
    clearTimeout(this.clockTimer);
    this.membership = undefined;
    this.options.onMembership?.(undefined);
    this.set({ status: 'closed', closedReason: reason, ...(this.snapshot.view ? { view: this.snapshot.view } : {}) });
  }

  /**
   * A burst of samples on joining, then one every clockResyncMs while in the circle; sooner (clockRetryMs, a few
   * times) while the best round trip is still long, since the offset may then be off by up to half of it.
   */
  private measureClock(remaining: number, retries = this.config.clockRetries): void {
    clearTimeout(this.clockTimer);
    const rough = remaining <= 1 && retries > 0 && (this.clock.best?.rttMs ?? Infinity) > this.config.clockGoodRttMs;
    const next = remaining > 1 ? this.config.clockSampleGapMs : rough ? this.config.clockRetryMs : this.config.clockResyncMs;
    this.clockTimer = setTimeout(() => {
      if (this.disposed || !this.membership) return;
      const t0 = this.localNow();
      this.ask(CIRCLE_EVENTS.clock, { t0 }).then(
        (payload) => {
          const reply = ClockReply.safeParse(payload);
          if (reply.success && reply.data.t0 === t0) this.clock.add(t0, reply.data.serverTime, this.localNow());
        },
        () => undefined,
      );
      this.measureClock(Math.max(1, remaining - 1), rough ? retries - 1 : retries);
    }, next);
  }

  private set(snapshot: CircleSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}
