// The points of the home screen's funding-over-time chart, from the funding milestones and the live total.
import type { Milestone, Project } from '../../protocol';

export interface FundingPoint {
  /** ms since epoch. */
  at: number;
  /** Share of the goal, 0..∞ (a project can pass 100 %). */
  share: number;
  /** True for the last point: the live total now, not a milestone. */
  live: boolean;
}

// "Funding passed 85 %", "众筹进度突破 85%": the protocol's funding milestones carry the figure only in their title,
// so the chart reads the first percentage there. A funding milestone without one is left out of the line.
const PERCENT = /(\d+(?:[.,]\d+)?)\s*[%％]/;

function shareIn(milestone: Milestone): number | null {
  for (const text of Object.values(milestone.title)) {
    const match = typeof text === 'string' ? PERCENT.exec(text) : null;
    if (match && match[1]) return Number(match[1].replace(',', '.')) / 100;
  }
  return null;
}

/**
 * Funding milestones in time order, then the live total as the last point. Points that would make the line go
 * back in time (an operator back-dating a milestone) are kept in time order, never in arrival order.
 */
export function fundingSeries(project: Project, milestones: readonly Milestone[], now: number): FundingPoint[] {
  const points: FundingPoint[] = [];
  for (const milestone of milestones) {
    if (milestone.kind !== 'funding') continue;
    const share = shareIn(milestone);
    const at = Date.parse(milestone.occurredAt);
    if (share !== null && Number.isFinite(at)) points.push({ at, share, live: false });
  }
  points.sort((a, b) => a.at - b.at);
  const liveShare = project.fundingGoal > 0 ? project.fundingRaised / project.fundingGoal : 0;
  const lastAt = points.length ? (points[points.length - 1] as FundingPoint).at : now;
  points.push({ at: Math.max(now, lastAt), share: liveShare, live: true });
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
