// Turns the audience's reaction messages into one broadcast per room and window: closes each room's window on a
// fixed beat, stores it (the replay's timeline and the totals) and hands it to the room. A window that cannot be
// stored goes back into the next one, so no reaction is lost to a database hiccup.
import { REACTION_KINDS, type ReactionWindow } from '../../protocol/meetup';
import type { ServerLog } from '../server-log';
import type { MeetupStorage, ReactionCounts } from '../storage/meetup-storage';
import { sumCounts, type MeetupRoomState } from './room-state';

export interface ReactionAggregatorOptions {
  roomState: MeetupRoomState;
  storage: MeetupStorage;
  /** When the meet-up started (ms since epoch), for the window's place on the timeline. */
  startedAtOf(meetupId: string): Promise<number | undefined>;
  broadcast(window: ReactionWindow): void;
  windowMs: number;
  /** The span the reaction rate is averaged over. */
  rateSpanMs: number;
  log: ServerLog;
  now?: () => number;
}

export class ReactionAggregator {
  private timer: ReturnType<typeof setInterval> | undefined;
  private ticking = false;
  private lastTickAt = 0;
  /** Per room: recent windows' (time, reactions) for the host's rate. */
  private readonly recent = new Map<string, { at: number; reactions: number }[]>();
  private readonly now: () => number;
  windowsBroadcast = 0;
  reactionsBroadcast = 0;

  constructor(private readonly options: ReactionAggregatorOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    // Checks a few times per window rather than ticking every window: the message path (nudge) may have closed
    // one meanwhile, and a beat of its own on top would close the next one after a few milliseconds.
    this.timer ??= setInterval(() => this.nudge(), Math.max(10, this.options.windowMs / 5));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Called after each accepted reaction. A loop busy with a flood of messages runs its timers late (seconds late
   * on a starved machine), so when the beat is overdue the window closes from here instead: the cadence holds
   * as long as reactions keep coming, and the timer covers quiet spells.
   */
  nudge(): void {
    if (this.now() - this.lastTickAt >= this.options.windowMs) void this.tick();
  }

  /** Closes every room's open window. A beat that comes while the last one still runs is skipped, never doubled. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    this.lastTickAt = this.now();
    try {
      for (const meetupId of await this.options.roomState.roomsWithReactions()) await this.flushRoom(meetupId);
    } finally {
      this.ticking = false;
    }
  }

  /** Closes one room's window now (also when a meet-up ends, so its last reactions make the timeline). */
  async flushRoom(meetupId: string): Promise<void> {
    const counts = await this.options.roomState.takeWindow(meetupId);
    const reactions = sumCounts(counts);
    if (reactions === 0) return;
    let totals: ReactionCounts;
    let at: number;
    try {
      const startedAt = (await this.options.startedAtOf(meetupId)) ?? this.now();
      at = Math.max(0, Math.round(this.now() - startedAt));
      totals = await this.options.storage.appendReactionWindow(meetupId, at, counts);
    } catch (err) {
      this.options.log.error('reaction window not stored; kept for the next one', { meetupId, error: String(err) });
      for (const kind of REACTION_KINDS) if (counts[kind]) await this.options.roomState.addReactions(meetupId, kind, counts[kind]);
      return;
    }
    this.options.broadcast({ meetupId, at, counts, totals });
    this.windowsBroadcast++;
    this.reactionsBroadcast += reactions;
    this.recordWindow(meetupId, reactions);
  }

  /**
   * Counts a window into the host's rate. Called for the windows this node closes, and (several nodes) for those
   * another node closed: one node per room aggregates, but a host may be connected to any of them.
   */
  recordWindow(meetupId: string, reactions: number): void {
    const samples = this.recent.get(meetupId) ?? [];
    samples.push({ at: this.now(), reactions });
    this.recent.set(meetupId, samples);
    // Kept only as long as the rate looks back, whether or not a host ever asks for it.
    while (samples.length && samples[0]!.at < this.now() - this.options.rateSpanMs) samples.shift();
  }

  /** Reactions per second in the room over the rate span. */
  ratePerSecond(meetupId: string): number {
    const samples = this.recent.get(meetupId);
    if (!samples) return 0;
    const since = this.now() - this.options.rateSpanMs;
    while (samples.length && samples[0]!.at < since) samples.shift();
    if (samples.length === 0) this.recent.delete(meetupId);
    return samples.reduce((sum, s) => sum + s.reactions, 0) / (this.options.rateSpanMs / 1000);
  }
}
