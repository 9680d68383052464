// Makes one member's player follow the circle: moves to the circle's location, plays or pauses with it, and keeps
// its media time on the circle's (small drift by playback rate, large by a seek), through the media session's
// commands only. It tells the circle when the player stalls (the circle may wait a few seconds) and resumes.
// In a live meet-up the circle watches together, the target is the live edge minus the circle's latency
// (live-follow.ts), followed by the same policy; a member the server did not let in stays where they are.
import type { MediaSessionEvents } from '../media/media-events';
import type { CircleClient } from './circle-client';
import type { CircleTime } from './circle-client';
import { decideFollow, type FollowCommands } from './follow-policy';
import { liveLatencyOf, liveTarget } from './live-follow';
import { SpeedEstimate } from './speed-estimate';

/** What the follower needs of a player: the media session's commands, readouts and events (MediaSession fits). */
export interface CirclePlayer {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly playbackRate: number;
  readonly duration: number;
  play(): Promise<boolean>;
  pause(): void;
  seek(seconds: number): void;
  setPlaybackRate(rate: number): void;
  /** The wall-clock time of the frame on screen, from the live stream's program date-times (MediaSession has it). */
  readonly playingDate?: Date | null;
  on<K extends 'stalled' | 'resumed' | 'seeked'>(event: K, listener: (data: MediaSessionEvents[K]) => void): () => void;
}

export interface CircleFollowerOptions {
  client: CircleClient;
  /** Moves this member's view to a location of the tour (the tour player); the player then changes. */
  moveTo: (locationId: string) => void;
  /** The location this member's view shows now. */
  locationNow: () => string | undefined;
  /** The meet-up this member's view shows now (its stage), if any; a view that can show none leaves it out. */
  meetupNow?: () => string | undefined;
  /** Opens the meet-up's stage (the server let this member in), or, with undefined, goes back to the tour. */
  moveToMeetup?: (meetupId: string | undefined) => void;
}

/** Readouts for tests, the stats overlay and the benchmark. */
export interface FollowReadout {
  drift: number;
  /** In a live meet-up: how far behind live this player's picture is (seconds); undefined elsewhere. */
  liveLatency?: number;
  /** The player's measured speed for its rate (speed-estimate.ts). */
  speed: number;
  seeks: number;
  rateChanges: number;
}

/** A stall of this member's player: the timer that tells the circle after the grace, and whether it has. */
interface PlayerStall {
  timer: ReturnType<typeof setTimeout> | undefined;
  told: boolean;
}

