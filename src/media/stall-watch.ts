// Whether the picture stands still, and why, in the person's terms: the network is slow (requests answer late or
// hang), the stream is not reachable (requests fail), or the live source paused (its playlist stopped moving). The
// one place that decides "stalled": the media session enters and leaves its stalled state on this watch's word
// alone. The engines report what they see of the network and the live playlist; this watch adds what the element
// shows (a 'waiting' event, a 'playing' one, or a playhead that stopped while playing). No React, no three.js.
import type { MediaStall, StallCause } from './media-state';

export interface StallWatchOptions {
  /** A playing video whose playhead has not moved for this long is stalled, even without a 'waiting' event. */
  frozenAfterMs: number;
  /** How often the playhead is checked. */
  tickMs: number;
  /** Whether the stream is still before its first frame (then only failing requests count as a stall). */
  loading: () => boolean;
  /** Called when the stall begins, changes cause or ends (null); `frozen` tells whether the picture stands still. */
  onChange: (stall: MediaStall | null, frozen: boolean) => void;
  now?: () => number;
}

/** What the engines tell the watch. */
export interface StallSignals {
  /** A request for the stream (playlist or segment) failed: an error answer, a refused connection, a timeout. */
  requestFailed(): void;
  /** A request for the stream succeeded. */
  requestLoaded(): void;
  /** A live playlist was fetched again: `advanced` says whether it listed anything new. */
  livePlaylist(advanced: boolean): void;
}

export class StallWatch implements StallSignals {
  private readonly options: StallWatchOptions;
  private readonly now: () => number;
  private readonly video: HTMLVideoElement;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The latest request outcome: a stream whose last request failed is not reachable. */
  private lastRequestFailed = false;
  /** Refetches of a live playlist in a row that brought nothing new. */
  private unchangedLiveRefreshes = 0;
  private lastTime = 0;
  private lastMovedAt = 0;
  private waiting = false;
  private stall: MediaStall | null = null;
  private frozen = false;

  constructor(video: HTMLVideoElement, options: StallWatchOptions) {
    this.video = video;
    this.options = options;
    this.now = options.now ?? Date.now;
    video.addEventListener('waiting', this.onWaiting);
    video.addEventListener('playing', this.onPlaying);
    video.addEventListener('timeupdate', this.onTimeUpdate);
    video.addEventListener('seeking', this.onSeeking);
    this.reset();
  }

  /** A new stream: nothing known about it yet. */
  reset(): void {
    this.lastRequestFailed = false;
    this.unchangedLiveRefreshes = 0;
    this.waiting = false;
    this.lastTime = this.video.currentTime;
    this.lastMovedAt = this.now();
    clearInterval(this.timer);
    this.timer = setInterval(this.evaluate, this.options.tickMs);
    this.set(null, false);
  }

  requestFailed = (): void => {
    this.lastRequestFailed = true;
    this.evaluate();
  };

  requestLoaded = (): void => {
    if (!this.lastRequestFailed) return;
    this.lastRequestFailed = false;
    this.evaluate();
  };

  livePlaylist = (advanced: boolean): void => {
    this.unchangedLiveRefreshes = advanced ? 0 : this.unchangedLiveRefreshes + 1;
    this.evaluate();
  };

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.video.removeEventListener('waiting', this.onWaiting);
    this.video.removeEventListener('playing', this.onPlaying);
    this.video.removeEventListener('timeupdate', this.onTimeUpdate);
    this.video.removeEventListener('seeking', this.onSeeking);
  }

  /** The element waits for data here: the picture stands still from now, at this time. */
  private readonly onWaiting = (): void => {
    this.lastTime = this.video.currentTime;
    this.lastMovedAt = this.now();
    this.waiting = true;
    this.evaluate();
  };

  /** The element plays again (after a wait, a pause or a seek): the playhead's clock starts from now. */
  private readonly onPlaying = (): void => {
    this.waiting = false;
    this.lastTime = this.video.currentTime;
    this.lastMovedAt = this.now();
    this.evaluate();
  };

  private readonly onTimeUpdate = (): void => this.evaluate();

  /** A seek is the person's (or the engine's) move, not a stall: the clock restarts from there. */
  private readonly onSeeking = (): void => {
    this.lastTime = this.video.currentTime;
    this.lastMovedAt = this.now();
  };

  private readonly evaluate = (): void => {
    const now = this.now();
    const video = this.video;
    if (video.currentTime !== this.lastTime) {
      this.lastTime = video.currentTime;
      this.lastMovedAt = now;
      this.waiting = false;
    }
    // A pause is the person's: the playhead's clock starts again when they press play.
    if (video.paused) this.lastMovedAt = now;
    const loading = this.options.loading();
    const standing = !video.paused && !video.ended && (this.waiting || now - this.lastMovedAt >= this.options.frozenAfterMs);
    const frozen = !loading && standing;
    if (!frozen && !(loading && this.lastRequestFailed)) return this.set(null, false);
    this.set(this.causeNow(now), frozen);
  };

  private causeNow(now: number): MediaStall {
    const cause: StallCause = this.lastRequestFailed ? 'unreachable' : this.unchangedLiveRefreshes > 0 ? 'live-paused' : 'network-slow';
    return { cause, since: this.stall?.since ?? now };
  }

  private set(stall: MediaStall | null, frozen: boolean): void {
    if (stall?.cause === this.stall?.cause && frozen === this.frozen) return;
    this.stall = stall;
    this.frozen = frozen;
    this.options.onChange(stall, frozen);
  }
}

/** Whether fetching the stream again can help with this stall (a paused live source needs its source, not a retry). */
export function retryHelps(stall: MediaStall | null): boolean {
  return stall !== null && stall.cause !== 'live-paused';
}
