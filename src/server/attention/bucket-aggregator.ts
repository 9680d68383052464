// A node's open buckets: reports are added in memory and every few seconds flushed to storage as deltas. Within an
// open bucket each viewer is held as a key only to count them once per cell; the keys go with the flush, so no
// viewer's path through a location outlives the bucket on this node, and none is ever stored.
import { ATTENTION_BUCKET_S, ATTENTION_SAMPLE_MS, isBehind } from '../../protocol/attention';
import type { AttentionBucket } from '../storage/attention-storage';
import { emptySketch, setBit } from './viewer-sketch';

interface OpenBucket {
  bucket: AttentionBucket;
  /** `viewer|cell` pairs already counted in this bucket. */
  seen: Set<string>;
}

export interface ReportSamples {
  projectId: string;
  locationId: string;
  /** Media seconds of the first sample. */
  mediaTime: number;
  /** Runs: cell, count, … */
  runs: readonly number[];
  /** A 360° location (a look behind counts as turning around). */
  fullSphere: boolean;
}

export class BucketAggregator {
  private open = new Map<string, OpenBucket>();

  /** Adds a validated report's samples, each to the bucket of its media time; `bit`: the viewer's sketch bit. */
  add(viewerKey: string, bit: number, report: ReportSamples): void {
    let sample = 0;
    for (let i = 0; i < report.runs.length; i += 2) {
      const cell = report.runs[i]!;
      const count = report.runs[i + 1]!;
      for (let n = 0; n < count; n++, sample++) {
        const time = report.mediaTime + (sample * ATTENTION_SAMPLE_MS) / 1000;
        const open = this.bucketOf(report.projectId, report.locationId, Math.floor(time / ATTENTION_BUCKET_S) * ATTENTION_BUCKET_S);
        setBit(open.bucket.viewers, bit);
        if (report.fullSphere && isBehind(cell)) setBit(open.bucket.turned, bit);
        const pair = `${viewerKey}|${cell}`;
        const counts = open.bucket.cells.get(cell) ?? { viewers: 0, samples: 0 };
        counts.samples++;
        if (!open.seen.has(pair)) {
          open.seen.add(pair);
          counts.viewers++;
        }
        open.bucket.cells.set(cell, counts);
      }
    }
  }

  /** Takes every open bucket (and forgets its viewers). */
  take(): AttentionBucket[] {
    const taken = [...this.open.values()].map((o) => o.bucket);
    this.open = new Map();
    return taken;
  }

  get size(): number {
    return this.open.size;
  }

  private bucketOf(projectId: string, locationId: string, bucketStart: number): OpenBucket {
    const key = `${projectId}\n${locationId}\n${bucketStart}`;
    let open = this.open.get(key);
    if (!open) {
      open = { bucket: { projectId, locationId, bucketStart, viewers: emptySketch(), turned: emptySketch(), cells: new Map() }, seen: new Set() };
      this.open.set(key, open);
    }
    return open;
  }
}
