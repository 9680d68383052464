// The on-screen keypad a family types a backer code with, using the D-pad and OK (a TV has no keyboard; the number
// keys of a remote type digits too). Backer codes are URL-safe text (`sv_` + base64url from the reference server,
// short words like `demo-gold` in the demo), so the pad has letters, a Shift for capitals, digits, '-' and '_'.
// The code is stored in Web Storage by the app's sign-in, never put in a URL.

/** Longer than any code a platform issues (the reference server's are 35 characters); the handshake allows 512. */
export const BACKER_CODE_MAX_LENGTH = 64;

export type KeypadKey = { kind: 'char'; char: string } | { kind: 'shift' } | { kind: 'delete' } | { kind: 'clear' };

const LETTERS = ['abcdefghi', 'jklmnopqr', 'stuvwxyz'];
const SYMBOLS = '0123456789-_';

/** The pad's rows of characters, lower case or (with Shift) upper case. Controls are a row of their own. */
export function keypadRows(shifted: boolean): string[][] {
  const letters = LETTERS.map((row) => [...(shifted ? row.toUpperCase() : row)]);
  return [...letters, [...SYMBOLS.slice(0, 10)], [...SYMBOLS.slice(10)]];
}

export interface KeypadState {
  code: string;
  shifted: boolean;
}

export const EMPTY_KEYPAD: KeypadState = Object.freeze({ code: '', shifted: false });

/** One key of the pad. Characters outside the code alphabet and input past the limit change nothing. */
export function pressKeypad(state: KeypadState, key: KeypadKey): KeypadState {
  switch (key.kind) {
    case 'char':
      if (!/^[A-Za-z0-9_-]$/.test(key.char) || state.code.length >= BACKER_CODE_MAX_LENGTH) return state;
      return { ...state, code: state.code + key.char };
    case 'shift':
      return { ...state, shifted: !state.shifted };
    case 'delete':
      return state.code ? { ...state, code: state.code.slice(0, -1) } : state;
    case 'clear':
      return { ...state, code: '' };
  }
}

/** The code as it may be sent: nothing to send while it is empty. */
export function codeToSubmit(state: KeypadState): string | null {
  return state.code.length > 0 ? state.code : null;
}
