// Samples where the viewer looks a couple of times a second, quantised to the attention grid, and sends the
// samples in small batches (runs of cells, so a still viewer's batch is one pair of numbers). Nothing is sampled
// or sent while the page is hidden, the video paused, or the viewer has opted out; a batch taken before a pause
// or a switch to another tab goes at that moment, and nothing after it. Framework-free: the shells' bindings give
// it the view direction, what plays, and a transport.
import { ATTENTION_SAMPLE_MS, cellOf, MAX_ATTENTION_SAMPLES, runTotal, type AttentionReport } from '../protocol/attention';
import type { ViewDirectionSource } from '../view';
import type { AttentionChoice } from './attention-choice';
import { DEFAULT_ATTENTION_CONFIG, type AttentionConfig } from './attention-config';

/** What is on screen, read at each sample; null while nothing plays in a view (a menu, a lock, a loading card). */
export interface AttentionContext {
  projectId: string;
  /** A tour location id, or `meetup:<id>` for a meet-up's stage. */
  locationId: string;
  /** A 180° location: only its front half is footage. */
  half: boolean;
  /** Seconds into the media (a live stream: since it started). */
  mediaTime: number;
  /** False while paused, stalled before the first frame, or ended. */
  playing: boolean;
  /** A live stream: turns are sent within a second, for the host's radar. */
  live: boolean;
}

export interface AttentionTransport {
  /** Sends one batch; false when it could not go (not connected): the batch is dropped, not queued. */
  report(report: AttentionReport): boolean;
  /** Tells the server this viewer opted out, so it drops anything still on its way. */
  optOut(projectId: string): void;
}

export interface AttentionSamplerOptions {
  direction: ViewDirectionSource;
  context: () => AttentionContext | null;
  /** Whether the page is on screen (document.visibilityState). */
  visible: () => boolean;
  choice: AttentionChoice;
  transport: AttentionTransport;
  config?: Partial<AttentionConfig>;
  now?: () => number;
  timers?: AttentionTimers;
}

export interface AttentionTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: AttentionTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface AttentionSamplerStats {
  samples: number;
  reportsSent: number;
  /** Batches a disconnected transport could not take. */
  reportsDropped: number;
  bytesSent: number;
}

interface Batch {
  projectId: string;
  locationId: string;
  startMediaTime: number;
  startedAt: number;
  runs: number[];
}

const MEDIA_TIME_SLACK_S = 2.5;
/** Most samples one late timer adds (a page frozen longer than this has its batch split instead). */
const MAX_CATCH_UP = 5;

export class AttentionSampler {
  readonly stats: AttentionSamplerStats = { samples: 0, reportsSent: 0, reportsDropped: 0, bytesSent: 0 };
  private readonly config: AttentionConfig;
  private readonly now: () => number;
  private readonly timers: NonNullable<AttentionSamplerOptions['timers']>;
  private readonly handle: unknown;
  private readonly stopChoice: () => void;
  private readonly stopDirection: () => void;
  private batch: Batch | null = null;
  private lastSentCell = -1;
  private lastSentAt = -Infinity;
  /** The latest sample's cell and context, for telling a live turn as the view moves (between samples). */
  private lastCell = -1;
  private lastHalf = false;
  private lastLive = false;
  /** A live turn that came within liveTurnSendMs of the last send: it goes when that time is up. */
  private turnTimer: unknown = null;
  /** A live turn took the next tick's sample early. */
  private tookEarly = false;

  constructor(private readonly options: AttentionSamplerOptions) {
    this.config = { ...DEFAULT_ATTENTION_CONFIG, ...options.config };
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? REAL_TIMERS;
    this.handle = this.timers.setInterval(() => this.sample(), ATTENTION_SAMPLE_MS);
    this.stopDirection = options.direction.subscribe(() => this.onLook());
    this.stopChoice = options.choice.subscribe((off) => {
      if (!off) return;
      const projectId = this.batch?.projectId ?? options.context()?.projectId;
      this.batch = null;
      if (projectId) options.transport.optOut(projectId);
    });
  }

  /**
   * On a live stream the host's radar waits for a turn: a look into another cell is sampled as the view gets there
   * (the next sample's slot, taken early; the regular tick then takes none), not up to ATTENTION_SAMPLE_MS later.
   */
  private onLook(): void {
    if (!this.lastLive || this.options.choice.optedOut) return;
    const d = this.options.direction.current();
    if (cellOf(d.yaw, d.pitch, this.lastHalf) !== this.lastCell) this.sample(true);
  }

