// How a paired phone's reactions look where the TV shows them: drawn shapes, as the meet-up's and the circle's are,
// not emoji (a set without a colour-emoji font draws a missing emoji as an empty box).
import { REACTION_SHAPES, type ShapePart } from '../meetup/reaction-shapes';
import type { PairingReactionKind } from '../protocol/pairing';

export const PAIRING_REACTION_SHAPES: Record<PairingReactionKind, ShapePart[]> = {
  heart: REACTION_SHAPES.heart,
  applause: REACTION_SHAPES.applause,
  laugh: REACTION_SHAPES.laugh,
  wow: REACTION_SHAPES.wow,
  fire: [
    { d: 'M16 2C18 8 25 11 25 19C25 24.5 21 29 16 29C11 29 7 24.5 7 19C7 14 10.5 11.5 12 8C13 11 14 12.5 15.5 13C16.5 9.5 16.5 5.5 16 2Z', fill: '#ff6b2c' },
    { d: 'M16 16C17.5 19 20 20.5 20 23.5C20 26 18.2 28 16 28C13.8 28 12 26 12 23.5C12 21.5 13.5 20.3 14.5 19C15 20.5 15.8 21 16.3 21C16.8 19.5 16.6 17.5 16 16Z', fill: '#ffd23f' },
  ],
};
