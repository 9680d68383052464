import { describe, expect, it } from 'vitest';
import { CIRCLE_CODE_ALPHABET } from '../../../../src/protocol/circle-code';
import { CODE_KEYPAD_ROWS, codeComplete, codeOnScreen, deleteCodeChar, typeCodeChar } from '../../../../src/shells/tv/circle/code-keypad';
import { CIRCLE_MESSAGES } from '../../../../src/i18n/circles';

describe('the TV keypad for a circle code', () => {
  it('has every character of the code alphabet once, and no lookalikes', () => {
    expect(CODE_KEYPAD_ROWS).toEqual(['23456789', 'ABCDEFGH', 'JKMNPQRS', 'TUVWXYZ']);
    expect(CODE_KEYPAD_ROWS.join('')).toBe(CIRCLE_CODE_ALPHABET);
    for (const lookalike of ['0', 'O', '1', 'I', 'L']) expect(CODE_KEYPAD_ROWS.join('')).not.toContain(lookalike);
  });

  it('types up to 8 characters of the alphabet, ignores others, deletes the last', () => {
    let code = '';
    for (const c of ['a', '0', '1', 'O', 'b', '7', 'I', 'l', ' ', 'xx']) code = typeCodeChar(code, c);
    expect(code).toBe('AB7');
    expect(codeOnScreen(code)).toBe('AB7·-····');
    for (const c of 'CDEFGH') code = typeCodeChar(code, c);
    expect(code).toBe('AB7CDEFG');
    expect(codeComplete(code)).toBe(true);
    expect(codeOnScreen(code)).toBe('AB7C-DEFG');
    expect(deleteCodeChar(code)).toBe('AB7CDEF');
    expect(deleteCodeChar('')).toBe('');
  });

  it('says every refusal a join can meet in both languages, the TV’s tier refusal too', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const catalog = CIRCLE_MESSAGES[language] as Record<string, string>;
      for (const reason of ['unknown-code', 'expired', 'full', 'no-access', 'ended', 'flood', 'invalid']) expect(catalog[`circle.refused.${reason}`], `${language} ${reason}`).toBeTruthy();
      for (const key of ['circle.tv.refused.no-access', 'circle.tv.codeTitle', 'circle.tv.incomplete', 'circle.tv.join']) expect(catalog[key], `${language} ${key}`).toBeTruthy();
    }
    expect(CIRCLE_MESSAGES['zh-CN']['circle.tv.refused.no-access']).not.toBe(CIRCLE_MESSAGES.en['circle.tv.refused.no-access']);
  });
});
