// Which focusable lies next in a D-pad direction, from cached rectangles only (pure: no DOM, no measuring).
export type FocusDirection = 'up' | 'down' | 'left' | 'right';

/** A rectangle in viewport pixels; a DOMRect fits. */
export interface FocusRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface FocusCandidate {
  readonly id: string;
  readonly rect: FocusRect;
}

/**
 * How much a sideways offset counts against a candidate, relative to distance along the direction. Above 1 so
 * that "the tile right below" beats "a nearer tile two columns over" (what families expect from a TV grid).
 */
const SIDEWAYS_WEIGHT = 2;
/** Rects touching or overlapping by rounding errors still count as "beyond" the current one. */
const EDGE_TOLERANCE = 1;

const right = (r: FocusRect) => r.left + r.width;
const bottom = (r: FocusRect) => r.top + r.height;

/** Gap between two 1-D ranges; 0 when they overlap. */
function gap(a0: number, a1: number, b0: number, b1: number): number {
  if (b1 < a0) return a0 - b1;
  if (b0 > a1) return b0 - a1;
  return 0;
}

/**
 * The score of moving from `from` to `to` in `direction`, or null when `to` does not lie that way. A candidate lies
 * that way when its far edge is past the current rect's far edge and its near edge is not behind our near edge
 * (so a wide banner overlapping us is not "below" us). Lower is nearer.
 */
export function directionalScore(from: FocusRect, to: FocusRect, direction: FocusDirection): number | null {
  let along: number;
  let sideways: number;
  switch (direction) {
    case 'down':
      if (to.top < bottom(from) - EDGE_TOLERANCE && (bottom(to) <= bottom(from) || to.top <= from.top)) return null;
      along = Math.max(0, to.top - bottom(from));
      sideways = gap(from.left, right(from), to.left, right(to));
      break;
    case 'up':
      if (bottom(to) > from.top + EDGE_TOLERANCE && (to.top >= from.top || bottom(to) >= bottom(from))) return null;
      along = Math.max(0, from.top - bottom(to));
      sideways = gap(from.left, right(from), to.left, right(to));
      break;
    case 'right':
      if (to.left < right(from) - EDGE_TOLERANCE && (right(to) <= right(from) || to.left <= from.left)) return null;
      along = Math.max(0, to.left - right(from));
      sideways = gap(from.top, bottom(from), to.top, bottom(to));
      break;
    case 'left':
      if (right(to) > from.left + EDGE_TOLERANCE && (to.left >= from.left || right(to) >= right(from))) return null;
      along = Math.max(0, from.left - right(to));
      sideways = gap(from.top, bottom(from), to.top, bottom(to));
      break;
  }
  // Left and right stay in the row: the end of a row is an edge, not a jump to a row below (what TV home screens
  // do, and what keeps a held arrow from wandering off a row). Up and down may change column.
  if ((direction === 'left' || direction === 'right') && sideways > 0) return null;
  return along + sideways * SIDEWAYS_WEIGHT;
}

/** The nearest candidate in `direction`, or null at the edge of the screen. Ties go to the earlier candidate. */
export function nearestInDirection(from: FocusRect, candidates: readonly FocusCandidate[], direction: FocusDirection): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = directionalScore(from, candidate.rect, direction);
    if (score !== null && score < bestScore) {
      best = candidate.id;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Up or Down in a section laid out in rows (a keypad): the next row in that direction, however short, and in it the
 * key nearest sideways. The weighted rule above would skip a short row for a row further on that lies straight
 * below (Down from "5" past "- _" to the controls), leaving keys a D-pad cannot reach. Null when no row lies
 * that way (or for Left and Right, which the usual rule already keeps in the row).
 */
export function nearestInNextRow(from: FocusRect, candidates: readonly FocusCandidate[], direction: FocusDirection): string | null {
  if (direction !== 'up' && direction !== 'down') return null;
  const ahead = candidates.filter((c) => directionalScore(from, c.rect, direction) !== null);
  if (ahead.length === 0) return null;
  const along = (r: FocusRect) => (direction === 'down' ? r.top - bottom(from) : from.top - bottom(r));
  const nearest = ahead.reduce((a, b) => (along(b.rect) < along(a.rect) ? b : a));
  // The row: every candidate sharing a line with the nearest one.
  const row = ahead.filter((c) => gap(nearest.rect.top, bottom(nearest.rect), c.rect.top, bottom(c.rect)) === 0 && c.rect.top < bottom(nearest.rect) - EDGE_TOLERANCE);
  const centre = (r: FocusRect) => r.left + r.width / 2;
  let best: FocusCandidate | null = null;
  let bestScore = Infinity;
  for (const candidate of row) {
    const sideways = gap(from.left, right(from), candidate.rect.left, right(candidate.rect));
    // Overlapping keys tie on the gap: the one whose centre is nearest ours wins.
    const score = sideways * 1e4 + Math.abs(centre(candidate.rect) - centre(from));
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best?.id ?? null;
}

/** Reading order (top to bottom, then left to right): which item a screen or section focuses first. */
export function readingOrder(a: FocusRect, b: FocusRect): number {
  return Math.abs(a.top - b.top) > EDGE_TOLERANCE ? a.top - b.top : a.left - b.left;
}
