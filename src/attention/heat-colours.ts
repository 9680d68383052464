// Heat-map colours that colour-blind viewers can read: viridis (perceptually uniform, ordered in lightness, no
// red–green contrast), and a grid of counts painted as RGBA pixels, one per cell, for a canvas to scale up.
import { ATTENTION_COLUMNS, ATTENTION_ROWS } from '../protocol/attention';

/** Viridis at eleven even stops (matplotlib's), interpolated between. */
const VIRIDIS = [
  [68, 1, 84], [72, 36, 117], [65, 68, 135], [53, 95, 141], [42, 120, 142], [33, 145, 140],
  [34, 168, 132], [68, 191, 112], [122, 209, 81], [189, 223, 38], [253, 231, 37],
] as const;

/** The colour at `t` in [0, 1] (clamped). */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/**
 * Pixels for a grid of counts (row-major, ATTENTION_COLUMNS × ATTENTION_ROWS): each cell coloured by its count's
 * share of the largest, square-rooted so a few looks still show; empty cells transparent, the rest `alpha`.
 */
export function heatPixels(cells: readonly number[], alpha = 200): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(ATTENTION_COLUMNS * ATTENTION_ROWS * 4);
  const max = cells.reduce((m, n) => Math.max(m, n), 0);
  if (max === 0) return pixels;
  for (let cell = 0; cell < ATTENTION_COLUMNS * ATTENTION_ROWS; cell++) {
    const n = cells[cell] ?? 0;
    if (n <= 0) continue;
    const [r, g, b] = viridis(Math.sqrt(n / max));
    pixels.set([r, g, b, alpha], cell * 4);
  }
  return pixels;
}
