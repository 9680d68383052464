// The operator's attention API (docs/operator.md, "Attention"): a location's map as JSON or CSV, its live radar,
// and the refusal counters. Operator token only: a backer's or no token is refused like every operator route, so
// viewers never read a map.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ATTENTION_MIN_VIEWERS, AttentionLocationId, type AttentionRadar } from '../../protocol/attention';
import { ProjectId } from '../../protocol';
import type { AccessResolver } from '../access';
import { HttpError } from '../http/http-error';
import { requireOperator } from '../http/request-auth';
import { sendError, sendJson } from '../http/respond';
import type { AttentionStorage } from '../storage/attention-storage';
import type { AttentionStats } from './attention-gateway';
import type { AttentionLocations } from './attention-locations';
import { attentionCsv, buildAttentionMap } from './attention-map';
import { radarKey, sumParts, type RadarState } from './live-radar';

export interface AttentionApiOptions {
  access: AccessResolver;
  storage: AttentionStorage;
  locations: AttentionLocations;
  radar: RadarState;
  /** A node's radar part older than this is not counted (it publishes every second). */
  radarFreshMs: number;
  stats: AttentionStats;
  /** Buckets this node holds in memory but has not stored yet are stored first, so a read sees them. */
  flush: () => Promise<void>;
}

const ROUTE = /^\/api\/projects\/([^/]+)\/attention\/([^/]+?)(\.csv|\/radar)?$/;

export function createAttentionApi(options: AttentionApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const answer = route(options);
  return async (req, res) => {
    try {
      return await answer(req, res);
    } catch (err) {
      sendError(res, err);
      return true;
    }
  };
}

function route(options: AttentionApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/attention/stats') {
      if (req.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'use GET');
      await requireOperator(req, options.access);
      sendJson(res, 200, options.stats);
      return true;
    }
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'use GET');
    await requireOperator(req, options.access);
    const projectId = decodeURIComponent(match[1]!);
    const locationId = decodeURIComponent(match[2]!);
    if (!ProjectId.safeParse(projectId).success || !AttentionLocationId.safeParse(locationId).success) throw new HttpError(400, 'invalid-request', 'not a project and location id');
    const projection = await options.locations.projectionOf(projectId, locationId);
    if (!projection) throw new HttpError(404, 'not-found', `no location "${locationId}" in project "${projectId}"`);

    if (match[3] === '/radar') {
      const { viewers, cells } = sumParts(await options.radar.read(radarKey(projectId, locationId), options.radarFreshMs));
      const withheld = viewers < ATTENTION_MIN_VIEWERS;
      const radar: AttentionRadar = { projectId, locationId, at: Date.now(), withheld, minViewers: ATTENTION_MIN_VIEWERS, ...(withheld ? {} : { viewers, cells }) };
      sendJson(res, 200, radar);
      return true;
    }
    const from = seconds(url.searchParams.get('from'), 0, 'from');
    const to = seconds(url.searchParams.get('to'), 1_000_000, 'to');
    if (to <= from) throw new HttpError(400, 'invalid-request', 'to must be after from');
    await options.flush();
    const rows = await options.storage.readBuckets(projectId, locationId, from, to);
    const map = buildAttentionMap(projectId, locationId, projection, from, to, rows);
    if (match[3] === '.csv') {
      const text = attentionCsv(map, rows);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'content-disposition': `attachment; filename="attention-${projectId}-${locationId.replace(':', '-')}.csv"`,
        'cache-control': 'no-store',
      });
      res.end(text);
      return true;
    }
    sendJson(res, 200, map);
    return true;
  };
}

function seconds(value: string | null, fallback: number, name: string): number {
  if (value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new HttpError(400, 'invalid-request', `${name} must be seconds of media, 0 or more`);
  return n;
}
