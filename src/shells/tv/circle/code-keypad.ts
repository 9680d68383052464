// Typing a circle's code with a remote: the keypad's keys are the code's own alphabet (no 0/O, 1/I/L: a code read
// off a phone or an e-mail is typed right the first time), four rows of eight, digits first. Framework-free; the
// TV's keypad (TvCodeKeypad.tsx) binds it.
import { CIRCLE_CODE_ALPHABET, CIRCLE_CODE_LENGTH } from '../../../protocol/circle-code';

/** 23456789 · ABCDEFGH · JKMNPQRS · TUVWXYZ */
export const CODE_KEYPAD_ROWS: readonly string[] = chunk(CIRCLE_CODE_ALPHABET, 8);

/** The code with one more character; a character outside the alphabet (a remote's 0 or 1) or past the length changes nothing. */
export function typeCodeChar(code: string, char: string): string {
  const upper = char.toUpperCase();
  if (upper.length !== 1 || CIRCLE_CODE_ALPHABET.indexOf(upper) < 0 || code.length >= CIRCLE_CODE_LENGTH) return code;
  return code + upper;
}

export function deleteCodeChar(code: string): string {
  return code.slice(0, -1);
}

export const codeComplete = (code: string): boolean => code.length === CIRCLE_CODE_LENGTH;

/** What the keypad shows: ABCD-EF·· (the places still to type as dots), as invites print codes. */
export function codeOnScreen(code: string): string {
  const places = (code + '·'.repeat(CIRCLE_CODE_LENGTH)).slice(0, CIRCLE_CODE_LENGTH);
  return `${places.slice(0, 4)}-${places.slice(4)}`;
}

function chunk(text: string, size: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < text.length; i += size) rows.push(text.slice(i, i + size));
  return rows;
}
