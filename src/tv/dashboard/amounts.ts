// Amounts the way people read them on a TV from the sofa: short enough for a tile at 1280×720. Chinese counts large
// sums in 万 (10⁴) and 亿 (10⁸) — "¥261万", not "¥2,610,000" — and English in thousands and millions ("CN¥2.61M").
// By hand, not Intl's compact notation: that came with Chromium 77, after the 2018–2020 sets this screen runs on.
import type { Language } from '../../protocol';

interface Step {
  size: number;
  suffix: string;
  /** Amounts below this stay exact (default: `size`). */
  from?: number;
}

const STEPS: Record<Language, Step[]> = {
  'zh-CN': [
    { size: 1e8, suffix: '亿' },
    { size: 1e4, suffix: '万' },
  ],
  en: [
    { size: 1e9, suffix: 'B' },
    { size: 1e6, suffix: 'M' },
    { size: 1e3, suffix: 'K', from: 1e5 },
  ],
};

/** A whole-unit amount, short: at most three significant digits past a step ("261万", "2.61M"), exact below it. */
export function shortNumber(value: number, language: Language, format: (value: number) => string): string {
  if (!Number.isFinite(value)) return format(value);
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  for (const step of STEPS[language]) {
    if (size < (step.from ?? step.size)) continue;
    const scaled = size / step.size;
    // Three significant digits, trailing zeros dropped: 2.61, 26.1, 261; 1.5, not 1.50.
    const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
    const rounded = Number(scaled.toFixed(digits));
    // The digits go through the language's number format (its decimal mark), the suffix after.
    return `${sign}${format(rounded)}${step.suffix}`;
  }
  return `${sign}${format(size)}`;
}

/**
 * `shortNumber` with the currency's symbol where the language's currency format puts it: `currencyOfZero` is that
 * format applied to 0 (e.g. "CN¥0", "¥0", "0 €"), whose 0 is replaced by the short figure.
 */
export function shortMoney(value: number, language: Language, format: (value: number) => string, currencyOfZero: string): string {
  const figure = shortNumber(value, language, format);
  return /0/.test(currencyOfZero) ? currencyOfZero.replace(/0(?:[.,]0+)?/, figure) : `${currencyOfZero} ${figure}`;
}
