// Which remote key sends which reaction in a live meet-up: the four colour keys (Red/Green/Yellow/Blue, 403–406),
// and the number keys 1–5 for remotes that have digits but no colour keys. Neither is ever the only way: the
// meet-up screen has an on-screen button for every kind (the Samsung Smart Remote has neither kind of key).
import { REACTION_KINDS, type ReactionKind } from '../../protocol/meetup';
import type { RemoteAction } from '../remote-keys';

export type ColourKey = 'red' | 'green' | 'yellow' | 'blue';

/** The colour each key wears, matched to a reaction that looks like it (a red heart, green-stemmed flowers…). */
export const COLOUR_REACTIONS: Readonly<Record<ColourKey, ReactionKind>> = Object.freeze({
  red: 'heart',
  green: 'flower',
  yellow: 'applause',
  blue: 'wow',
});

const BY_KIND = new Map<ReactionKind, ColourKey>(
  (Object.keys(COLOUR_REACTIONS) as ColourKey[]).map((colour) => [COLOUR_REACTIONS[colour], colour]),
);

/** The colour key that sends `kind`, for the hint on its on-screen button; null for a kind with no colour key. */
export function colourKeyOf(kind: ReactionKind): ColourKey | null {
  return BY_KIND.get(kind) ?? null;
}

/** The number key (1–5) that sends `kind`: its place in the reactions bar. */
export function digitKeyOf(kind: ReactionKind): number {
  return REACTION_KINDS.indexOf(kind) + 1;
}

/** The reaction a remote key sends, or null for every other key (arrows, OK, Back, media, 0 and 6–9). */
export function reactionOfKey(action: RemoteAction): ReactionKind | null {
  switch (action.action) {
    case 'red':
    case 'green':
    case 'yellow':
    case 'blue':
      return COLOUR_REACTIONS[action.action];
    case 'digit':
      return REACTION_KINDS[action.digit - 1] ?? null;
    default:
      return null;
  }
}
