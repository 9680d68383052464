// Meet-up rooms shared by every node through Redis (MeetupRoomState), so each room has ONE audience count and
// ONE reaction aggregate whatever the number of nodes:
// - audience: each node writes its own count of the room's sockets into one hash per room (field = node id)
//   and keeps a heartbeat key alive; the audience is the sum over nodes whose heartbeat is alive, so a killed
//   node's sockets drop out of the count when its heartbeat expires, without anyone cleaning up after it;
// - reactions: every node sums its sockets' reactions in memory for a moment (flushMs) and then adds them into the
//   room's open window (one hash, HINCRBY per kind), so Redis sees a few writes per node and room a second, not one
//   per reaction message; one node
//   per room holds a short lease (SET NX PX, renewed while it lives) and only it closes windows, stores them and
//   broadcasts the aggregate through the adapter to every node. If it dies, the lease lapses and the next node
//   to tick takes over; no reaction is lost because the window lives in Redis, not in the dead node.
import type { ReactionKind } from '../../protocol/meetup';
import type { MeetupRoomState } from '../meetup/room-state';
import { REACTION_KINDS } from '../../protocol/meetup';
import type { ReactionCounts } from '../storage/meetup-storage';
import { REDIS_PREFIX, type RedisClient } from './redis-link';

export interface RedisRoomStateOptions {
  nodeId: string;
  /** How long a room's aggregator lease lasts without renewal; a few reaction windows. */
  leaseMs?: number;
  /** How often this node proves it is alive; its audience counts are ignored after 3 missed beats. */
  heartbeatMs?: number;
  /** How long reactions are summed on this node before they go to Redis; well under a reaction window. */
  flushMs?: number;
  /**
   * How long a room's audience sum is reused: summing reads one field per node, so with hundreds of nodes
   * each node asks at most this often per room. This node's own joins and leaves show at once.
   */
  audienceCacheMs?: number;
  onError?: (err: unknown) => void;
}

const key = {
  audience: (meetupId: string) => `${REDIS_PREFIX}meetup:${meetupId}:audience`,
  window: (meetupId: string) => `${REDIS_PREFIX}meetup:${meetupId}:window`,
  lease: (meetupId: string) => `${REDIS_PREFIX}meetup:${meetupId}:aggregator`,
  roomsWithReactions: `${REDIS_PREFIX}meetup:rooms-with-reactions`,
  alive: (nodeId: string) => `${REDIS_PREFIX}node:${nodeId}:alive`,
};

// KEYS[1] audience hash. Sums the fields (node id → count) whose node heartbeat key exists; drops the others.
const SUM_LIVE_AUDIENCE = `
local entries = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #entries, 2 do
  if redis.call('EXISTS', ARGV[1] .. entries[i] .. ':alive') == 1 then
    total = total + tonumber(entries[i + 1])
  else
    redis.call('HDEL', KEYS[1], entries[i])
  end
end
return total
`;

// KEYS[1] window hash, KEYS[2] rooms set; ARGV[1] room, ARGV[2] kind, ARGV[3] count.
const ADD_REACTIONS = `
redis.call('HINCRBY', KEYS[1], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`;

// KEYS[1] window hash, KEYS[2] rooms set; ARGV[1] room. Takes the window and forgets the room in one step.
const TAKE_WINDOW = `
local counts = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return counts
`;

// KEYS[1] lease; ARGV[1] node id, ARGV[2] lease ms. 1 when this node holds the lease (taken or renewed).
const HOLD_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

