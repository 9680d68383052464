// What each reaction looks like, as SVG path data on a 32×32 grid: drawn with Path2D on the burst's canvas and as
// <path> in the reactions bar. Shapes, not emoji: many TVs (and Linux boxes) have no colour-emoji font, and a
// missing glyph is an empty box.
import type { ReactionKind } from '../protocol/meetup';

export interface ShapePart {
  d: string;
  fill: string;
}

/** A circle as path data (two arcs), so every part is one kind of thing. */
function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

const round = (n: number) => Math.round(n * 100) / 100;
const petals = Array.from({ length: 5 }, (_, k) => {
  const angle = (k * 72 - 90) * (Math.PI / 180);
  return circle(round(16 + 8 * Math.cos(angle)), round(16 + 8 * Math.sin(angle)), 6.5);
}).join('');

const FACE = '#ffc83d';
const INK = '#5a2a00';

export const REACTION_SHAPES: Record<ReactionKind, ShapePart[]> = {
  heart: [{ d: 'M16 28C16 28 3 19.5 3 11.5C3 7 6.5 4 10.5 4C13 4 15 5.5 16 7.5C17 5.5 19 4 21.5 4C25.5 4 29 7 29 11.5C29 19.5 16 28 16 28Z', fill: '#ff3b5c' }],
  flower: [
    { d: petals, fill: '#ff8fb8' },
    { d: circle(16, 16, 4.5), fill: '#ffd23f' },
  ],
  applause: [
    { d: 'M14 2L17 12L27 15L17 18L14 28L11 18L1 15L11 12Z', fill: '#ffc83d' },
    { d: 'M26 20L27.5 24.5L32 26L27.5 27.5L26 32L24.5 27.5L20 26L24.5 24.5Z', fill: '#ffe08a' },
  ],
  laugh: [
    { d: circle(16, 16, 14), fill: FACE },
    { d: 'M8.5 12.5Q11 9 13.5 12.5L12.5 13.3Q11 11.2 9.5 13.3ZM18.5 12.5Q21 9 23.5 12.5L22.5 13.3Q21 11.2 19.5 13.3Z', fill: INK },
    { d: 'M8 17H24A8 8 0 0 1 8 17Z', fill: INK },
  ],
  wow: [
    { d: circle(16, 16, 14), fill: FACE },
    { d: circle(11, 12.5, 2) + circle(21, 12.5, 2), fill: INK },
    { d: circle(16, 22, 4), fill: INK },
  ],
};
