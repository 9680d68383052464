// Reactions and short messages in a circle, framework-free: sends a reaction, a typed message or a quick reply
// (checked here first, so the person sees "empty" or "too long" without a round trip; the server checks again),
// keeps the circle's last few messages (fetched on joining and after a reconnect), and holds what just arrived for
// a few seconds so a view can show it over the player. The host also hears of reports and removes messages.
// Views subscribe to its snapshot.
import {
  CIRCLE_CHAT_EVENTS,
  CIRCLE_MESSAGE_MAX_LENGTH,
  CIRCLE_PROTOCOL_VERSION,
  CircleMessage,
  CircleMessageRemoved,
  CircleMessageReported,
  CircleReacted,
  CircleRecentReply,
  circleTextLength,
  normalizeCircleText,
  type CirclePhrase,
  type CircleReaction,
} from '../protocol/circle';
import type { CircleClient, CircleOutcome } from './circle-client';

/** Something that just happened in the circle, shown briefly over the view. */
export type ChatFlash =
  | { kind: 'message'; key: string; message: CircleMessage; until: number }
  | { kind: 'reaction'; key: string; memberId: string; name: string; reaction: CircleReaction; until: number };

export interface ChatSnapshot {
  /** The circle's last few messages, oldest first. */
  messages: readonly CircleMessage[];
  /** What arrived in the last few seconds, newest last (a view shows these over the player). */
  flashes: readonly ChatFlash[];
  /** Host only: reports not yet dealt with. */
  reports: readonly CircleMessageReported[];
}

export interface CircleChatOptions {
  client: CircleClient;
  /** How long a message stays over the view. */
  messageShowMs?: number;
  /** How long a reaction stays over the view. */
  reactionShowMs?: number;
  /** At most this many flashes at once (the oldest go first): the view stays visible. */
  maxFlashes?: number;
  /** How many messages are kept (the server keeps as many). */
  keep?: number;
  now?: () => number;
}

