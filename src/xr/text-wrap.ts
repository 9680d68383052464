// Line breaking for text drawn onto canvases in the headset (panels, hotspot labels, captions), in English and
// Chinese: Latin words break at spaces, Chinese may break between any two characters, and closing punctuation
// never starts a line. Measuring is passed in, so this runs (and is tested) without a canvas.

/** Width of `text` in the units `maxWidth` uses; a canvas's `ctx.measureText(text).width`, or a stand-in. */
export type Measure = (text: string) => number;

const CJK = /[\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** Never at the start of a line (a light form of the Japanese/Chinese "kinsoku" rule). */
const NO_LINE_START = /^[，。、；：？！）」』》〉】”’…·,.;:?!)\]]/u;
const ELLIPSIS = '…';

interface Token {
  text: string;
  /** A space comes before this token (it is dropped when the token starts a line). */
  spaced: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let wordSpaced = false;
  let pendingSpace = false;
  const flush = () => {
    if (word) tokens.push({ text: word, spaced: wordSpaced });
    word = '';
  };
  for (const char of text) {
    if (/\s/u.test(char)) {
      flush();
      pendingSpace = tokens.length > 0;
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (NO_LINE_START.test(char) && !word && !pendingSpace && last) {
      // Closing punctuation rides with what it closes.
      last.text += char;
      continue;
    }
    if (CJK.test(char)) {
      flush();
      tokens.push({ text: char, spaced: pendingSpace });
      pendingSpace = false;
      continue;
    }
    if (!word) {
      wordSpaced = pendingSpace;
      pendingSpace = false;
    }
    word += char;
  }
  flush();
  return tokens;
}

/** Splits a word wider than a whole line into pieces that fit (by character). */
function splitLong(word: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function truncate(line: string, maxWidth: number, measure: Measure): string {
  let cut = line;
  while (cut && measure(cut + ELLIPSIS) > maxWidth) cut = Array.from(cut).slice(0, -1).join('');
  return cut.trimEnd() + ELLIPSIS;
}

/**
 * Greedy line breaking. With `maxLines`, text that does not fit ends in "…" on the last line. Explicit newlines
 * (captions with two cue lines) start new lines.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of tokenize(paragraph)) {
      const candidate = line ? line + (token.spaced ? ' ' : '') + token.text : token.text;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (measure(token.text) <= maxWidth) {
        line = token.text;
        continue;
      }
      const pieces = splitLong(token.text, maxWidth, measure);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    if (line) lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  kept[last] = truncate(kept[last] ?? '', maxWidth, measure);
  return kept;
}