  /** One sample (the timer calls this every ATTENTION_SAMPLE_MS; tests may call it directly). `early`: a live turn. */
  sample(early = false): void {
    const { options } = this;
    if (options.choice.optedOut) {
      this.batch = null;
      return;
    }
    const context = options.context();
    const direction = options.direction.current();
    if (!context || !context.playing || !options.visible() || direction.source === 'none') return this.flush();
    const cell = cellOf(direction.yaw, direction.pitch, context.half);
    const now = this.now();
    let count = 1;
    const batch = this.batch;
    if (batch) {
      // Samples stand ATTENTION_SAMPLE_MS apart in media time. A late timer (a busy page) is caught up with the
      // current look rather than splitting the batch; a timer ahead of the video (it stalled) takes nothing;
      // a jump beyond that is a seek, and another location another batch.
      const lag = context.mediaTime - (batch.startMediaTime + (runTotal(batch.runs) * ATTENTION_SAMPLE_MS) / 1000);
      if (batch.locationId !== context.locationId || batch.projectId !== context.projectId || Math.abs(lag) > MEDIA_TIME_SLACK_S) this.flush();
      else count = Math.min(MAX_CATCH_UP, Math.max(0, Math.round((lag * 1000) / ATTENTION_SAMPLE_MS) + 1));
    }
    if (early) {
      // A live turn takes the next tick's slot now, unless an earlier turn already took it (the tick catches up).
      if (count === 0 && batch && this.batch === batch && !this.tookEarly) count = 1;
      if (count > 0) this.tookEarly = true;
    } else {
      // The tick whose slot a turn took: with the batch sent since, nothing says so but this.
      if (this.tookEarly && this.batch === null) count = 0;
      this.tookEarly = false;
    }
    // A look at the black back of a 180° location says nothing about the footage.
    if (cell < 0) return this.flush();
    this.lastHalf = context.half;
    this.lastLive = context.live;
    if (count === 0) return;
    this.lastCell = cell;
    const current = (this.batch ??= { projectId: context.projectId, locationId: context.locationId, startMediaTime: context.mediaTime, startedAt: now, runs: [] });
    const room = Math.min(MAX_ATTENTION_SAMPLES, this.config.maxSamples) - runTotal(current.runs);
    count = Math.min(count, room);
    const runs = current.runs;
    if (runs.length > 0 && runs[runs.length - 2] === cell) runs[runs.length - 1]! += count;
    else runs.push(cell, count);
    this.stats.samples += count;
    const full = runTotal(runs) >= Math.min(MAX_ATTENTION_SAMPLES, this.config.maxSamples);
    // Live, also counted from the last send: the radar keeps a look only a little longer than a still viewer's
    // cadence, and after a pause in the sampling (a stall, a seek, a hidden page; the batch before it went at the
    // pause) a batch counted from its own start would leave the viewer silent for the pause and 20 s more.
    const due = now - current.startedAt >= this.config.sendMs || (context.live && now - this.lastSentAt >= this.config.sendMs);
    const turn = context.live && cell !== this.lastSentCell;
    const sinceSent = now - this.lastSentAt;
    if (full || due || (turn && sinceSent >= this.config.liveTurnSendMs)) this.flush();
    // Too soon after the last send (a turn passing through cells on its way): the batch goes once it may, with the
    // look it has then, rather than at whichever sample comes after that.
    else if (turn && this.turnTimer === null) this.turnTimer = this.timers.setTimeout(() => ((this.turnTimer = null), this.flush()), this.config.liveTurnSendMs - sinceSent);
  }

  /** Sends the batch being taken, if any. */
  flush(): void {
    if (this.turnTimer !== null) {
      this.timers.clearTimeout(this.turnTimer);
      this.turnTimer = null;
    }
    const batch = this.batch;
    this.batch = null;
    if (!batch || batch.runs.length === 0) return;
    const report: AttentionReport = {
      p: batch.projectId,
      l: batch.locationId,
      t: Math.round(batch.startMediaTime * 10) / 10,
      a: Math.floor(batch.startedAt / 1000),
      c: batch.runs,
    };
    if (this.options.transport.report(report)) {
      this.stats.reportsSent++;
      this.stats.bytesSent += JSON.stringify(report).length;
      this.lastSentCell = batch.runs[batch.runs.length - 2]!;
      this.lastSentAt = this.now();
    } else {
      this.stats.reportsDropped++;
    }
  }

  dispose(): void {
    this.timers.clearInterval(this.handle);
    this.stopChoice();
    this.stopDirection();
    this.flush();
  }
}
