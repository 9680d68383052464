// The room's regular news: the audience count (throttled, only when it changed) to everyone, and the audience
// with the reaction rate to the hosts. Joins and leaves only mark a room; the beats send.
import type { Server } from 'socket.io';
import { MEETUP_EVENTS, type HostStats } from '../../protocol/meetup';
import type { ServerLog } from '../server-log';
import type { MeetupStorage } from '../storage/meetup-storage';
import type { MeetupRoomState } from './room-state';

export interface RoomPulseOptions {
  io: Server;
  roomState: MeetupRoomState;
  storage: MeetupStorage;
  roomOf: (meetupId: string) => string;
  hostRoomOf: (meetupId: string) => string;
  /** Reactions per second in a room, for the hosts. */
  reactionRate: (meetupId: string) => number;
  presenceIntervalMs: number;
  hostStatsIntervalMs: number;
  log: ServerLog;
}

export class RoomPulse {
  private readonly presenceDue = new Set<string>();
  /** Rooms with a host on this node, and how many. */
  private readonly hosts = new Map<string, number>();
  private readonly timers: ReturnType<typeof setInterval>[];

  constructor(private readonly options: RoomPulseOptions) {
    this.timers = [setInterval(() => this.sendPresence(), options.presenceIntervalMs), setInterval(() => this.sendHostStats(), options.hostStatsIntervalMs)];
  }

  /** The audience changed: the room hears the new count on the next beat. */
  audienceChanged(meetupId: string): void {
    this.presenceDue.add(meetupId);
  }

  hostJoined(meetupId: string): void {
    this.hosts.set(meetupId, (this.hosts.get(meetupId) ?? 0) + 1);
  }

  hostLeft(meetupId: string): void {
    const left = (this.hosts.get(meetupId) ?? 1) - 1;
    if (left > 0) this.hosts.set(meetupId, left);
    else this.hosts.delete(meetupId);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  private sendPresence(): void {
    const { io, roomState, roomOf, log } = this.options;
    for (const meetupId of [...this.presenceDue]) {
      this.presenceDue.delete(meetupId);
      roomState.audience(meetupId).then(
        (audience) => io.to(roomOf(meetupId)).emit(MEETUP_EVENTS.presence, { meetupId, audience }),
        (err: unknown) => log.error('presence not sent', { meetupId, error: String(err) }),
      );
    }
  }

  private sendHostStats(): void {
    const { io, roomState, storage, hostRoomOf, reactionRate, log } = this.options;
    for (const meetupId of this.hosts.keys()) {
      Promise.all([roomState.audience(meetupId), storage.questions(meetupId, false)]).then(
        ([audience, questions]) => {
          const stats: HostStats = {
            meetupId,
            audience,
            reactionsPerSecond: reactionRate(meetupId),
            openQuestions: questions.filter((q) => q.status === 'open' || q.status === 'spotlight').length,
          };
          io.to(hostRoomOf(meetupId)).emit(MEETUP_EVENTS.hostStats, stats);
        },
        (err: unknown) => log.error('host stats not sent', { meetupId, error: String(err) }),
      );
    }
  }
}
