// The host's live radar: where the audience of a location (a meet-up's stage, or any tour location) looks now.
// Each node keeps, per location, every viewer's latest cell for a short while (in memory only, keyed by the
// connection, gone when stale); it publishes its count per cell to the radar state, which sums the nodes' parts
// (in process, or in Redis for several nodes: redis-radar-state.ts), every radarPublishMs and soon after a viewer
// turns to another cell.
import { ATTENTION_CELLS } from '../../protocol/attention';

/** One node's picture of a location: viewers per cell (sparse: cell, viewers, …) and how many viewers in all. */
export interface RadarPart {
  at: number;
  viewers: number;
  cells: number[];
}

export interface RadarState {
  publish(key: string, nodeId: string, part: RadarPart): Promise<void>;
  /** Every node's part published within `freshMs`. */
  read(key: string, freshMs: number): Promise<RadarPart[]>;
  close(): Promise<void>;
}

export class InProcessRadarState implements RadarState {
  private readonly parts = new Map<string, Map<string, RadarPart>>();

  publish(key: string, nodeId: string, part: RadarPart): Promise<void> {
    let byNode = this.parts.get(key);
    if (!byNode) this.parts.set(key, (byNode = new Map<string, RadarPart>()));
    if (part.viewers === 0) byNode.delete(nodeId);
    else byNode.set(nodeId, part);
    if (byNode.size === 0) this.parts.delete(key);
    return Promise.resolve();
  }

  read(key: string, freshMs: number): Promise<RadarPart[]> {
    const now = Date.now();
    return Promise.resolve([...(this.parts.get(key)?.values() ?? [])].filter((p) => now - p.at <= freshMs));
  }

  close(): Promise<void> {
    this.parts.clear();
    return Promise.resolve();
  }
}

export const radarKey = (projectId: string, locationId: string) => `${projectId}/${locationId}`;

/** This node's latest look per viewer and location. */
export class LocalRadar {
  private readonly looks = new Map<string, Map<string, { cell: number; at: number }>>();

  /** `onMove`: a viewer came, or looks at another cell (the node publishes soon, rather than at its next tick). */
  constructor(
    private readonly windowMs: number,
    private readonly onMove: () => void = () => {},
  ) {}

  look(key: string, viewerKey: string, cell: number, at: number): void {
    let viewers = this.looks.get(key);
    if (!viewers) this.looks.set(key, (viewers = new Map<string, { cell: number; at: number }>()));
    const moved = viewers.get(viewerKey)?.cell !== cell;
    viewers.set(viewerKey, { cell, at });
    if (moved) this.onMove();
  }

  /** A viewer left (disconnected, opted out): off every radar at once. */
  forget(viewerKey: string): void {
    for (const viewers of this.looks.values()) viewers.delete(viewerKey);
  }

  /** Each location's part now; stale looks are dropped (a location left empty is reported once, with no viewers). */
  parts(now: number): Map<string, RadarPart> {
    const parts = new Map<string, RadarPart>();
    for (const [key, viewers] of this.looks) {
      const counts = new Map<number, number>();
      for (const [viewer, look] of viewers) {
        if (now - look.at > this.windowMs) viewers.delete(viewer);
        else counts.set(look.cell, (counts.get(look.cell) ?? 0) + 1);
      }
      const cells: number[] = [];
      for (const [cell, n] of counts) cells.push(cell, n);
      parts.set(key, { at: now, viewers: viewers.size, cells });
      if (viewers.size === 0) this.looks.delete(key);
    }
    return parts;
  }
}

/** Sums the nodes' parts into a dense grid. */
export function sumParts(parts: RadarPart[]): { viewers: number; cells: number[] } {
  const cells = new Array<number>(ATTENTION_CELLS).fill(0);
  let viewers = 0;
  for (const part of parts) {
    viewers += part.viewers;
    for (let i = 0; i < part.cells.length; i += 2) cells[part.cells[i]!]! += part.cells[i + 1]!;
  }
  return { viewers, cells };
}
