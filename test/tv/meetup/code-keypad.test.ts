// The backer-code keypad: characters of the code alphabet only, Shift for capitals, delete and clear, a length
// limit, and nothing to send while empty. Bad input changes nothing (and loses nothing typed so far).
import { describe, expect, it } from 'vitest';
import { BACKER_CODE_MAX_LENGTH, EMPTY_KEYPAD, codeToSubmit, keypadRows, pressKeypad, type KeypadKey, type KeypadState } from '../../../src/tv/meetup';

const char = (c: string): KeypadKey => ({ kind: 'char', char: c });
const type = (state: KeypadState, text: string) => [...text].reduce((s, c) => pressKeypad(s, char(c)), state);

describe('backer code keypad', () => {
  it('types a demo code and a reference-server code (sv_ + base64url)', () => {
    expect(type(EMPTY_KEYPAD, 'demo-gold').code).toBe('demo-gold');
    const issued = 'sv_AbC-9_xYz0123456789abcdefghiJKL';
    expect(type(EMPTY_KEYPAD, issued).code).toBe(issued);
  });

  it('offers every character of the code alphabet on its rows, capitals after Shift', () => {
    const lower = keypadRows(false).flat().join('');
    const upper = keypadRows(true).flat().join('');
    for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789-_') expect(lower).toContain(c);
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(upper).toContain(c);
    expect(pressKeypad(EMPTY_KEYPAD, { kind: 'shift' }).shifted).toBe(true);
    expect(pressKeypad(pressKeypad(EMPTY_KEYPAD, { kind: 'shift' }), { kind: 'shift' }).shifted).toBe(false);
  });

  it('ignores characters outside the alphabet and input past the limit, keeping what was typed', () => {
    const typed = type(EMPTY_KEYPAD, 'demo');
    for (const bad of [' ', '/', '?', '&', '#', 'é', 'ab', '']) expect(pressKeypad(typed, char(bad))).toBe(typed);
    const full = type(EMPTY_KEYPAD, 'a'.repeat(BACKER_CODE_MAX_LENGTH));
    expect(pressKeypad(full, char('b')).code).toHaveLength(BACKER_CODE_MAX_LENGTH);
  });

  it('deletes the last character, clears, and has nothing to send while empty', () => {
    const typed = type(EMPTY_KEYPAD, 'gold');
    expect(pressKeypad(typed, { kind: 'delete' }).code).toBe('gol');
    expect(pressKeypad(EMPTY_KEYPAD, { kind: 'delete' })).toBe(EMPTY_KEYPAD);
    expect(pressKeypad(typed, { kind: 'clear' }).code).toBe('');
    expect(codeToSubmit(EMPTY_KEYPAD)).toBeNull();
    expect(codeToSubmit(typed)).toBe('gold');
  });
});
