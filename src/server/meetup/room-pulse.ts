// The room's regular news: the audience count (throttled, only when it changed) to everyone, and the audience
// with the reaction rate to the hosts. Joins and leaves only mark a room; the beats send.
// Each node tells only its own sockets (`io.local`), and only when the room-wide count it reads has changed: with
// several nodes, a room-wide emit from every node with joins would reach each viewer once per node.
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
  /** Rooms with audience on this node → the count their sockets last heard (-1: nothing yet). */
  private readonly lastAudience = new Map<string, number>();
  /** Rooms with a host on this node, and how many. */
  private readonly hosts = new Map<string, number>();
  private readonly timers: ReturnType<typeof setInterval>[];

  constructor(private readonly options: RoomPulseOptions) {
    this.timers = [setInterval(() => this.sendPresence(), options.presenceIntervalMs), setInterval(() => this.sendHostStats(), options.hostStatsIntervalMs)];
  }

  /** The audience changed: the room hears the new count on the next beat. */
  audienceChanged(meetupId: string): void {
    if (!this.lastAudience.has(meetupId)) this.lastAudience.set(meetupId, -1);
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
    for (const meetupId of [...this.lastAudience.keys()]) {
      const room = roomOf(meetupId);
      // The local adapter's rooms are this node's sockets only: a room that emptied here needs no more beats.
      if (!io.of('/').adapter.rooms.has(room)) {
        this.lastAudience.delete(meetupId);
        continue;
      }
      // Other nodes' joins change the sum too, so every beat reads it; the room state caches it briefly.
      roomState.audience(meetupId).then(
        (audience) => {
          const heard = this.lastAudience.get(meetupId);
          if (heard === undefined || heard === audience) return;
          this.lastAudience.set(meetupId, audience);
          io.local.to(room).emit(MEETUP_EVENTS.presence, { meetupId, audience });
        },
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
          // Its own hosts only: each node with hosts sends them this, and a room-wide emit would mix the nodes' views.
          io.local.to(hostRoomOf(meetupId)).emit(MEETUP_EVENTS.hostStats, stats);
        },
        (err: unknown) => log.error('host stats not sent', { meetupId, error: String(err) }),
      );
    }
  }
}
