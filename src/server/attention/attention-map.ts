// Builds the operator's map of one location from stored buckets: cells summed, viewers counted once over the
// whole range (sketches ORed), the most-watched directions, the share who turned around, and a summary per bucket
// for the scrubber. Below ATTENTION_MIN_VIEWERS distinct viewers a map or a bucket says only that it is withheld.
import {
  ATTENTION_BUCKET_S,
  ATTENTION_CELLS,
  ATTENTION_COLUMNS,
  ATTENTION_MIN_VIEWERS,
  ATTENTION_ROWS,
  cellCentre,
  cellPosition,
  type AttentionMap,
} from '../../protocol/attention';
import type { Projection } from '../../protocol/tour-schema';
import type { AttentionBucket } from '../storage/attention-storage';
import { emptySketch, estimateViewers, mergeSketch } from './viewer-sketch';

const TOP_DIRECTIONS = 5;

export function buildAttentionMap(projectId: string, locationId: string, projection: Projection, from: number, to: number, rows: AttentionBucket[]): AttentionMap {
  const half = projection === 'equirect180';
  const buckets = rows.map((row) => {
    const viewers = estimateViewers(row.viewers);
    return viewers < ATTENTION_MIN_VIEWERS ? { start: row.bucketStart, withheld: true } : { start: row.bucketStart, withheld: false, viewers };
  });
  const everyone = emptySketch();
  const turned = emptySketch();
  const cells = new Array<number>(ATTENTION_CELLS).fill(0);
  for (const row of rows) {
    mergeSketch(everyone, row.viewers);
    mergeSketch(turned, row.turned);
    for (const [cell, count] of row.cells) cells[cell]! += count.viewers;
  }
  const viewers = estimateViewers(everyone);
  const base = { projectId, locationId, projection, columns: ATTENTION_COLUMNS, rows: ATTENTION_ROWS, bucketSeconds: ATTENTION_BUCKET_S, from, to, minViewers: ATTENTION_MIN_VIEWERS, buckets };
  if (viewers < ATTENTION_MIN_VIEWERS) return { ...base, withheld: true };
  const looks = cells.reduce((sum, n) => sum + n, 0) || 1;
  const top = cells
    .map((n, cell) => ({ cell, n }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || a.cell - b.cell)
    .slice(0, TOP_DIRECTIONS)
    .map(({ cell, n }) => ({ cell, ...roundDirection(cellCentre(cell, half)), viewers: n, share: round3(n / looks) }));
  return {
    ...base,
    withheld: false,
    viewers,
    cells,
    top,
    ...(half ? {} : { turnedAroundShare: round3(Math.min(1, estimateViewers(turned) / viewers)) }),
  };
}

/** CSV of a location's buckets: one line per bucket and cell with viewers; a withheld bucket is one line saying so. */
export function attentionCsv(map: AttentionMap, rows: AttentionBucket[]): string {
  const half = map.projection === 'equirect180';
  const lines = ['project,location,bucket_start_s,bucket_end_s,withheld,bucket_viewers,cell,column,row,yaw,pitch,cell_viewers,samples'];
  for (const row of rows) {
    const viewers = estimateViewers(row.viewers);
    const head = `${csv(map.projectId)},${csv(map.locationId)},${row.bucketStart},${row.bucketStart + ATTENTION_BUCKET_S}`;
    if (viewers < ATTENTION_MIN_VIEWERS) {
      lines.push(`${head},true,,,,,,,,`);
      continue;
    }
    for (const [cell, count] of [...row.cells].sort((a, b) => a[0] - b[0])) {
      const { column, row: r } = cellPosition(cell);
      const { yaw, pitch } = roundDirection(cellCentre(cell, half));
      lines.push(`${head},false,${viewers},${cell},${column},${r},${yaw},${pitch},${count.viewers},${count.samples}`);
    }
  }
  return lines.join('\n') + '\n';
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const roundDirection = (d: { yaw: number; pitch: number }) => ({ yaw: Math.round(d.yaw * 100) / 100, pitch: Math.round(d.pitch * 100) / 100 });
const csv = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
