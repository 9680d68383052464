// The points of the home screen's funding-over-time chart: the project's funding history, then the total now.
import type { FundingPoint as HistoryPoint, Project } from '../../protocol';

export interface FundingPoint {
  /** ms since epoch. */
  at: number;
  /** Share of the goal, 0..∞ (a project can pass 100 %). */
  share: number;
  /** True for the last point: the live total now, not a recorded one. */
  live: boolean;
}

/**
 * The recorded totals in time order, then the live total as the last point (at `now`, or at the last recorded
 * moment if the TV's clock is behind the server's). A point with an unreadable time is left out of the line.
 */
export function fundingSeries(project: Project, now: number): FundingPoint[] {
  const goal = project.fundingGoal;
  const shareOf = (raised: number) => (goal > 0 ? raised / goal : 0);
  const points: FundingPoint[] = [];
  for (const point of project.fundingHistory ?? ([] as HistoryPoint[])) {
    const at = Date.parse(point.at);
    if (Number.isFinite(at)) points.push({ at, share: shareOf(point.raised), live: false });
  }
  points.sort((a, b) => a.at - b.at);
  const lastAt = points.length ? (points[points.length - 1] as FundingPoint).at : now;
  points.push({ at: Math.max(now, lastAt), share: shareOf(project.fundingRaised), live: true });
  return points;
}

export interface ChartBox {
  width: number;
  height: number;
}

/**
 * SVG coordinates for the points in a box: time left to right, share bottom to top, the y scale reaching at least
 * the goal (100 %) so "how far to go" is visible. A single point sits at the right edge.
 */
export function chartCoordinates(points: readonly FundingPoint[], box: ChartBox): { x: number; y: number }[] {
  if (points.length === 0) return [];
  const first = (points[0] as FundingPoint).at;
  const last = (points[points.length - 1] as FundingPoint).at;
  const span = last - first;
  const top = Math.max(1, ...points.map((p) => p.share));
  return points.map((p) => ({
    x: span > 0 ? ((p.at - first) / span) * box.width : box.width,
    y: box.height - (p.share / top) * box.height,
  }));
}

/** Where 100 % lies on the y axis of chartCoordinates' scale. */
export function goalLineY(points: readonly FundingPoint[], box: ChartBox): number {
  const top = Math.max(1, ...points.map((p) => p.share));
  return box.height - box.height / top;
}
