// The phone's side of pairing: pairs with the TV showing a code, comes back as the same phone after a dropped
// connection (its key kept in memory, or in session storage through `onKept`; never in a URL), gives the TV a
// backer code (the server checks it and says which tier it opens), sends reactions and points the TV's view ("look
// here", a drag's latest direction a few times a second) and asks meet-up questions through the TV. Framework-free;
// the phone page binds it.
import type { Socket } from 'socket.io-client';
import type { BackerTier } from '../protocol';
import {
  PAIRING_EVENTS,
  PAIRING_PROTOCOL_VERSION,
  PairingActionReply,
  PairingClosed,
  PairingJoinReply,
  PairingView,
  normalizePairingCode,
  type PairingReactionKind,
} from '../protocol/pairing';
import { askPairing, openPairingSocket, Snapshot, type PairingRefusalNotice, type PairingSocketOptions } from './pairing-socket';

export type PhonePairingStatus =
  /** Not paired: the page asks for the TV's code. */
  | 'idle'
  | 'pairing'
  | 'paired'
  /** Paired, but the connection dropped: reconnecting, then the same phone again. */
  | 'offline'
  /** The last pairing attempt was refused: `refusal` says why. */
  | 'refused'
  /** The TV unpaired this phone, or the pairing expired: `closedReason` says which. */
  | 'closed';

export type QuestionState = { status: 'sending' } | { status: 'asked' } | { status: 'refused'; refusal: PairingRefusalNotice };

export type BackerCodeState = { status: 'sending' } | { status: 'accepted'; tier: BackerTier } | { status: 'refused'; refusal: PairingRefusalNotice };

export interface PhonePairingSnapshot {
  status: PhonePairingStatus;
  view?: PairingView;
  you?: string;
  refusal?: PairingRefusalNotice;
  closedReason?: PairingClosed['reason'];
  backer?: BackerCodeState;
  /** The last reaction refused (a storm, a lost connection). */
  reactionRefusal?: PairingRefusalNotice;
  /** The last meet-up question typed here: sending, asked, or why not. */
  question?: QuestionState;
  /** The last circle code typed here for the TV: sending, joined, or why not. */
  circle?: QuestionState;
  /** The last "look here" refused. */
  pointRefusal?: PairingRefusalNotice;
}

/** What brings this phone back as itself: the code, its id and key. */
export interface PhoneKept {
  code: string;
  phoneId: string;
  phoneKey: string;
}

export interface PhonePairingOptions extends PairingSocketOptions {
  /** The phone's name as the TV lists it. */
  name: () => string;
  /** Told whenever the kept identity changes (undefined once unpaired), to keep it across a reload. */
  onKept?: (kept: PhoneKept | undefined) => void;
  /** Least time between two points sent (a drag's latest direction goes then): under the server's 4/s. */
  pointIntervalMs?: number;
}

/** 260 ms, not 250: a little under the server's 4 a second even when one reply comes back early. */
const POINT_INTERVAL_MS = 260;

