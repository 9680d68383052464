// A circle member without a page: the real framework-free circle client (src/circles: socket, shared clock,
// follower, presence) driving a simulated player (test/circles/sim-player.ts, footage that does not loop here)
// instead of a <video>. Used by the multi-node circle test and by
// `npm run bench:circles`, so both judge the product's own sync logic over real sockets; only the video is stood in.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { CircleClient, CircleFollower, CirclePresence, type Direction } from '../../src/circles';
import { circleMediaTime, type CircleDevice, type CircleView } from '../../src/protocol/circle';
import { SimPlayer } from '../circles/sim-player';

export interface SimulatedMemberOptions {
  url: string;
  name: string;
  device?: CircleDevice;
  /** How long moving to another location takes before its player is there (a new stream to open). */
  loadMs?: number;
  /** How long the player's seeks and plays take to land. */
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
  player: SimPlayer | undefined;
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
    this.player = undefined;
    this.follower.setPlayer(undefined);
    clearTimeout(this.loadTimer);
    this.loadTimer = setTimeout(() => {
      this.player = this.newPlayer();
      this.follower.setPlayer(this.player);
    }, this.options.loadMs ?? 20);
  }

  /** Where this member starts: the host's own location (the circle starts there). */
  startAt(locationId: string, mediaTime: number, playing: boolean): void {
    this.location = locationId;
    this.player = this.newPlayer();
    this.player.seek(mediaTime);
    if (playing) void this.player.play();
    this.follower.setPlayer(this.player);
  }

  private newPlayer(): SimPlayer {
    const delay = this.options.seekMs ?? 30;
    return new SimPlayer({ duration: Number.POSITIVE_INFINITY, seekDelayMs: delay, playDelayMs: delay });
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
    this.client.dispose();
  }
}
