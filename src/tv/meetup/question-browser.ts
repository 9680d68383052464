// The question board as a remote walks it: up and down go one question at a time through the board's order (the
// same order as on desktop: spotlight, then most votes), only a few questions are on screen at once (a TV lays out
// and paints every row it is given), and the selection stays on its question when votes reorder the board or falls
// to its neighbour when the host dismisses it. Pure functions over question ids, no React, no DOM.

export type BoardDirection = 'up' | 'down';

/** Where one D-pad step goes: another question, or off the board (the shell's spatial focus takes over). */
export type BoardStep = { kind: 'question'; id: string } | { kind: 'leave' };

export function stepThrough(order: readonly string[], selected: string | null, direction: BoardDirection): BoardStep {
  const index = selected === null ? -1 : order.indexOf(selected);
  if (index < 0) {
    const first = direction === 'down' ? order[0] : undefined;
    return first === undefined ? { kind: 'leave' } : { kind: 'question', id: first };
  }
  const next = order[direction === 'down' ? index + 1 : index - 1];
  return next === undefined ? { kind: 'leave' } : { kind: 'question', id: next };
}

/**
 * The selection after the board changed from `before` to `after`: the same question wherever it moved; if it left
 * the board, the question now at its old place (else the last one); null on an empty board.
 */
export function followSelection(before: readonly string[], after: readonly string[], selected: string | null): string | null {
  if (selected !== null && after.includes(selected)) return selected;
  if (after.length === 0) return null;
  const was = selected === null ? -1 : before.indexOf(selected);
  if (was < 0) return after[0] ?? null;
  return after[Math.min(was, after.length - 1)] ?? null;
}

export interface BoardWindow {
  /** Index in the board of the first question shown. */
  start: number;
  ids: string[];
  /** Questions above and below the window, for the "more" marks. */
  above: number;
  below: number;
}

/**
 * The `size` questions on screen: the selected one with one question of context above it where possible, the
 * window never running past the end of the board. With nothing selected, the top of the board.
 */
export function visibleWindow(order: readonly string[], selected: string | null, size: number): BoardWindow {
  const count = Math.max(1, Math.floor(size));
  const index = selected === null ? -1 : order.indexOf(selected);
  const latest = Math.max(0, order.length - count);
  const start = index < 0 ? 0 : Math.min(latest, Math.max(0, index - 1));
  const ids = order.slice(start, start + count);
  return { start, ids, above: start, below: Math.max(0, order.length - start - ids.length) };
}
