// Colour keys (and number keys) → reactions: each TV key as the set sends it (key name or bare keyCode) sends one
// reaction kind, every colour a different one, and keys that mean something else send none.
import { describe, expect, it } from 'vitest';
import { REACTION_KINDS } from '../../../src/protocol/meetup';
import { remoteActionOf } from '../../../src/tv/remote-keys';
import { COLOUR_REACTIONS, colourKeyOf, digitKeyOf, reactionOfKey } from '../../../src/tv/meetup';

const reactionOf = (event: { key?: string; keyCode?: number }) => {
  const action = remoteActionOf(event);
  return action ? reactionOfKey(action) : null;
};

describe('colour keys send reactions', () => {
  it('maps Red/Green/Yellow/Blue by keyCode alone (webOS, Tizen report key as Unidentified) and by key name', () => {
    expect([403, 404, 405, 406].map((keyCode) => reactionOf({ key: 'Unidentified', keyCode }))).toEqual(['heart', 'flower', 'applause', 'wow']);
    expect(['ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue'].map((key) => reactionOf({ key }))).toEqual(['heart', 'flower', 'applause', 'wow']);
  });

  it('gives each colour its own reaction, and names the colour back for the on-screen hint', () => {
    const kinds = Object.values(COLOUR_REACTIONS);
    expect(new Set(kinds).size).toBe(4);
    for (const [colour, kind] of Object.entries(COLOUR_REACTIONS)) expect(colourKeyOf(kind)).toBe(colour);
    // The fifth kind has no colour key: the on-screen bar and the number key still send it.
    const without = REACTION_KINDS.filter((kind) => colourKeyOf(kind) === null);
    expect(without).toEqual(['laugh']);
    expect(reactionOf({ key: String(digitKeyOf('laugh')) })).toBe('laugh');
  });

  it('maps the number keys 1–5 to the bar’s order, and 0 and 6–9 to nothing', () => {
    expect([1, 2, 3, 4, 5].map((n) => reactionOf({ keyCode: 48 + n }))).toEqual([...REACTION_KINDS]);
    expect([0, 6, 9].map((n) => reactionOf({ key: String(n) }))).toEqual([null, null, null]);
  });

  it('sends nothing for arrows, OK, Back and media keys', () => {
    for (const keyCode of [37, 38, 39, 40, 13, 10009, 461, 415, 19, 10252]) expect(reactionOf({ keyCode })).toBeNull();
  });
});