export class RedisRoomState implements MeetupRoomState {
  /** This node's members per room: joins and leaves stay idempotent, and the count written is exact. */
  private readonly local = new Map<string, Set<string>>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly flusher: ReturnType<typeof setInterval>;
  /** Reactions of this node's sockets not yet in Redis, per room and kind. */
  private pending = new Map<string, ReactionCounts>();
  private readonly audienceCache = new Map<string, { at: number; audience: Promise<number> }>();
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisRoomStateOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 2_000;
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
    this.heartbeat = setInterval(() => void this.beat(), this.heartbeatMs);
    this.heartbeat.unref();
    this.flusher = setInterval(() => void this.flushReactions(), options.flushMs ?? 100);
    this.flusher.unref();
    void this.beat();
  }

  async join(meetupId: string, memberId: string): Promise<number> {
    let room = this.local.get(meetupId);
    if (!room) this.local.set(meetupId, (room = new Set()));
    room.add(memberId);
    await this.publishCount(meetupId);
    this.audienceCache.delete(meetupId);
    return this.audience(meetupId);
  }

  async leave(meetupId: string, memberId: string): Promise<number> {
    const room = this.local.get(meetupId);
    room?.delete(memberId);
    if (room?.size === 0) this.local.delete(meetupId);
    await this.publishCount(meetupId);
    this.audienceCache.delete(meetupId);
    return this.audience(meetupId);
  }

  audience(meetupId: string): Promise<number> {
    const now = Date.now();
    const cached = this.audienceCache.get(meetupId);
    if (cached && now - cached.at < (this.options.audienceCacheMs ?? 250)) return cached.audience;
    const audience = this.client.eval(SUM_LIVE_AUDIENCE, { keys: [key.audience(meetupId)], arguments: [`${REDIS_PREFIX}node:`] }).then(Number);
    this.audienceCache.set(meetupId, { at: now, audience });
    // A failed read is not kept: the next caller asks Redis again.
    audience.catch(() => this.audienceCache.delete(meetupId));
    if (this.audienceCache.size > 10_000) this.audienceCache.clear();
    return audience;
  }

  addReactions(meetupId: string, kind: ReactionKind, count: number): Promise<void> {
    let room = this.pending.get(meetupId);
    if (!room) this.pending.set(meetupId, (room = {}));
    room[kind] = (room[kind] ?? 0) + count;
    return Promise.resolve();
  }

  /** Rooms with reactions waiting that this node aggregates (it holds, or has just taken, their lease). */
  async roomsWithReactions(): Promise<string[]> {
    await this.flushReactions();
    const rooms = await this.client.sMembers(key.roomsWithReactions);
    const mine: string[] = [];
    for (const meetupId of rooms) {
      const held = await this.client.eval(HOLD_LEASE, { keys: [key.lease(meetupId)], arguments: [this.options.nodeId, String(this.leaseMs)] });
      if (Number(held) === 1) mine.push(meetupId);
    }
    return mine;
  }

  async takeWindow(meetupId: string): Promise<ReactionCounts> {
    await this.flushReactions();
    const flat = (await this.client.eval(TAKE_WINDOW, { keys: [key.window(meetupId), key.roomsWithReactions], arguments: [meetupId] })) as string[];
    const counts: ReactionCounts = {};
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const kind = flat[i] as ReactionKind;
      const n = Number(flat[i + 1]);
      if ((REACTION_KINDS as readonly string[]).includes(kind) && Number.isInteger(n) && n > 0) counts[kind] = n;
    }
    return counts;
  }

  /** Stops the heartbeat and takes this node's counts out (a drained node's sockets have moved elsewhere). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    clearInterval(this.flusher);
    await this.flushReactions();
    const rooms = [...this.local.keys()];
    this.local.clear();
    try {
      await Promise.all([...rooms.map((meetupId) => this.client.hDel(key.audience(meetupId), this.options.nodeId)), this.client.del(key.alive(this.options.nodeId))]);
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  /** Moves this node's summed reactions into the rooms' open windows; what fails is kept for the next flush. */
  private async flushReactions(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [meetupId, counts] of batch) {
      for (const kind of REACTION_KINDS) {
        const n = counts[kind];
        if (!n) continue;
        try {
          await this.client.eval(ADD_REACTIONS, { keys: [key.window(meetupId), key.roomsWithReactions], arguments: [meetupId, kind, String(n)] });
        } catch (err) {
          this.options.onError?.(err);
          void this.addReactions(meetupId, kind, n);
        }
      }
    }
  }

  private async publishCount(meetupId: string): Promise<void> {
    const size = this.local.get(meetupId)?.size ?? 0;
    if (size === 0) await this.client.hDel(key.audience(meetupId), this.options.nodeId);
    else await this.client.hSet(key.audience(meetupId), this.options.nodeId, String(size));
  }

  private async beat(): Promise<void> {
    try {
      await this.client.set(key.alive(this.options.nodeId), '1', { PX: this.heartbeatMs * 3 });
      // Rewrite this node's counts too: a Redis restart (or a sweep after a long pause) must not lose them.
      for (const meetupId of this.local.keys()) await this.publishCount(meetupId);
    } catch (err) {
      this.options.onError?.(err);
    }
  }
}
