// Where the audience looks, on the reference server: viewers' reports over the feed socket (attention-gateway.ts),
// added to this node's open buckets and flushed to storage every few seconds as aggregates (bucket-aggregator.ts),
// the live radar published every second for every node to sum (live-radar.ts), and the operator's API
// (attention-api.ts). See docs/attention.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'socket.io';
import type { AccessResolver } from '../access';
import type { RateLimit } from '../rate-limiter';
import type { ServerLog } from '../server-log';
import type { AttentionStorage } from '../storage/attention-storage';
import type { FeedStorage } from '../storage/feed-storage';
import type { MeetupStorage } from '../storage/meetup-storage';
import { createAttentionApi } from './attention-api';
import { attachAttentionGateway, type AttentionStats } from './attention-gateway';
import { createAttentionLocations } from './attention-locations';
import { BucketAggregator } from './bucket-aggregator';
import { InProcessRadarState, LocalRadar, type RadarState } from './live-radar';

export { ATTENTION_CLIENT_EVENTS, type AttentionStats } from './attention-gateway';
export { RedisRadarState } from './redis-radar-state';
export type { RadarState } from './live-radar';

export interface AttentionLimits {
  /** Reports per socket. */
  reportRateLimit: RateLimit;
  /** How often open buckets go to storage. */
  flushMs: number;
  /** How often this node publishes its radar. */
  radarPublishMs: number;
  /** After a viewer turns to another cell, the radar is published this soon (turns within it go together). */
  radarMoveMs: number;
  /** A viewer's last look stays on the radar this long without a new report (a still viewer reports every 20 s). */
  radarLookMs: number;
  /** A node's radar part older than this is ignored (it died, or Redis lagged). */
  radarFreshMs: number;
}

export const DEFAULT_ATTENTION_LIMITS: AttentionLimits = {
  reportRateLimit: { perSecond: 2, burst: 6 },
  flushMs: 5_000,
  radarPublishMs: 500,
  radarMoveMs: 50,
  radarLookMs: 25_000,
  radarFreshMs: 3_000,
};

export interface AttentionServiceOptions {
  storage: AttentionStorage;
  projects: Pick<FeedStorage, 'getProject'>;
  access: AccessResolver;
  scenesDir: string | undefined;
  meetups: Pick<MeetupStorage, 'getMeetup'> | undefined;
  /** In-process by default; several nodes pass RedisRadarState. */
  radarState?: RadarState;
  nodeId?: string;
  limits?: Partial<AttentionLimits>;
  log: ServerLog;
}

export interface AttentionService {
  readonly stats: AttentionStats;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Stores the open buckets now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function attachAttention(io: Server, options: AttentionServiceOptions): AttentionService {
  const limits = { ...DEFAULT_ATTENTION_LIMITS, ...options.limits };
  const aggregator = new BucketAggregator();
  // A turn is published within radarMoveMs (several turns together), not up to radarPublishMs later: the host's
  // radar has 2 s from a look to the screen, and the ticks on its way (the host's reads, this one) add up.
  let moveTimer: ReturnType<typeof setTimeout> | undefined;
  const radar = new LocalRadar(limits.radarLookMs, () => {
    moveTimer ??= setTimeout(() => {
      moveTimer = undefined;
      void publish().catch((err: unknown) => options.log.warn('attention radar not published', { error: String(err) }));
    }, limits.radarMoveMs);
  });
  const radarState = options.radarState ?? new InProcessRadarState();
  const nodeId = options.nodeId ?? 'local';
  const locations = createAttentionLocations(options.scenesDir, options.meetups);
  const gateway = attachAttentionGateway(io, { projects: options.projects, locations, aggregator, radar, reportRateLimit: limits.reportRateLimit, log: options.log });
  const { stats } = gateway;

  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushing = flushing.then(async () => {
      const buckets = aggregator.take();
      if (buckets.length === 0) return;
      try {
        await options.storage.mergeBuckets(buckets);
        stats.bucketsStored += buckets.length;
      } catch (err) {
        // Lost, not retried: aggregates of a few seconds, and a retry could count them twice.
        stats.storeErrors++;
        options.log.error('attention buckets could not be stored', { error: String(err), buckets: buckets.length });
      }
    });
    return flushing;
  };
  const publish = async () => {
    for (const [key, part] of radar.parts(Date.now())) await radarState.publish(key, nodeId, part);
  };
  const flushTimer = setInterval(() => void flush(), limits.flushMs);
  const radarTimer = setInterval(() => void publish().catch((err: unknown) => options.log.warn('attention radar not published', { error: String(err) })), limits.radarPublishMs);
  flushTimer.unref();
  radarTimer.unref();

  const api = createAttentionApi({ access: options.access, storage: options.storage, locations, radar: radarState, radarFreshMs: limits.radarFreshMs, stats, flush });
  return {
    stats,
    handle: api,
    flush,
    async close() {
      clearInterval(flushTimer);
      clearInterval(radarTimer);
      clearTimeout(moveTimer);
      await flush();
    },
  };
}