export class PhonePairing {
  private readonly socket: Socket;
  private readonly state = new Snapshot<PhonePairingSnapshot>({ status: 'idle' });
  private kept: PhoneKept | undefined;
  private readonly timeoutMs: number;
  /** "Look here": the direction still to send, and when the last one went (one in flight at a time). */
  private pointWanted: { yaw: number; pitch: number } | undefined;
  private pointSentAt = -Infinity;
  private pointInFlight = false;
  private pointTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: PhonePairingOptions) {
    this.timeoutMs = options.replyTimeoutMs ?? 8_000;
    this.socket = openPairingSocket(options);
    this.socket.on(PAIRING_EVENTS.state, (payload: unknown) => {
      const view = PairingView.safeParse(payload);
      if (view.success && view.data.id === this.state.current.view?.id) this.patch({ view: view.data });
    });
    this.socket.on(PAIRING_EVENTS.closed, (payload: unknown) => {
      const closed = PairingClosed.safeParse(payload);
      if (!closed.success || closed.data.pairingId !== this.state.current.view?.id) return;
      this.keep(undefined);
      this.patch({ status: 'closed', closedReason: closed.data.reason });
    });
    this.socket.on('connect', () => {
      if (this.kept && this.state.current.status === 'offline') void this.pair(this.kept.code, this.kept);
    });
    this.socket.on('disconnect', () => {
      if (this.state.current.status === 'paired') this.patch({ status: 'offline' });
    });
  }

  get current(): PhonePairingSnapshot {
    return this.state.current;
  }

  subscribe(listener: (s: PhonePairingSnapshot) => void): () => void {
    return this.state.subscribe(listener);
  }

  /** Pairs with the TV showing `code`; with a kept identity for the same code, as the same phone. */
  async pair(code: string, kept?: PhoneKept): Promise<boolean> {
    if (!this.socket.connected) {
      this.socket.connect();
      await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    }
    const same = kept && normalizePairingCode(kept.code) === normalizePairingCode(code);
    if (this.state.current.status !== 'offline') this.patch({ status: 'pairing', refusal: undefined });
    const reply = await askPairing(
      this.socket,
      PAIRING_EVENTS.join,
      { v: PAIRING_PROTOCOL_VERSION, code, name: this.options.name(), device: 'phone', ...(same ? { phoneId: kept.phoneId, phoneKey: kept.phoneKey } : {}) },
      PairingJoinReply,
      this.timeoutMs,
    );
    if (!reply.ok) {
      if (same) this.keep(undefined);
      this.patch({ status: 'refused', refusal: reply.refusal });
      return false;
    }
    this.keep({ code: reply.pairing.code, phoneId: reply.you, phoneKey: reply.phoneKey });
    this.patch({ status: 'paired', view: reply.pairing, you: reply.you, refusal: undefined, closedReason: undefined });
    return true;
  }

  /** A backer code for the TV: the server checks it; the TV signs in with it. */
  async sendBackerCode(code: string): Promise<void> {
    const view = this.state.current.view;
    if (!view || this.state.current.status !== 'paired') return;
    this.patch({ backer: { status: 'sending' } });
    const reply = await askPairing(this.socket, PAIRING_EVENTS.backer, { pairingId: view.id, code }, PairingActionReply, this.timeoutMs);
    this.patch({ backer: reply.ok ? { status: 'accepted', tier: reply.tier ?? 'supporter' } : { status: 'refused', refusal: reply.refusal } });
  }

  async react(reaction: PairingReactionKind): Promise<boolean> {
    const view = this.state.current.view;
    if (!view || this.state.current.status !== 'paired') return false;
    const reply = await askPairing(this.socket, PAIRING_EVENTS.react, { pairingId: view.id, reaction }, PairingActionReply, this.timeoutMs);
    this.patch({ reactionRefusal: reply.ok ? undefined : reply.refusal });
    return reply.ok;
  }

  /** A question for the meet-up on the TV: the TV asks it as its viewer; true once it is on the board. */
  async ask(text: string): Promise<boolean> {
    const view = this.state.current.view;
    if (!view || this.state.current.status !== 'paired') return false;
    this.patch({ question: { status: 'sending' } });
    const reply = await askPairing(this.socket, PAIRING_EVENTS.ask, { pairingId: view.id, text }, PairingActionReply, this.timeoutMs + 10_000);
    this.patch({ question: reply.ok ? { status: 'asked' } : { status: 'refused', refusal: reply.refusal } });
    return reply.ok;
  }

  /** A circle's code for the TV: the TV joins that circle as its own viewer; true once it has. */
  async joinCircle(code: string): Promise<boolean> {
    const view = this.state.current.view;
    if (!view || this.state.current.status !== 'paired') return false;
    this.patch({ circle: { status: 'sending' } });
    const reply = await askPairing(this.socket, PAIRING_EVENTS.circle, { pairingId: view.id, code }, PairingActionReply, this.timeoutMs + 10_000);
    this.patch({ circle: reply.ok ? { status: 'asked' } : { status: 'refused', refusal: reply.refusal } });
    return reply.ok;
  }

  /**
   * Points the TV's view at (yaw, pitch), degrees as in the view direction. Called for every move of a drag: only
   * the latest direction is sent, at most one per `pointIntervalMs` and one at a time.
   */
  point(yaw: number, pitch: number): void {
    if (!this.state.current.view || this.state.current.status !== 'paired') return;
    this.pointWanted = { yaw: Math.min(180, Math.max(-180, yaw)), pitch: Math.min(90, Math.max(-90, pitch)) };
    this.sendPoint();
  }

  private sendPoint(): void {
    const view = this.state.current.view;
    if (this.pointInFlight || this.pointTimer !== undefined || !this.pointWanted || !view) return;
    const wait = this.pointSentAt + (this.options.pointIntervalMs ?? POINT_INTERVAL_MS) - Date.now();
    if (wait > 0) {
      this.pointTimer = setTimeout(() => {
        this.pointTimer = undefined;
        this.sendPoint();
      }, wait);
      return;
    }
    const { yaw, pitch } = this.pointWanted;
    this.pointWanted = undefined;
    this.pointSentAt = Date.now();
    this.pointInFlight = true;
    void askPairing(this.socket, PAIRING_EVENTS.point, { pairingId: view.id, yaw, pitch }, PairingActionReply, this.timeoutMs).then((reply) => {
      this.pointInFlight = false;
      if (Boolean(this.state.current.pointRefusal) || !reply.ok) this.patch({ pointRefusal: reply.ok ? undefined : reply.refusal });
      this.sendPoint();
    });
  }

  /** Back to asking for a code (after a refusal or an unpairing). */
  reset(): void {
    this.patch({ status: 'idle', view: undefined, you: undefined, refusal: undefined, closedReason: undefined, backer: undefined, reactionRefusal: undefined, pointRefusal: undefined, question: undefined, circle: undefined });
  }

  dispose(): void {
    clearTimeout(this.pointTimer);
    this.pointWanted = undefined;
    this.socket.removeAllListeners();
    this.socket.close();
    this.state.clear();
  }

  private keep(kept: PhoneKept | undefined): void {
    this.kept = kept;
    this.options.onKept?.(kept);
  }

  private patch(changes: Partial<PhonePairingSnapshot>): void {
    this.state.set({ ...this.state.current, ...changes });
  }
}
