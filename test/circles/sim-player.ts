// A player that keeps media time as a <video> does, for the follower's tests in Node (a real <video> cannot run
// here; the browser test plays real HLS): time runs with the wall clock at the playback rate while playing, a
// seek lands after a short fetch delay and says `seeked`, play starts after a short delay, and a stall stops the
// clock until resumed. It loops at its duration, as the tour's footage does.
import type { MediaSessionEvents } from '../../src/media/media-events';
import type { CirclePlayer } from '../../src/circles';

type Listener = (data: never) => void;

export class SimPlayer implements CirclePlayer {
  readonly duration: number;
  private time = 0;
  private since = performance.now();
  private rate = 1;
  private playing = false;
  private stalled = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  commands = 0;

  constructor(options: { duration?: number; seekDelayMs?: number; playDelayMs?: number } = {}) {
    this.duration = options.duration ?? 600;
    this.seekDelayMs = options.seekDelayMs ?? 60;
    this.playDelayMs = options.playDelayMs ?? 30;
  }
  private readonly seekDelayMs: number;
  private readonly playDelayMs: number;

  get currentTime(): number {
    const advancing = this.playing && !this.stalled;
    const t = this.time + (advancing ? ((performance.now() - this.since) / 1000) * this.rate : 0);
    return t % this.duration;
  }
  get paused(): boolean {
    return !this.playing;
  }
  get playbackRate(): number {
    return this.rate;
  }

  play(): Promise<boolean> {
    this.commands++;
    return new Promise((resolve) =>
      setTimeout(() => {
        this.settle();
        this.playing = true;
        resolve(true);
      }, this.playDelayMs),
    );
  }
  pause(): void {
    this.commands++;
    this.settle();
    this.playing = false;
  }
  seek(seconds: number): void {
    this.commands++;
    setTimeout(() => {
      this.settle();
      this.time = seconds;
      this.emit('seeked', { mediaTime: seconds });
    }, this.seekDelayMs);
  }
  setPlaybackRate(rate: number): void {
    this.commands++;
    this.settle();
    this.rate = rate;
  }
  stall(): void {
    this.settle();
    this.stalled = true;
    this.emit('stalled', { mediaTime: this.time, stalls: 1 });
  }
  resume(): void {
    this.settle();
    this.stalled = false;
    this.emit('resumed', { mediaTime: this.time, stalledMs: 0 });
  }

  on<K extends 'stalled' | 'resumed' | 'seeked'>(event: K, listener: (data: MediaSessionEvents[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  private emit<K extends keyof MediaSessionEvents>(event: K, data: MediaSessionEvents[K]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (d: MediaSessionEvents[K]) => void)(data);
  }

  /** Folds the time played so far into `time`, before anything changes how it runs. */
  private settle(): void {
    this.time = this.currentTime;
    this.since = performance.now();
  }
}
