// What the circle gateway's handlers share: the socket.io server, storage, limits, counters, the room names,
// the view every member is sent, and the one way a circle changes (a compare-and-set on its rev, retried).
// Each concern (membership, playback, host actions, expiry) is its own file and gets this one object.
import type { Server, Socket } from 'socket.io';
import type { ProtocolError } from '../../protocol';
import { CIRCLE_EVENTS, type CircleRefusal, type CircleRefusalReason, type CircleView } from '../../protocol/circle';
import type { Access } from '../access';
import type { ServerLog } from '../server-log';
import type { CircleChanges, CircleRecord, CircleStorage, MemberRecord } from '../storage/circle-storage';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupStorage } from '../storage/meetup-storage';
import type { CircleLimits } from './circle-limits';

export interface CircleGatewayOptions {
  storage: CircleStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  /** The server's meet-ups, for circles that watch one together; without them a `meetup` move is refused. */
  meetups?: Pick<MeetupStorage, 'getMeetup'>;
  limits: CircleLimits;
  log: ServerLog;
  /** The server's clock (ms since the epoch); the circle's time is anchored on it. */
  now?: () => number;
}

export interface CircleGatewayStats {
  created: number;
  joins: number;
  refused: number;
  controls: number;
  rateLimited: number;
  broadcasts: number;
}

/** What the gateway keeps on each socket, beside the feed's `access`: the circle it is in, as which member. */
export interface CircleSocketData {
  access: Access;
  /** `v`: the circle protocol version the member joined with (a v1 app is never taken into a meet-up). */
  circle?: { circleId: string; memberId: string; v?: number };
  lastCircleErrorAt?: number;
}

export const circleRoomOf = (circleId: string) => `circle:${circleId}`;
export const circleSocketData = (socket: Socket) => socket.data as CircleSocketData;

export class Refused extends Error {
  constructor(
    readonly reason: CircleRefusalReason,
    readonly code: ProtocolError['code'],
    message: string,
  ) {
    super(message);
  }

  toReply(): CircleRefusal {
    return { ok: false, reason: this.reason, error: { code: this.code, message: this.message } };
  }
}

export interface CircleContext {
  io: Server;
  options: CircleGatewayOptions;
  stats: CircleGatewayStats;
  now(): number;
  /**
   * Changes a circle: `decide` sees the current record and returns the changes (or throws Refused); if another
   * change got in first, it runs again on the newer record. Resolves with the stored record, or undefined when
   * `decide` found nothing to change (returned null).
   */
  mutate<T extends CircleChanges | null>(circleId: string, decide: (circle: CircleRecord) => T | Promise<T>): Promise<T extends null ? CircleRecord | undefined : CircleRecord>;
  /** The view of a circle as its members see it, with who is online now (across nodes, through the adapter). */
  viewOf(circle: CircleRecord, members?: MemberRecord[]): Promise<CircleView>;
  /** Sends the circle's view to its room; resolves with the view it sent. */
  broadcast(circle: CircleRecord): Promise<CircleView>;
  /** The socket's circle, checked: the circle id must be the one it joined, and it must still be a member. */
  memberOf(socket: Socket, circleId: string): Promise<{ circle: CircleRecord; member: MemberRecord }>;
  /**
   * Checks every online member's own entry to the meet-up the circle watches and tells the room (circle-meetups.ts);
   * resolves with the circle as it now is (back on the tour if its meet-up has ended meanwhile).
   */
  announceMeetupEntry?: (circle: CircleRecord) => Promise<CircleRecord>;
}

export function createCircleContext(io: Server, options: CircleGatewayOptions): CircleContext {
  const stats: CircleGatewayStats = { created: 0, joins: 0, refused: 0, controls: 0, rateLimited: 0, broadcasts: 0 };
  const now = options.now ?? Date.now;
  const { storage } = options;

  const viewOf = async (circle: CircleRecord, members?: MemberRecord[]): Promise<CircleView> => {
    const list = members ?? (await storage.members(circle.id));
    const sockets = await io.in(circleRoomOf(circle.id)).fetchSockets();
    const online = new Set(sockets.map((s) => (s.data as CircleSocketData).circle?.memberId));
    return {
      id: circle.id,
      code: circle.code,
      projectId: circle.projectId,
      hostId: circle.hostId,
      control: circle.control,
      maxMembers: circle.maxMembers,
      members: list.map((m) => ({ id: m.id, name: m.name, device: m.device, online: online.has(m.id), joinedAt: m.joinedAt })),
      playback: circle.playback,
      ...(circle.waiting ? { waiting: circle.waiting } : {}),
      rev: circle.rev,
    };
  };

  return {
    io,
    options,
    stats,
    now,
    viewOf,
    mutate: (async (circleId: string, decide: (circle: CircleRecord) => CircleChanges | null | Promise<CircleChanges | null>) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const circle = await storage.getCircle(circleId);
        if (!circle) throw new Refused('not-member', 'not-found', 'there is no such circle');
        if (circle.status !== 'open') throw closedRefusal(circle);
        const changes = await decide(circle);
        if (changes === null) return undefined;
        const stored = await storage.updateCircle(circleId, circle.rev, { activeAt: now(), ...changes });
        if (stored) return stored;
      }
      throw new Error(`circle ${circleId} kept changing under five attempts`);
    }) as CircleContext['mutate'],
    async broadcast(circle) {
      stats.broadcasts++;
      const view = await viewOf(circle);
      io.to(circleRoomOf(circle.id)).emit(CIRCLE_EVENTS.state, view);
      return view;
    },
    async memberOf(socket, circleId) {
      const mine = circleSocketData(socket).circle;
      if (!mine || mine.circleId !== circleId) throw new Refused('not-member', 'forbidden', 'you are not in this circle: join it with its code first');
      const [circle, member] = await Promise.all([storage.getCircle(circleId), storage.getMember(circleId, mine.memberId)]);
      if (!circle) throw new Refused('not-member', 'not-found', 'there is no such circle');
      if (circle.status !== 'open') throw closedRefusal(circle);
      if (!member || member.removed) throw new Refused('not-member', 'forbidden', 'you are no longer in this circle');
      return { circle, member };
    },
  };
}

export function closedRefusal(circle: CircleRecord): Refused {
  return circle.status === 'expired'
    ? new Refused('expired', 'not-found', 'this circle has expired: ask for a new invite')
    : new Refused('ended', 'not-found', 'the host ended this circle');
}
