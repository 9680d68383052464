// How each circle reaction looks on every shell: drawn shapes, as the meet-up's reactions are
// (src/meetup/reaction-shapes.ts), not emoji. A set or a Linux box without a colour-emoji font draws a missing emoji
// as an empty box (two of the five were, in Chromium here). The label beside or under it is the catalog's.
import { REACTION_SHAPES, type ShapePart } from '../meetup/reaction-shapes';
import type { CircleReaction } from '../protocol/circle';

const SLEEVE = '#4a90e2';
const HAND = '#ffc83d';

export const CIRCLE_REACTION_SHAPES: Record<CircleReaction, ShapePart[]> = {
  heart: REACTION_SHAPES.heart,
  laugh: REACTION_SHAPES.laugh,
  wow: REACTION_SHAPES.wow,
  applause: REACTION_SHAPES.applause,
  'thumbs-up': [
    { d: 'M3 13H9V28H3Z', fill: SLEEVE },
    { d: 'M11 13L15 4C15.8 2.3 18.8 2.6 18.8 5.2L18 12H26C27.8 12 29 13.5 28.6 15.2L26.4 26C26.1 27.2 25 28 23.8 28H11Z', fill: HAND },
  ],
};
