// Where the audience looks: the report a viewer's page sends (coarse grid cells of its view direction, batched),
// the grid both ends quantise to, and the operator's map. One definition for the server and every shell; see
// docs/attention.md and docs/protocol.md ("Attention").
import * as z from 'zod/mini';
import { ProjectId } from './primitives';

/** The grid over a location's sphere: equirect cells, columns west→east from yaw −180°, rows from the zenith. */
export const ATTENTION_COLUMNS = 64;
export const ATTENTION_ROWS = 32;
export const ATTENTION_CELLS = ATTENTION_COLUMNS * ATTENTION_ROWS;

/** Samples are taken this often while the view plays on screen; a report's samples are this far apart in media time. */
export const ATTENTION_SAMPLE_MS = 500;
/** Most samples one report may carry: 20 s at 2 Hz. */
export const MAX_ATTENTION_SAMPLES = 40;
/** How far ahead of the server's clock a report's time may be before it is refused (clocks drift). */
export const ATTENTION_CLOCK_SLACK_S = 30;
/** Reports older than this are refused too: a page that slept for an hour has nothing live to say. */
export const ATTENTION_MAX_AGE_S = 600;
/** Stored maps are per location and this many seconds of media (or of a live stream since its start). */
export const ATTENTION_BUCKET_S = 10;
/** A map, a bucket or a radar with fewer distinct viewers than this is withheld (not rounded, not shown). */
export const ATTENTION_MIN_VIEWERS = 5;

export { ATTENTION_EVENTS } from './attention-events';

/** A tour location, or a meet-up's stage (`meetup:<meetupId>`). */
export const AttentionLocationId = z.string().check(z.regex(/^(meetup:)?[a-z0-9][a-z0-9-]{0,63}$/, 'a location id or meetup:<id>'));

const cell = z.int().check(z.gte(0), z.lt(ATTENTION_CELLS));
const runLength = z.int().check(z.gte(1), z.lte(MAX_ATTENTION_SAMPLES));

/**
 * One batch, kept small on the wire (short keys; a still viewer's batch is one run):
 * - `p` project, `l` location;
 * - `t` media time in seconds of the first sample (a live stream: seconds since it started);
 * - `a` wall-clock time of the first sample, whole seconds since the epoch;
 * - `c` runs of samples: cell, count, cell, count… (a cell is row × 64 + column), samples `ATTENTION_SAMPLE_MS` apart.
 */
export const AttentionReport = z
  .strictObject({
    p: ProjectId,
    l: AttentionLocationId,
    t: z.number().check(z.gte(0), z.lte(1_000_000)),
    a: z.int().check(z.gte(0)),
    c: z.array(z.int()).check(z.minLength(2), z.maxLength(MAX_ATTENTION_SAMPLES * 2)),
  })
  .check(
    z.refine((r) => r.c.length % 2 === 0, { message: 'cells must be pairs of cell and count', path: ['c'] }),
    z.refine((r) => r.c.every((v, i) => (i % 2 === 0 ? cell.safeParse(v).success : runLength.safeParse(v).success)), {
      message: `each cell must be 0–${ATTENTION_CELLS - 1} and each count 1–${MAX_ATTENTION_SAMPLES}`,
      path: ['c'],
    }),
    z.refine((r) => runTotal(r.c) <= MAX_ATTENTION_SAMPLES, { message: `at most ${MAX_ATTENTION_SAMPLES} samples per report`, path: ['c'] }),
  );
export type AttentionReport = z.infer<typeof AttentionReport>;

export const AttentionOptOut = z.strictObject({ p: ProjectId });
export type AttentionOptOut = z.infer<typeof AttentionOptOut>;

/** Sum of a run list's counts. */
export function runTotal(runs: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < runs.length; i += 2) total += runs[i]!;
  return total;
}

/** A cell's column and row. */
export function cellPosition(cellIndex: number): { column: number; row: number } {
  return { column: cellIndex % ATTENTION_COLUMNS, row: Math.floor(cellIndex / ATTENTION_COLUMNS) };
}

/**
 * The direction at a cell's centre, degrees. A 360° location's columns span yaw −180…180; a 180° location's
 * span its front half, −90…90 (twice as fine: the back is black).
 */
export function cellCentre(cellIndex: number, half = false): { yaw: number; pitch: number } {
  const { column, row } = cellPosition(cellIndex);
  const span = half ? 180 : 360;
  return { yaw: -span / 2 + ((column + 0.5) * span) / ATTENTION_COLUMNS, pitch: 90 - ((row + 0.5) * 180) / ATTENTION_ROWS };
}

/** The cell a direction falls in, or -1 for a look at the black back of a 180° location. */
export function cellOf(yaw: number, pitch: number, half = false): number {
  const span = half ? 180 : 360;
  const wrapped = ((((yaw + 180) % 360) + 360) % 360) - 180;
  if (half && Math.abs(wrapped) > 90) return -1;
  const column = Math.min(ATTENTION_COLUMNS - 1, Math.max(0, Math.floor(((wrapped + span / 2) / span) * ATTENTION_COLUMNS)));
  const row = Math.min(ATTENTION_ROWS - 1, Math.max(0, Math.floor(((90 - pitch) / 180) * ATTENTION_ROWS)));
  return row * ATTENTION_COLUMNS + column;
}

/** Turning around: looking more than this far from the footage's centre (the back third of a 360° location). */
export const TURNED_AROUND_DEG = 120;

/** Whether a 360° location's cell lies behind the viewer's start (its centre more than TURNED_AROUND_DEG away). */
export function isBehind(cellIndex: number): boolean {
  return Math.abs(cellCentre(cellIndex).yaw) > TURNED_AROUND_DEG;
}

// ---- The operator's map (GET /api/projects/:projectId/attention, docs/operator.md) ----

export interface AttentionDirection {
  cell: number;
  yaw: number;
  pitch: number;
  /** Distinct viewers who looked there (summed over the map's buckets), and their share of the map's viewers. */
  viewers: number;
  share: number;
}

export interface AttentionBucketSummary {
  /** Media seconds where the bucket starts. */
  start: number;
  withheld: boolean;
  /** Distinct viewers; absent when withheld. */
  viewers?: number;
}

export interface AttentionMap {
  projectId: string;
  locationId: string;
  projection: 'equirect360' | 'equirect180';
  columns: number;
  rows: number;
  bucketSeconds: number;
  /** Media seconds the map covers: [from, to). */
  from: number;
  to: number;
  /** Fewer than ATTENTION_MIN_VIEWERS distinct viewers: nothing else is given. */
  withheld: boolean;
  minViewers: number;
  viewers?: number;
  /** Per cell (row × columns + column): viewers who looked there, summed over buckets. */
  cells?: number[];
  /** The most-watched directions, most first. */
  top?: AttentionDirection[];
  /** Share of viewers who looked behind (360° only). */
  turnedAroundShare?: number;
  /** Every bucket with data, for the scrubber. */
  buckets: AttentionBucketSummary[];
}

export interface AttentionRadar {
  projectId: string;
  locationId: string;
  /** Server time of this picture, ms. */
  at: number;
  withheld: boolean;
  minViewers: number;
  viewers?: number;
  /** Viewers looking at each cell now. */
  cells?: number[];
}