export class CircleFollower {
  readonly readout: FollowReadout = { drift: 0, speed: 1, seeks: 0, rateChanges: 0 };
  private readonly speed: SpeedEstimate;
  private player: CirclePlayer | undefined;
  private unbindPlayer: (() => void) | undefined;
  private seekingUntil = 0;
  /** When the seek on its way was asked for, and how long seeks have been taking (s, smoothed). */
  private seekAskedAt = 0;
  private seekLatency = 0;
  private askedLocation: string | undefined;
  /** The meet-up (or '' for the tour) this member's view was last asked to show. */
  private askedMeetup: string | undefined;
  /** A location this member moved to themself, asked of the circle: not undone while the answer is on its way. */
  private localMove: { locationId: string; until: number } | undefined;
  /** The player stands still (a stall said by the media session); told to the circle once it lasts `stallGraceMs`. */
  private stall: PlayerStall | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: CircleFollowerOptions) {
    this.speed = new SpeedEstimate(options.client.config.speedWindowS, options.client.config.maxSpeedTrim);
    this.timer = setInterval(() => this.follow(), options.client.config.followIntervalMs);
    // A new view (someone pressed play, a new location) is followed at once, not at the next tick.
    this.unsubscribe = options.client.subscribe(() => this.follow());
  }

  /** The player on screen now (a location change brings a new one); undefined while there is none. */
  setPlayer(player: CirclePlayer | undefined): void {
    if (player === this.player) return;
    this.unbindPlayer?.();
    this.stallEnded();
    this.player = player;
    this.seekingUntil = 0;
    this.speed.interrupt();
    if (!player) return void (this.unbindPlayer = undefined);
    const offs = [player.on('stalled', () => this.stallBegan()), player.on('resumed', () => this.stallEnded()), player.on('seeked', () => this.seekLanded())];
    this.unbindPlayer = () => offs.forEach((off) => off());
    this.follow();
  }

  /** One comparison of the player with the circle, and the commands it calls for. */
  follow(): void {
    const client = this.options.client;
    const time = client.current.status === 'joined' ? client.circleTime() : undefined;
    if (!time) return;
    if (this.followMeetup(time)) return;
    const local = this.localMove;
    if (local && (local.locationId === time.locationId || performance.now() > local.until)) this.localMove = undefined;
    else if (local) return;
    if (this.options.locationNow() !== time.locationId) {
      if (this.askedLocation !== time.locationId) {
        this.askedLocation = time.locationId;
        this.options.moveTo(time.locationId);
      }
      return;
    }
    this.askedLocation = undefined;
    const player = this.player;
    if (!player) return;
    const now = performance.now();
    const seeking = now < this.seekingUntil;
    // A standing picture (a stall) says nothing of how fast this player plays.
    if (time.advancing && !player.paused && !seeking && !this.stall) this.speed.sample(player.currentTime, now, player.playbackRate);
    else this.speed.interrupt();
    const commands = decideFollow(
      {
        target: time.mediaTime,
        advancing: time.advancing,
        actual: player.currentTime,
        paused: player.paused,
        rate: player.playbackRate,
        duration: player.duration,
        seeking,
        seekLead: this.seekLatency,
        speed: this.speed.speed,
      },
      client.config,
    );
    delete this.readout.liveLatency;
    this.apply(player, commands, now);
  }

  /**
   * The circle in a meet-up, or this member's view still on one: takes the view where it belongs (the stage of the
   * meet-up the server let this member into, else the tour) and, on the stage, follows the live edge minus the
   * circle's latency. True when the tour's own following has nothing to do now.
   */
  private followMeetup(time: CircleTime): boolean {
    const entry = this.options.client.meetupEntry();
    // Not yet checked by the server: nobody sets off before it has said whether they may.
    if (time.live && entry?.kind === 'unknown') return true;
    const live = time.live && entry?.kind === 'admitted' ? time.live : undefined;
    const here = this.options.meetupNow?.();
    if ((live?.meetupId ?? '') !== (here ?? '')) {
      if (this.askedMeetup !== (live?.meetupId ?? '')) {
        this.askedMeetup = live?.meetupId ?? '';
        this.options.moveToMeetup?.(live?.meetupId);
      }
      return true;
    }
    this.askedMeetup = undefined;
    if (!live) return false;
    const player = this.player;
    if (!player) return true;
    const now = performance.now();
    const serverNowMs = this.options.client.clock.serverNow();
    const playingDateMs = player.playingDate?.getTime() ?? null;
    const target = liveTarget({ currentTime: player.currentTime, playingDateMs, serverNowMs, latencyS: live.latencyS });
    // No playing date yet (the first segment is on its way): the player starts at its own live position.
    if (target === null) return true;
    const seeking = now < this.seekingUntil;
    if (!player.paused && !seeking && !this.stall) this.speed.sample(player.currentTime, now, player.playbackRate);
    else this.speed.interrupt();
    const commands = decideFollow(
      { target, advancing: true, actual: player.currentTime, paused: player.paused, rate: player.playbackRate, duration: Infinity, seeking, seekLead: this.seekLatency, speed: this.speed.speed },
      this.options.client.config,
    );
    this.readout.liveLatency = liveLatencyOf({ playingDateMs, serverNowMs }) ?? undefined;
    this.apply(player, commands, now);
    return true;
  }

  /**
   * This member went to another location themself and asked the circle to follow: hold off moving them back for
   * up to `holdMs` (the circle's answer is on its way). `refused()` lets the circle win at once.
   */
  movedLocally(locationId: string, holdMs = 3_000): void {
    this.localMove = { locationId, until: performance.now() + holdMs };
  }

  refused(): void {
    this.localMove = undefined;
    this.follow();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.unsubscribe();
    this.unbindPlayer?.();
    this.stallEnded();
    if (this.player && this.player.playbackRate !== 1) this.player.setPlaybackRate(1);
    this.player = undefined;
  }

  /** The player stalled: the circle is told (and may wait for this member) only if it lasts `stallGraceMs`. */
  private stallBegan(): void {
    this.speed.interrupt();
    if (this.stall) return;
    const stall: PlayerStall = { timer: undefined, told: false };
    stall.timer = setTimeout(() => {
      stall.timer = undefined;
      stall.told = true;
      this.options.client.reportBuffering(true);
    }, this.options.client.config.stallGraceMs);
    this.stall = stall;
  }

  /** The player plays again (or is gone): a stall the circle was told of is over. */
  private stallEnded(): void {
    const stall = this.stall;
    if (!stall) return;
    this.stall = undefined;
    clearTimeout(stall.timer);
    this.speed.interrupt();
    if (stall.told) this.options.client.reportBuffering(false);
  }

  private seekLanded(): void {
    if (this.seekingUntil === 0) return;
    const took = Math.min(2, (performance.now() - this.seekAskedAt) / 1000);
    this.seekLatency = this.seekLatency === 0 ? took : this.seekLatency * 0.5 + took * 0.5;
    this.seekingUntil = 0;
  }

  private apply(player: CirclePlayer, commands: FollowCommands, now: number): void {
    this.readout.drift = commands.drift;
    this.readout.speed = this.speed.speed;
    if (commands.rate !== undefined) {
      player.setPlaybackRate(commands.rate);
      this.readout.rateChanges++;
    }
    if (commands.seek !== undefined) {
      // No second seek until this one lands (segments to fetch); the rate then takes up what is left.
      player.seek(commands.seek);
      this.speed.interrupt();
      this.seekAskedAt = now;
      this.seekingUntil = now + this.options.client.config.seekTimeoutMs;
      this.readout.seeks++;
    }
    if (commands.pause) player.pause();
    if (commands.play) void player.play();
  }
}
