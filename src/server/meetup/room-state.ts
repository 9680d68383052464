// The per-room counters the meet-ups share across sockets: who is in the audience and the reactions of the
// window being aggregated. Behind an interface so that a deployment running several nodes can keep them in
// Redis (a set per room for presence, a hash per room for the open window, drained by one node per room) and
// still broadcast ONE aggregate per room and window, with counts that include every node's sockets.
import { REACTION_KINDS, type ReactionKind } from '../../protocol/meetup';
import type { ReactionCounts } from '../storage/meetup-storage';

export interface MeetupRoomState {
  /** Adds an audience member (a socket id, unique across nodes) and resolves with the room's audience. */
  join(meetupId: string, memberId: string): Promise<number>;
  /** Removes a member (a no-op if absent) and resolves with the room's audience. */
  leave(meetupId: string, memberId: string): Promise<number>;
  audience(meetupId: string): Promise<number>;
  /** Counts reactions into the room's open window. */
  addReactions(meetupId: string, kind: ReactionKind, count: number): Promise<void>;
  /** Rooms whose open window holds reactions. */
  roomsWithReactions(): Promise<string[]>;
  /** Closes the room's open window: resolves with its counts (empty if none) and starts a new one. */
  takeWindow(meetupId: string): Promise<ReactionCounts>;
}

/** One process's rooms in memory: correct as long as every socket of a meet-up is on this node. */
export class InProcessRoomState implements MeetupRoomState {
  private readonly members = new Map<string, Set<string>>();
  private readonly windows = new Map<string, ReactionCounts>();

  join(meetupId: string, memberId: string): Promise<number> {
    let room = this.members.get(meetupId);
    if (!room) this.members.set(meetupId, (room = new Set()));
    room.add(memberId);
    return Promise.resolve(room.size);
  }

  leave(meetupId: string, memberId: string): Promise<number> {
    const room = this.members.get(meetupId);
    room?.delete(memberId);
    if (room?.size === 0) this.members.delete(meetupId);
    return Promise.resolve(room?.size ?? 0);
  }

  audience(meetupId: string): Promise<number> {
    return Promise.resolve(this.members.get(meetupId)?.size ?? 0);
  }

  addReactions(meetupId: string, kind: ReactionKind, count: number): Promise<void> {
    let window = this.windows.get(meetupId);
    if (!window) this.windows.set(meetupId, (window = {}));
    window[kind] = (window[kind] ?? 0) + count;
    return Promise.resolve();
  }

  roomsWithReactions(): Promise<string[]> {
    return Promise.resolve([...this.windows.keys()]);
  }

  takeWindow(meetupId: string): Promise<ReactionCounts> {
    const window = this.windows.get(meetupId) ?? {};
    this.windows.delete(meetupId);
    return Promise.resolve(window);
  }
}

export function sumCounts(counts: ReactionCounts): number {
  return REACTION_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
}
