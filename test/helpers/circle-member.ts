// A circle member without a page: the real framework-free circle client (src/circles: socket, shared clock,
// follower, presence) driving a simulated player instead of a <video>. Used by the multi-node circle test and by
// `npm run bench:circles`, so both judge the product's own sync logic over real sockets; only the video is stood in.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { CircleClient, CircleFollower, CirclePresence, type CirclePlayer, type Direction } from '../../src/circles';
import { circleMediaTime, type CircleDevice, type CircleView } from '../../src/protocol/circle';
import type { MediaSessionEvents } from '../../src/media/media-events';

type PlayerEvent = 'stalled' | 'resumed' | 'seeked';

/**
 * A player whose media clock is the wall clock times its rate: play, pause, seek (landing after `seekMs`, the
 * time standing still meanwhile, as a real seek does) and rate, with the media session's events.
 */
export class SimulatedPlayer implements CirclePlayer {
  paused = true;
  playbackRate = 1;
  readonly duration = Number.NaN;
  private base = 0;
  private since = performance.now();
  private readonly listeners = new Map<PlayerEvent, Set<(data: never) => void>>();
  private seekTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly seekMs = 30) {}

  get currentTime(): number {
    if (this.paused) return this.base;
    return this.base + (Math.max(0, performance.now() - this.since) / 1000) * this.playbackRate;
  }

  play(): Promise<boolean> {
    if (this.paused) {
      this.paused = false;
      this.since = Math.max(this.since, performance.now());
    }
    return Promise.resolve(true);
  }

  pause(): void {
    this.base = this.currentTime;
    this.paused = true;
  }

  seek(seconds: number): void {
    this.base = seconds;
    // The media clock stands still until the seek lands.
    this.since = performance.now() + this.seekMs;
    clearTimeout(this.seekTimer);
    this.seekTimer = setTimeout(() => this.emit('seeked'), this.seekMs);
  }

  setPlaybackRate(rate: number): void {
    this.base = this.currentTime;
    this.since = Math.max(this.since, performance.now());
    this.playbackRate = rate;
  }

  on<K extends PlayerEvent>(event: K, listener: (data: MediaSessionEvents[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  dispose(): void {
    clearTimeout(this.seekTimer);
    this.listeners.clear();
  }

  private emit(event: PlayerEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener(undefined as never);
  }
}

export interface SimulatedMemberOptions {
  url: string;
  name: string;
  device?: CircleDevice;
  /** How long moving to another location takes before its player is there (a new stream to open). */
  loadMs?: number;
  seekMs?: number;
  /** With presence: where this member looks (changed with `look`). */
  presence?: boolean;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** One member: client + follower (+ presence) over a simulated player that changes with the location. */
export class SimulatedMember {
  readonly client: CircleClient;
  readonly follower: CircleFollower;
  readonly presence: CirclePresence | undefined;
  location: string | undefined;
  player: SimulatedPlayer | undefined;
  direction: Direction = { yaw: 0, pitch: 0 };
  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SimulatedMemberOptions) {
    this.client = new CircleClient({
      url: options.url,
      token: () => undefined,
      name: () => options.name,
      device: options.device ?? 'desktop',
      socketOptions: { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 1_000, ...options.socketOptions },
    });
    this.follower = new CircleFollower({ client: this.client, moveTo: (locationId) => this.moveTo(locationId), locationNow: () => this.location });
    this.presence = options.presence ? new CirclePresence({ client: this.client, direction: () => this.direction, locationNow: () => this.location, sendEveryMs: 100 }) : undefined;
  }

  /** The view shows another location: its player comes a moment later, at 0 and paused, as a new stream does. */
  moveTo(locationId: string): void {
    this.location = locationId;
    this.player?.dispose();
    this.player = undefined;
    this.follower.setPlayer(undefined);
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => {
      this.player = new SimulatedPlayer(this.options.seekMs);
      this.follower.setPlayer(this.player);
    }, this.options.loadMs ?? 20);
  }

  /** Where this member starts: the host's own location (the circle starts there). */
  startAt(locationId: string, mediaTime: number, playing: boolean): void {
    this.location = locationId;
    this.player = new SimulatedPlayer(this.options.seekMs);
    this.player.seek(mediaTime);
    if (playing) void this.player.play();
    this.follower.setPlayer(this.player);
  }

  get view(): CircleView | undefined {
    return this.client.current.view;
  }

  /**
   * Player minus the circle's true time (s), reading the circle from `view` (the newest the test knows) on the
   * server's own clock (every process here shares the machine's clock); undefined while away from its location.
   */
  driftFrom(view: CircleView, serverNow = Date.now()): number | undefined {
    if (!this.player || this.location !== view.playback.locationId) return undefined;
    return this.player.currentTime - circleMediaTime(view.playback, serverNow, view.waiting !== undefined);
  }

  dispose(): void {
    clearTimeout(this.loadTimer);
    this.presence?.dispose();
    this.follower.dispose();
    this.player?.dispose();
    this.client.dispose();
  }
}
