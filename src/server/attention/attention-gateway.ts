// The socket side of attention, on the feed's socket.io server (its handshake has resolved the caller; its
// per-socket limit already counts every message). Each report is checked (report-check.ts), against a limit of
// its own per socket and against the project's locations, then added to this node's open buckets and live radar.
// Nothing of a refused report is kept; the refusal is counted by reason.
import type { Server, Socket } from 'socket.io';
import { ATTENTION_EVENTS, AttentionOptOut } from '../../protocol/attention';
import type { Project } from '../../protocol';
import { canFollow, type Access } from '../access';
import { RateLimiter, type RateLimit } from '../rate-limiter';
import type { ServerLog } from '../server-log';
import type { FeedStorage } from '../storage/feed-storage';
import type { AttentionLocations } from './attention-locations';
import type { BucketAggregator } from './bucket-aggregator';
import { radarKey, type LocalRadar } from './live-radar';
import { checkReport, REFUSAL_REASONS, type RefusalReason } from './report-check';
import { ViewerBits } from './viewer-sketch';

export const ATTENTION_CLIENT_EVENTS = [ATTENTION_EVENTS.report, ATTENTION_EVENTS.optOut];

export interface AttentionStats {
  reportsAccepted: number;
  samplesAccepted: number;
  refused: Record<RefusalReason, number>;
  optOuts: number;
  bucketsStored: number;
  storeErrors: number;
}

export interface AttentionGatewayOptions {
  projects: Pick<FeedStorage, 'getProject'>;
  locations: AttentionLocations;
  aggregator: BucketAggregator;
  radar: LocalRadar;
  /** Reports per socket: a live viewer turning sends about one a second. */
  reportRateLimit: RateLimit;
  log: ServerLog;
  now?: () => number;
}

interface AttentionSocketData {
  access: Access;
  attentionOptedOut?: boolean;
  /** The viewer key whose sketch bit this connection holds (from its first accepted report). */
  attentionViewer?: string;
}

const PROJECT_FRESH_MS = 5_000;

export function attachAttentionGateway(io: Server, options: AttentionGatewayOptions): { stats: AttentionStats } {
  const stats: AttentionStats = {
    reportsAccepted: 0,
    samplesAccepted: 0,
    refused: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>,
    optOuts: 0,
    bucketsStored: 0,
    storeErrors: 0,
  };
  const now = options.now ?? (() => Date.now());
  const limiter = new RateLimiter(options.reportRateLimit);
  const projects = new Map<string, { project: Project | undefined; readAt: number }>();
  const bits = new ViewerBits();

  const projectOf = async (projectId: string) => {
    const cached = projects.get(projectId);
    if (cached && performance.now() - cached.readAt < PROJECT_FRESH_MS) return cached.project;
    const project = await options.projects.getProject(projectId);
    projects.set(projectId, { project, readAt: performance.now() });
    return project;
  };

  /** Backers by their code (more tabs count once); anyone else by the connection. */
  const viewerOf = (socket: Socket) => {
    const { access } = socket.data as AttentionSocketData;
    return access?.kind === 'backer' ? access.callerId : `socket:${socket.id}`;
  };

  async function report(socket: Socket, payload: unknown): Promise<RefusalReason | undefined> {
    const data = socket.data as AttentionSocketData;
    if (data.attentionOptedOut) return 'opted-out';
    if (!limiter.take(socket.id).ok) return 'rate-limited';
    const judged = checkReport(payload, now());
    if (!judged.ok) return judged.reason;
    const { report } = judged;
    const project = await projectOf(report.p);
    // A project this caller may not follow is as unknown as a location it does not have.
    if (!project || !canFollow(project, data.access)) return 'unknown-location';
    const projection = await options.locations.projectionOf(report.p, report.l);
    if (!projection) return 'unknown-location';
    if (data.attentionOptedOut) return 'opted-out'; // opted out while the checks ran
    const viewer = viewerOf(socket);
    if (data.attentionViewer === undefined) {
      data.attentionViewer = viewer;
      bits.hold(viewer);
    }
    options.aggregator.add(viewer, bits.bitOf(viewer)!, { projectId: report.p, locationId: report.l, mediaTime: report.t, runs: report.c, fullSphere: projection === 'equirect360' });
    options.radar.look(radarKey(report.p, report.l), viewer, report.c[report.c.length - 2]!, now());
    stats.reportsAccepted++;
    for (let i = 1; i < report.c.length; i += 2) stats.samplesAccepted += report.c[i]!;
    return undefined;
  }

  io.on('connection', (socket) => {
    socket.on(ATTENTION_EVENTS.report, (payload: unknown) => {
      report(socket, payload).then(
        (reason) => {
          if (reason) stats.refused[reason]++;
        },
        (err: unknown) => options.log.error('attention report failed', { error: String(err) }),
      );
    });
    socket.on(ATTENTION_EVENTS.optOut, (payload: unknown) => {
      if (!AttentionOptOut.safeParse(payload).success) {
        stats.refused.invalid++;
        return;
      }
      // From now on this connection's reports are dropped, and its look leaves the radar at once.
      (socket.data as AttentionSocketData).attentionOptedOut = true;
      options.radar.forget(viewerOf(socket));
      stats.optOuts++;
    });
    socket.on('disconnect', () => {
      limiter.forget(socket.id);
      const held = (socket.data as AttentionSocketData).attentionViewer;
      if (held !== undefined) bits.release(held);
      // A backer may have other tabs: their looks age out of the radar by themselves.
      if (!(socket.data as AttentionSocketData).access || (socket.data as AttentionSocketData).access.kind !== 'backer') options.radar.forget(viewerOf(socket));
    });
  });

  return { stats };
}
