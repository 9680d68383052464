// What the meet-up gateway's handlers share: the socket.io server, options, counters, the rooms' names, a short
// cache of meet-up states, and the two reply shapes. Each concern (presence, reactions, questions, host actions)
// is its own file and gets this one object.
import type { Server, Socket } from 'socket.io';
import type { ProtocolError } from '../../protocol';
import type { ActionReply, JoinReply, Meetup } from '../../protocol/meetup';
import type { Access } from '../access';
import { streamUrlOf } from '../live-hls/live-hls-routes';
import type { ServerLog } from '../server-log';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import type { MeetupLimits } from './meetup-limits';
import type { MeetupRoomState } from './room-state';

export interface MeetupGatewayOptions {
  storage: MeetupStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  roomState: MeetupRoomState;
  limits: MeetupLimits;
  /** Several nodes share the rooms (socket.io adapter + shared room state): tell the others of each window. */
  nodesShareRooms: boolean;
  log: ServerLog;
}

export interface MeetupGatewayStats {
  joins: number;
  refusedJoins: number;
  reactionsAccepted: number;
  /** React messages refused: malformed, not joined, not live, or over the caller's limit. */
  reactMessagesRefused: number;
  rateLimited: number;
  invalidRequests: number;
  forbiddenModerations: number;
  questionsAsked: number;
  windowsBroadcast: number;
}

export type Role = 'audience' | 'host';

/** What the gateway keeps on each socket, beside the feed's `access`. */
export interface MeetupSocketData {
  access: Access;
  meetups?: Record<string, Role>;
  lastErrorAt?: number;
}

export interface GatewayContext {
  io: Server;
  options: MeetupGatewayOptions;
  stats: MeetupGatewayStats;
  /** The meet-up, from memory if read within STATE_CACHE_MS (another node may have changed it since). */
  meetupOf(meetupId: string): Promise<MeetupRecord | undefined>;
  /** Remembers a state just read or stored. */
  remember(meetup: MeetupRecord): void;
}

export const roomOf = (meetupId: string) => `meetup:${meetupId}`;
export const hostRoomOf = (meetupId: string) => `meetup-host:${meetupId}`;
/** How long a meet-up's state is trusted from memory before it is read again (another node may have changed it). */
const STATE_CACHE_MS = 1000;

export const socketData = (socket: Socket) => socket.data as MeetupSocketData;

export function createGatewayContext(io: Server, options: MeetupGatewayOptions): GatewayContext {
  const stats: MeetupGatewayStats = { joins: 0, refusedJoins: 0, reactionsAccepted: 0, reactMessagesRefused: 0, rateLimited: 0, invalidRequests: 0, forbiddenModerations: 0, questionsAsked: 0, windowsBroadcast: 0 };
  const cache = new Map<string, { record: MeetupRecord; readAt: number }>();
  return {
    io,
    options,
    stats,
    async meetupOf(meetupId) {
      const cached = cache.get(meetupId);
      if (cached && Date.now() - cached.readAt < STATE_CACHE_MS) return cached.record;
      const record = await options.storage.getMeetup(meetupId);
      if (record) cache.set(meetupId, { record, readAt: Date.now() });
      else cache.delete(meetupId);
      return record;
    },
    remember: (meetup) => void cache.set(meetup.id, { record: meetup, readAt: Date.now() }),
  };
}

/** The meet-up as a client sees it; the stream path only for those let in. */
export function clientMeetup(record: MeetupRecord, withStream: boolean): Meetup {
  const { streamKey: _secret, ...meetup } = record;
  const streamUrl = withStream ? streamUrlOf(record) : undefined;
  return streamUrl ? { ...meetup, streamUrl } : meetup;
}

export function refusal(code: ProtocolError['code'], message: string): JoinReply {
  return { ok: false, error: { code, message } };
}

export function failed(code: ProtocolError['code'], message: string): ActionReply {
  return { ok: false, error: { code, message } };
}
