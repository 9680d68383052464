// The TV's side of pairing: asks for a pairing (a code to show), keeps its view (which phones are paired, online),
// comes back to the same pairing after a dropped connection (with its key, kept in memory only), unpairs phones,
// signs in with a backer code a phone gave (through `onSignIn`: the app's own sign-in, Web Storage, never a URL),
// keeps the latest reactions for the screen to show, and tells whoever shows the set where a phone points ("look
// here") and hands a phone's meet-up question to the meet-up on screen, which asks it as the TV's viewer.
// Framework-free; the TV shell binds it.
import type { Socket } from 'socket.io-client';
import {
  PAIRING_EVENTS,
  PAIRING_PROTOCOL_VERSION,
  PairingActionReply,
  PairingClosed,
  PairingOfferReply,
  PairingPoint,
  PairingCircleCode,
  PairingQuestion,
  PairingReaction,
  type PairingCircleAnswer,
  type PairingQuestionAnswer,
  PairingSignIn,
  PairingView,
} from '../protocol/pairing';
import type { BackerTier } from '../protocol';
import { askPairing, openPairingSocket, Snapshot, type PairingRefusalNotice, type PairingSocketOptions } from './pairing-socket';

export type TvPairingStatus =
  /** Asking for a code (or connecting for it). */
  | 'connecting'
  /** Showing a code; phones may pair. */
  | 'showing'
  /** The connection dropped: reconnecting, then the same pairing again. */
  | 'offline'
  /** The server refused the offer: `refusal` says why. */
  | 'refused'
  /** The pairing is over (expired, or ended here): a new one can be asked for. */
  | 'ended';

export interface TvPairingSnapshot {
  status: TvPairingStatus;
  view?: PairingView;
  refusal?: PairingRefusalNotice;
  endedReason?: PairingClosed['reason'];
  /** Newest last, at most `keepReactions`. */
  reactions: PairingReaction[];
  /** The last backer sign-in a phone gave this TV. */
  signedIn?: { tier: BackerTier; phoneName: string };
}

export interface TvPairingOptions extends PairingSocketOptions {
  projectId: string;
  tvName: string;
  /** A phone gave a backer code the server checked: sign in with it (the TV's own sign-in). */
  onSignIn: (token: string) => void;
  keepReactions?: number;
  /** A pairing this TV showed before (the screen was closed and opened again): the same code, if still open. */
  kept?: TvPairingKept;
  /** Told whenever the kept pairing changes (undefined once over). Keep it in memory: the key is a secret. */
  onKept?: (kept: TvPairingKept | undefined) => void;
}

export interface TvPairingKept {
  pairingId: string;
  tvKey: string;
}

export class TvPairing {
  private readonly socket: Socket;
  private readonly state = new Snapshot<TvPairingSnapshot>({ status: 'connecting', reactions: [] });
  private held: TvPairingKept | undefined;
  private readonly timeoutMs: number;
  private readonly pointListeners = new Set<(point: PairingPoint) => void>();
  private lastPointAt = 0;
  private questionHandler: ((question: PairingQuestion) => Promise<PairingQuestionAnswer>) | null = null;
  private circleHandler: ((code: PairingCircleCode) => Promise<PairingCircleAnswer>) | null = null;

  constructor(private readonly options: TvPairingOptions) {
    this.timeoutMs = options.replyTimeoutMs ?? 8_000;
    this.held = options.kept;
    this.socket = openPairingSocket(options);
    this.socket.on(PAIRING_EVENTS.state, (payload: unknown) => {
      const view = PairingView.safeParse(payload);
      if (view.success && view.data.id === this.held?.pairingId) this.patch({ view: view.data });
    });
    this.socket.on(PAIRING_EVENTS.closed, (payload: unknown) => {
      const closed = PairingClosed.safeParse(payload);
      if (!closed.success || closed.data.pairingId !== this.held?.pairingId) return;
      this.hold(undefined);
      this.patch({ status: 'ended', endedReason: closed.data.reason });
    });
    this.socket.on(PAIRING_EVENTS.signIn, (payload: unknown) => {
      const signIn = PairingSignIn.safeParse(payload);
      if (!signIn.success || signIn.data.pairingId !== this.held?.pairingId) return;
      options.onSignIn(signIn.data.token);
      this.patch({ signedIn: { tier: signIn.data.tier, phoneName: signIn.data.phoneName } });
    });
    this.socket.on(PAIRING_EVENTS.reaction, (payload: unknown) => {
      const reaction = PairingReaction.safeParse(payload);
      if (!reaction.success || reaction.data.pairingId !== this.held?.pairingId) return;
      this.patch({ reactions: [...this.state.current.reactions, reaction.data].slice(-(options.keepReactions ?? 6)) });
    });
    this.socket.on(PAIRING_EVENTS.pointed, (payload: unknown) => {
      const point = PairingPoint.safeParse(payload);
      if (!point.success || point.data.pairingId !== this.held?.pairingId) return;
      // Two phones dragging at once: the newest wins; one that arrives late (older than the last) is dropped.
      if (point.data.at < this.lastPointAt) return;
      this.lastPointAt = point.data.at;
      this.pointListeners.forEach((listener) => listener(point.data));
    });
    this.socket.on(PAIRING_EVENTS.question, (payload: unknown, answer: unknown) => {
      if (typeof answer !== 'function') return;
      const reply = answer as (a: PairingQuestionAnswer) => void;
      const question = PairingQuestion.safeParse(payload);
      if (!question.success || question.data.pairingId !== this.held?.pairingId) return reply({ ok: false, reason: 'meetup-refused', error: { code: 'invalid-request', message: 'not a question for this TV' } });
      if (!this.questionHandler) return reply({ ok: false, reason: 'no-meetup', error: { code: 'invalid-request', message: 'the TV is in no meet-up' } });
      this.questionHandler(question.data).then(reply, () => reply({ ok: false, reason: 'meetup-refused', error: { code: 'internal', message: 'the TV could not ask it' } }));
    });
    this.socket.on(PAIRING_EVENTS.joinCircle, (payload: unknown, answer: unknown) => {
      if (typeof answer !== 'function') return;
      const reply = answer as (a: PairingCircleAnswer) => void;
      const code = PairingCircleCode.safeParse(payload);
      if (!code.success || code.data.pairingId !== this.held?.pairingId) return reply({ ok: false, reason: 'circle-refused', error: { code: 'invalid-request', message: 'not a circle code for this TV' } });
      if (!this.circleHandler) return reply({ ok: false, reason: 'no-circle-entry', error: { code: 'invalid-request', message: 'nothing on the TV joins a circle now' } });
      this.circleHandler(code.data).then(reply, () => reply({ ok: false, reason: 'circle-refused', error: { code: 'internal', message: 'the TV could not join' } }));
    });
    // Back after a drop or a restart: the same pairing (and code) again, or a new one if it ended meanwhile.
    this.socket.on('connect', () => void this.offer());
    this.socket.on('disconnect', () => {
      if (this.state.current.status === 'showing') this.patch({ status: 'offline' });
    });
  }

