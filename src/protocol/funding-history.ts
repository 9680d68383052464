// How a funding event extends a project's funding line (pure; both ends apply it, like project-state.ts).
import { FUNDING_POINTS_KEPT, type FundingPoint } from './project';

/**
 * The history with the point added in time order. A point at the same moment as one already there replaces it
 * (a corrected total); past the bound the first point stays (where the line starts) and the oldest after it go.
 */
export function addFundingPoint(history: readonly FundingPoint[] | undefined, point: FundingPoint, kept = FUNDING_POINTS_KEPT): FundingPoint[] {
  const at = Date.parse(point.at);
  const points = (history ?? []).filter((p) => Date.parse(p.at) !== at);
  let index = points.length;
  while (index > 0 && Date.parse((points[index - 1] as FundingPoint).at) > at) index -= 1;
  points.splice(index, 0, point);
  if (points.length > kept) points.splice(1, points.length - kept);
  return points;
}

/** True when a point at `at` is the latest of the history: only then is it the project's total now. */
export function isLatestFundingPoint(history: readonly FundingPoint[] | undefined, at: string): boolean {
  const last = history?.[history.length - 1];
  return !last || Date.parse(at) >= Date.parse(last.at);
}
