// The one i18n layer: picks the UI language and turns message keys into text and numbers into local formats.
import type { Language } from '../protocol';
import { en, enPluralForms, type CoreMessageKey, type MessageKey, type PluralForms } from './en';
import { zhCN } from './zh-CN';
import { agoWithoutIntl, type AgoUnit } from './ago-fallback';

const CATALOGS: Record<Language, Partial<Record<MessageKey, string>>> = { en: { ...en }, 'zh-CN': { ...zhCN } };

/** Messages that a lazily loaded part of the app brings with it (the host console's), for every translator. */
export function addMessages(messages: Record<Language, Partial<Record<MessageKey, string>>>): void {
  Object.assign(CATALOGS.en, messages.en);
  Object.assign(CATALOGS['zh-CN'], messages['zh-CN']);
}
// A counted message's own text is its 'other' form; en.ts adds the English 'one' forms, and Chinese needs none (a
// count has one form).
const PLURAL_FORMS: Record<Language, Partial<Record<MessageKey, PluralForms[CoreMessageKey]>>> = { en: enPluralForms, 'zh-CN': {} };

/** `?lang=` (`requested`, from the launch parameters) wins; otherwise the browser's first language we have; otherwise English. */
export function detectLanguage(requested: string | undefined, browserLanguages: readonly string[]): Language {
  for (const candidate of [requested, ...browserLanguages]) {
    const language = candidate ? matchLanguage(candidate) : undefined;
    if (language) return language;
  }
  return 'en';
}

function matchLanguage(tag: string): Language | undefined {
  const lower = tag.toLowerCase();
  // Traditional-script Chinese readers still get zh-CN rather than English: closer, and all we ship.
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

export interface Translator {
  language: Language;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** `key`'s message for `count` of something ("1 vote", "2 votes"), the number formatted in {count}. */
  plural: (key: MessageKey, count: number, vars?: Record<string, string | number>) => string;
  number: (value: number) => string;
  money: (value: number, currency: string) => string;
  time: (epochMs: number) => string;
  /** "3 hours ago" for a past moment. */
  ago: (epochMs: number, now?: number) => string;
  /** Picks the text in the UI language from a localized value, falling back to the other language. */
  pick: (text: Partial<Record<Language, string>>) => string;
}

export function createTranslator(language: Language): Translator {
  const catalog = CATALOGS[language];
  // Each Intl formatter is made on first use and kept: making one loads locale data (tens of milliseconds on a
  // TV-class CPU), which the entry would otherwise pay before the first screen, whether it shows a number or not.
  const numbers = once(() => new Intl.NumberFormat(language));
  const times = once(() => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }));
  // Intl.RelativeTimeFormat came with Chromium 71: 2018–2020 TVs (Chromium 53–69) lack it, and there a small
  // table in both languages (ago-fallback.ts) says the same words instead of a polyfill.
  const relative = once(() => (typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(language, { numeric: 'auto' }) : null));
  // Intl.PluralRules came with Chromium 63, after 2018 TVs; there the English rule (exactly 1 is 'one') stands in,
  // right for English and harmless for Chinese, which has no other form to pick.
  const plurals = once(() => (typeof Intl.PluralRules === 'function' ? new Intl.PluralRules(language) : null));
  const categoryOf = (count: number) => plurals()?.select(count) ?? (count === 1 ? 'one' : 'other');
  const currencies = new Map<string, Intl.NumberFormat>();
  const currency = (code: string) => {
    let format = currencies.get(code);
    if (!format) {
      format = new Intl.NumberFormat(language, { style: 'currency', currency: code, maximumFractionDigits: 0 });
      currencies.set(code, format);
    }
    return format;
  };
  return {
    language,
    t: (key, vars) => fillPlaceholders(catalog[key] ?? key, vars),
    plural: (key, count, vars) => {
      const category = categoryOf(count);
      const form = category === 'other' ? undefined : PLURAL_FORMS[language][key]?.[category];
      return fillPlaceholders(form ?? catalog[key] ?? key, { ...vars, count: numbers().format(count) });
    },
    number: (value) => numbers().format(value),
    money: (value, code) => currency(code).format(value),
    time: (epochMs) => times().format(epochMs),
    ago: (epochMs, now = Date.now()) => {
      const [count, unit] = agoSteps(now - epochMs);
      const format = relative();
      return format ? format.format(-count, unit) : agoWithoutIntl(language, count, unit);
    },
    pick: (text) => text[language] ?? text.en ?? text['zh-CN'] ?? '',
  };
}

/** `text` with each {name} replaced by `vars[name]`; a placeholder with no value stays as written. */
export function fillPlaceholders(text: string, vars?: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole));
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

const AGO_STEPS: [AgoUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', Infinity],
];

/** A past span as whole units of the largest unit it fills (a moment in the future counts as now). */
function agoSteps(elapsedMs: number): [number, AgoUnit] {
  let value = Math.max(0, elapsedMs) / 1000;
  for (const [unit, size] of AGO_STEPS) {
    if (value < size) return [Math.round(value), unit];
    value /= size;
  }
  return [Math.round(value), 'week'];
}