  get current(): TvPairingSnapshot {
    return this.state.current;
  }

  subscribe(listener: (s: TvPairingSnapshot) => void): () => void {
    return this.state.subscribe(listener);
  }

  /** `listener` hears every "look here" from a paired phone (the view on screen turns there). */
  onPoint(listener: (point: PairingPoint) => void): () => void {
    this.pointListeners.add(listener);
    return () => this.pointListeners.delete(listener);
  }

  /** The meet-up on screen asks phones' questions with `handler` (its own client, as the TV's viewer); null: none. */
  handleQuestions(handler: ((question: PairingQuestion) => Promise<PairingQuestionAnswer>) | null): () => void {
    this.questionHandler = handler;
    return () => {
      if (this.questionHandler === handler) this.questionHandler = null;
    };
  }

  /** The TV's circle code joins the circle a phone typed with `handler` (as the TV's viewer); null: none. */
  handleCircleCodes(handler: ((code: PairingCircleCode) => Promise<PairingCircleAnswer>) | null): () => void {
    this.circleHandler = handler;
    return () => {
      if (this.circleHandler === handler) this.circleHandler = null;
    };
  }

  /** Connects and asks for a code (again after an ended pairing). */
  start(): void {
    if (this.socket.connected) void this.offer();
    else {
      this.patch({ status: 'connecting' });
      this.socket.connect();
    }
  }

  /** Unpairs one phone, or (without an id) ends the pairing for every phone. */
  async revoke(phoneId?: string): Promise<PairingRefusalNotice | undefined> {
    const held = this.held;
    if (!held) return undefined;
    const reply = await askPairing(this.socket, PAIRING_EVENTS.revoke, { pairingId: held.pairingId, ...(phoneId ? { phoneId } : {}) }, PairingActionReply, this.timeoutMs);
    if (!reply.ok) return reply.refusal;
    if (!phoneId) {
      this.hold(undefined);
      this.patch({ status: 'ended', endedReason: 'revoked' });
    }
    return undefined;
  }

  dispose(): void {
    this.pointListeners.clear();
    this.questionHandler = null;
    this.circleHandler = null;
    this.socket.removeAllListeners();
    this.socket.close();
    this.state.clear();
  }

  private async offer(): Promise<void> {
    const base = { v: PAIRING_PROTOCOL_VERSION, projectId: this.options.projectId, tvName: this.options.tvName };
    if (this.state.current.status !== 'offline') this.patch({ status: 'connecting' });
    let reply = await askPairing(this.socket, PAIRING_EVENTS.offer, { ...base, ...this.held }, PairingOfferReply, this.timeoutMs);
    // The kept pairing is over (expired while away): a new code instead.
    if (!reply.ok && this.held && (reply.refusal.reason === 'expired' || reply.refusal.reason === 'forged')) {
      this.hold(undefined);
      reply = await askPairing(this.socket, PAIRING_EVENTS.offer, base, PairingOfferReply, this.timeoutMs);
    }
    if (!reply.ok) return this.patch({ status: 'refused', refusal: reply.refusal });
    this.hold({ pairingId: reply.pairing.id, tvKey: reply.tvKey });
    this.patch({ status: 'showing', view: reply.pairing, refusal: undefined, endedReason: undefined });
  }

  private hold(kept: TvPairingKept | undefined): void {
    this.held = kept;
    this.options.onKept?.(kept);
  }

  private patch(changes: Partial<TvPairingSnapshot>): void {
    this.state.set({ ...this.state.current, ...changes });
  }
}
