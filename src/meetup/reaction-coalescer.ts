// Turns taps into few messages: taps are counted per kind and go out together at the first animation frame
// once REACT_SEND_INTERVAL_MS has passed since the last send, as messages of at most MAX_REACTIONS_PER_MESSAGE.
// A storm of taps therefore costs the socket a few messages four times a second, never one per tap, and the
// server's per-socket limit is not hit by a single enthusiastic thumb. Sending more often would show nothing
// sooner: the room's aggregate goes out at the same cadence.
import { MAX_REACTIONS_PER_MESSAGE, REACT_SEND_INTERVAL_MS, REACTION_KINDS, type ReactRequest, type ReactionKind } from '../protocol/meetup';
import type { ScheduleFrame } from '../feed/frame-scheduler';

export interface ReactionCoalescerOptions {
  send: (request: ReactRequest) => void;
  scheduleFrame: ScheduleFrame;
  /** Least time between two sends; the protocol's REACT_SEND_INTERVAL_MS by default. */
  intervalMs?: number;
  /**
   * Most messages one send may carry (all kinds together). The rest wait for the next send, up to a second's
   * worth; beyond that they are dropped and counted. The default, 2 (8 messages a second), is the reference
   * server's per-caller react limit, and still carries 160 reactions a second, far past any human.
   */
  maxMessagesPerSend?: number;
  now?: () => number;
}

export interface ReactionCoalescerStats {
  taps: number;
  messages: number;
  dropped: number;
}

export class ReactionCoalescer {
  readonly stats: ReactionCoalescerStats = { taps: 0, messages: 0, dropped: 0 };
  private readonly pending = new Map<ReactionKind, number>();
  private meetupId: string | null = null;
  private scheduled = false;
  private lastSentAt = -Infinity;
  private readonly intervalMs: number;
  private readonly maxMessagesPerSend: number;
  private readonly now: () => number;

  constructor(private readonly options: ReactionCoalescerOptions) {
    this.intervalMs = options.intervalMs ?? REACT_SEND_INTERVAL_MS;
    this.maxMessagesPerSend = options.maxMessagesPerSend ?? 2;
    this.now = options.now ?? (() => performance.now());
  }

  /** Counts `count` taps of `kind` for the meet-up; they go out with the others at the next allowed frame. */
  tap(meetupId: string, kind: ReactionKind, count = 1): void {
    if (!Number.isInteger(count) || count < 1) return;
    // Taps for a meet-up the person has left belong to no one: start over.
    if (this.meetupId !== meetupId) this.pending.clear();
    this.meetupId = meetupId;
    this.stats.taps += count;
    this.pending.set(kind, (this.pending.get(kind) ?? 0) + count);
    this.schedule();
  }

  /** At a frame: sends what was collected if the interval has passed, else waits for a later frame. */
  private onFrame(): void {
    this.scheduled = false;
    if (this.now() - this.lastSentAt < this.intervalMs) return this.schedule();
    this.flush();
  }

  /** Sends what was collected now, in the kinds' fixed order (also on leave, and directly in tests). */
  flush(): void {
    const meetupId = this.meetupId;
    if (!meetupId || this.pending.size === 0) return;
    this.lastSentAt = this.now();
    let budget = this.maxMessagesPerSend;
    // What may wait for later sends: one second of sending at the full rate.
    const carryCap = MAX_REACTIONS_PER_MESSAGE * this.maxMessagesPerSend * Math.ceil(1000 / this.intervalMs);
    let carried = 0;
    for (const kind of REACTION_KINDS) {
      let left = this.pending.get(kind) ?? 0;
      while (left > 0 && budget > 0) {
        const count = Math.min(left, MAX_REACTIONS_PER_MESSAGE);
        this.options.send({ meetupId, kind, count });
        this.stats.messages++;
        left -= count;
        budget--;
      }
      const kept = Math.min(left, carryCap - carried);
      this.stats.dropped += left - kept;
      carried += kept;
      if (kept > 0) this.pending.set(kind, kept);
      else this.pending.delete(kind);
    }
    if (this.pending.size > 0) this.schedule();
  }

  /** Forgets unsent taps (the person left the meet-up). */
  clear(): void {
    this.pending.clear();
    this.meetupId = null;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.options.scheduleFrame(() => this.onFrame());
  }
}
