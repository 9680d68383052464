// Pairing's catalogue: every English string has a Chinese one with the same placeholders, and every refusal reason
// and reaction the protocol knows has its words (a reason without them would show a raw key to the family).
import { describe, expect, it } from 'vitest';
import { PAIRING_MESSAGES, type PairingKey } from '../../src/i18n/pairing';
import { PAIRING_REACTIONS, PAIRING_REFUSALS } from '../../src/protocol/pairing';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('pairing strings', () => {
  it('zh-CN matches en key for key and placeholder for placeholder', () => {
    const en = PAIRING_MESSAGES.en;
    const zh = PAIRING_MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as PairingKey[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has words for every refusal reason and reaction', () => {
    const keys = new Set(Object.keys(PAIRING_MESSAGES.en));
    for (const reason of PAIRING_REFUSALS) expect(keys.has(`pairing.refused.${reason}`), reason).toBe(true);
    for (const reaction of PAIRING_REACTIONS) expect(keys.has(`pairing.reaction.${reaction}`), reaction).toBe(true);
  });
});
