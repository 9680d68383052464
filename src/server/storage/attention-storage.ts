// What attention maps need from a database: per project, location and bucket of media time, the viewers who
// looked at each cell and the samples there, and two viewer sketches (everyone; those who turned around) —
// aggregates only, never a viewer's trail. A separate interface from FeedStorage, like the meet-ups'.

export interface AttentionCellCount {
  /** Distinct viewers who looked at the cell, summed over the flushes merged into the row. */
  viewers: number;
  /** Samples (half-seconds of looking). */
  samples: number;
}

/** One bucket's aggregate: what a node adds in one flush, and what a stored row holds. */
export interface AttentionBucket {
  projectId: string;
  locationId: string;
  /** Media seconds where the bucket starts (a multiple of ATTENTION_BUCKET_S). */
  bucketStart: number;
  /** Distinct-viewer sketch (viewer-sketch.ts). */
  viewers: Uint8Array;
  /** The sketch of viewers who looked behind the footage's centre. */
  turned: Uint8Array;
  cells: Map<number, AttentionCellCount>;
}

export interface AttentionStorage {
  /** Adds each bucket to its stored row (cells summed, sketches ORed), in one transaction. */
  mergeBuckets(buckets: AttentionBucket[]): Promise<void>;
  /** A location's rows with from ≤ bucketStart < to, oldest first. */
  readBuckets(projectId: string, locationId: string, from: number, to: number): Promise<AttentionBucket[]>;
  close(): Promise<void>;
}

export const cellsToJson = (cells: Map<number, AttentionCellCount>) => JSON.stringify(Object.fromEntries([...cells].map(([cell, c]) => [cell, [c.viewers, c.samples]])));

export function cellsFromJson(text: string): Map<number, AttentionCellCount> {
  const parsed = JSON.parse(text) as Record<string, [number, number]>;
  return new Map(Object.entries(parsed).map(([cell, [viewers, samples]]) => [Number(cell), { viewers, samples }]));
}

/** Adds `from` into `into` (cells summed). Sketches are merged by the caller. */
export function addCells(into: Map<number, AttentionCellCount>, from: Map<number, AttentionCellCount>): void {
  for (const [cell, count] of from) {
    const had = into.get(cell);
    if (had) {
      had.viewers += count.viewers;
      had.samples += count.samples;
    } else into.set(cell, { ...count });
  }
}