export class CircleChat {
  private snapshot: ChatSnapshot = { messages: [], flashes: [], reports: [] };
  private readonly listeners = new Set<(s: ChatSnapshot) => void>();
  private readonly offs: (() => void)[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fetchedFor: string | undefined;
  private flashCount = 0;
  private readonly now: () => number;

  constructor(private readonly options: CircleChatOptions) {
    const { client } = options;
    this.now = options.now ?? Date.now;
    const mine = (circleId: string) => circleId === client.current.view?.id;
    this.offs = [
      client.listen(CIRCLE_CHAT_EVENTS.message, (payload) => {
        const parsed = CircleMessage.safeParse(payload);
        if (parsed.success && mine(parsed.data.circleId)) this.received(parsed.data);
      }),
      client.listen(CIRCLE_CHAT_EVENTS.reacted, (payload) => {
        const parsed = CircleReacted.safeParse(payload);
        if (!parsed.success || !mine(parsed.data.circleId)) return;
        const name = client.current.view?.members.find((m) => m.id === parsed.data.memberId)?.name ?? '';
        const { memberId, reaction } = parsed.data;
        this.flash({ kind: 'reaction', key: `r${++this.flashCount}`, memberId, name, reaction, until: this.now() + (options.reactionShowMs ?? 3_000) });
      }),
      client.listen(CIRCLE_CHAT_EVENTS.removed, (payload) => {
        const parsed = CircleMessageRemoved.safeParse(payload);
        if (parsed.success && mine(parsed.data.circleId)) this.forget(parsed.data.messageId);
      }),
      client.listen(CIRCLE_CHAT_EVENTS.reported, (payload) => {
        const parsed = CircleMessageReported.safeParse(payload);
        if (!parsed.success || !mine(parsed.data.circleId)) return;
        const reports = [...this.snapshot.reports.filter((r) => r.message.id !== parsed.data.message.id), parsed.data];
        this.set({ ...this.snapshot, reports });
      }),
      // On joining (and back after a dropped connection), the last few messages; out of the circle, nothing.
      client.subscribe((s) => {
        if (s.status === 'joined' && s.view && this.fetchedFor !== s.view.id) {
          this.fetchedFor = s.view.id;
          void this.fetchRecent();
        } else if (s.status === 'offline') this.fetchedFor = undefined;
        else if (s.status === 'closed' || s.status === 'idle') {
          this.fetchedFor = undefined;
          if (this.snapshot.messages.length || this.snapshot.flashes.length || this.snapshot.reports.length) this.set({ messages: [], flashes: [], reports: [] });
        }
      }),
    ];
  }

  get current(): ChatSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (s: ChatSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  react(reaction: CircleReaction): Promise<CircleOutcome> {
    return this.options.client.request(CIRCLE_CHAT_EVENTS.react, { v: CIRCLE_PROTOCOL_VERSION, reaction });
  }

  /** A typed message: refused here when empty or too long (what the server would say), else sent. */
  async say(text: string): Promise<CircleOutcome> {
    const normalized = normalizeCircleText(text);
    if (normalized.length === 0) return { ok: false, refusal: { reason: 'empty', message: 'the message is empty' } };
    if (circleTextLength(normalized) > CIRCLE_MESSAGE_MAX_LENGTH) {
      return { ok: false, refusal: { reason: 'too-long', message: `a message has at most ${CIRCLE_MESSAGE_MAX_LENGTH} characters` } };
    }
    return this.send({ text: normalized });
  }

  /** A quick reply (the TV's): each member reads it in their own language. */
  sayPhrase(phrase: CirclePhrase): Promise<CircleOutcome> {
    return this.send({ phrase });
  }

  report(messageId: string): Promise<CircleOutcome> {
    return this.options.client.request(CIRCLE_CHAT_EVENTS.report, { messageId });
  }

  /** Host: takes the message out for everyone (and the report with it). */
  async remove(messageId: string): Promise<CircleOutcome> {
    const outcome = await this.options.client.request(CIRCLE_CHAT_EVENTS.unsay, { messageId });
    // Already gone (removed from another tab): the report has nothing left to act on either.
    if (outcome.ok || outcome.refusal.reason === 'unknown-message') this.forget(messageId);
    return outcome;
  }

  /** Host: the report was looked at and the message stays. */
  dismissReport(messageId: string): void {
    this.set({ ...this.snapshot, reports: this.snapshot.reports.filter((r) => r.message.id !== messageId) });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.offs.forEach((off) => off());
    this.listeners.clear();
  }

  private async send(body: { text: string } | { phrase: CirclePhrase }): Promise<CircleOutcome> {
    const { client } = this.options;
    const view = client.current.view;
    if (!view || client.current.status !== 'joined') return { ok: false, refusal: { reason: 'not-member', message: 'not in a circle right now' } };
    return client.request(CIRCLE_CHAT_EVENTS.say, { v: CIRCLE_PROTOCOL_VERSION, ...body });
  }

  private async fetchRecent(): Promise<void> {
    const { client } = this.options;
    const view = client.current.view;
    if (!view) return;
    const reply = await client.ask(CIRCLE_CHAT_EVENTS.recent, { circleId: view.id }).then(
      (payload) => CircleRecentReply.safeParse(payload),
      () => undefined,
    );
    if (!reply?.success || !reply.data.ok || client.current.view?.id !== view.id) return;
    // Messages heard while the request was out are newer than the reply's: merge, no doubles.
    const byId = new Map([...reply.data.messages, ...this.snapshot.messages].map((m) => [m.id, m]));
    this.set({ ...this.snapshot, messages: [...byId.values()].sort((a, b) => a.at - b.at).slice(-(this.options.keep ?? 20)) });
  }

  private received(message: CircleMessage): void {
    if (this.snapshot.messages.some((m) => m.id === message.id)) return;
    const messages = [...this.snapshot.messages, message].slice(-(this.options.keep ?? 20));
    this.set({ ...this.snapshot, messages });
    this.flash({ kind: 'message', key: message.id, message, until: this.now() + (this.options.messageShowMs ?? 6_000) });
  }

  // Not `drop`: the legacy build polyfills every `.drop(` it sees as Iterator.prototype.drop (0.8 kB on the TV's first screen).
  private forget(messageId: string): void {
    this.set({
      messages: this.snapshot.messages.filter((m) => m.id !== messageId),
      flashes: this.snapshot.flashes.filter((f) => f.kind !== 'message' || f.message.id !== messageId),
      reports: this.snapshot.reports.filter((r) => r.message.id !== messageId),
    });
  }

  private flash(flash: ChatFlash): void {
    const flashes = [...this.snapshot.flashes, flash].slice(-(this.options.maxFlashes ?? 4));
    this.set({ ...this.snapshot, flashes });
    this.schedule();
  }

  /** One timer for the next flash to go. */
  private schedule(): void {
    clearTimeout(this.timer);
    const next = Math.min(...this.snapshot.flashes.map((f) => f.until));
    if (!Number.isFinite(next)) return;
    this.timer = setTimeout(() => {
      const now = this.now();
      const flashes = this.snapshot.flashes.filter((f) => f.until > now);
      if (flashes.length !== this.snapshot.flashes.length) this.set({ ...this.snapshot, flashes });
      this.schedule();
    }, Math.max(0, next - this.now()) + 20);
  }

  private set(snapshot: ChatSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}
