// Star meet-ups on the reference server: the HTTP API (schedule, start, end), the socket side (tier-checked joins,
// presence, aggregated reactions, questions) and the demo's live stream, put together for create-server.ts.
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'socket.io';
import type { AccessResolver } from '../access';
import type { ServerLimits } from '../config';
import type { HttpRateLimits } from '../http/request-limits';
import { createLiveHlsRoutes, type LiveHlsOptions } from '../live-hls/live-hls-routes';
import { loadSourceStream } from '../live-hls/source-stream';
import type { ServerLog } from '../server-log';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupRecord, MeetupStorage } from '../storage/meetup-storage';
import { createMeetupApi } from './meetup-api';
import { attachMeetupGateway, type MeetupGateway } from './meetup-gateway';
import { DEFAULT_MEETUP_LIMITS, type MeetupLimits } from './meetup-limits';
import { InProcessRoomState, type MeetupRoomState } from './room-state';

export { MEETUP_CLIENT_EVENTS } from './meetup-gateway';

/** The looped footage of the demo's live stage: the sample backlot (mono 360°), committed to the repository. */
export const DEFAULT_LIVE_SOURCE_DIR = resolve(import.meta.dirname, '../../../public/media/backlot');

export interface MeetupServiceOptions {
  storage: MeetupStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  access: AccessResolver;
  serverLimits: ServerLimits;
  /** The operator's allowance for changes, shared with the ingest API. */
  rateLimits: Pick<HttpRateLimits, 'operatorChange'>;
  limits?: Partial<MeetupLimits>;
  /** In-process by default; a multi-node deployment passes a shared implementation. */
  roomState?: MeetupRoomState;
  /** Several nodes share the rooms (a socket.io adapter joins them): windows closed on one are told to the others. */
  nodesShareRooms?: boolean;
  /** An HLS folder as `npm run media` writes it; DEFAULT_LIVE_SOURCE_DIR by default. */
  liveSourceDir?: string;
  log: ServerLog;
  /** Checks a stream request's media pass (src/server/media-access); without it the stream key alone opens it. */
  verifyStream?: LiveHlsOptions['verify'];
  /** Told after every start and end, once the meet-up's own room has heard it (circles watching one go back). */
  afterStateChanged?: (meetup: MeetupRecord) => Promise<void>;
}

export interface MeetupService {
  gateway: MeetupGateway;
  /** Answers meet-up API, live and replay requests; false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): void;
}

export function attachMeetups(io: Server, options: MeetupServiceOptions): MeetupService {
  const limits = { ...DEFAULT_MEETUP_LIMITS, ...options.limits };
  const gateway = attachMeetupGateway(io, {
    storage: options.storage,
    projects: options.projects,
    roomState: options.roomState ?? new InProcessRoomState(),
    limits,
    nodesShareRooms: options.nodesShareRooms ?? false,
    log: options.log,
  });
  const api = createMeetupApi({
    storage: options.storage,
    projects: options.projects,
    access: options.access,
    maxBodyBytes: options.serverLimits.maxBodyBytes,
    rateLimits: options.rateLimits,
    onStateChanged: async (meetup) => {
      await gateway.stateChanged(meetup);
      await options.afterStateChanged?.(meetup);
    },
    log: options.log,
  });
  const live = liveRoutes(options);
  return {
    gateway,
    handle: async (req, res) => (await api(req, res)) || (await live(req, res)),
    close: () => gateway.close(),
  };
}

/**
 * The live and replay routes, or, when the footage cannot be read, none: the server still runs everything else,
 * says why once at start, and the stream paths answer 404 (players show their stream error).
 */
function liveRoutes(options: MeetupServiceOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const dir = options.liveSourceDir ?? DEFAULT_LIVE_SOURCE_DIR;
  try {
    return createLiveHlsRoutes({
      source: loadSourceStream(dir),
      findByStreamKey: (key) => options.storage.findByStreamKey(key),
      ...(options.verifyStream ? { verify: options.verifyStream } : {}),
    });
  } catch (err) {
    options.log.error('meet-ups will have no live stream: the footage could not be read', { dir, reason: err instanceof Error ? err.message : String(err) });
    return () => Promise.resolve(false);
  }
}
