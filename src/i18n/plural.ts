// Counted messages in the plural form the UI language asks for: "1 vote", "2 votes". A counted message's own text
// is its 'other' form; en.ts adds the English 'one' forms, and Chinese needs none (a count has one form).
import type { Language } from '../protocol';
import { enPluralForms, type MessageKey, type PluralCategory, type PluralForms } from './en';
import { fillPlaceholders, type Translator } from './translator';

const FORMS: Record<Language, PluralForms> = { en: enPluralForms, 'zh-CN': {} };

// Made on first use, like the translator's formatters (locale data costs a TV-class CPU before the first screen).
const rules = new Map<Language, Intl.PluralRules | null>();

function categoryOf(language: Language, count: number): string {
  let rule = rules.get(language);
  if (rule === undefined) {
    // Intl.PluralRules came with Chromium 63, after 2018 TVs; there the English rule (exactly 1 is 'one') stands
    // in, right for English and harmless for Chinese, which has no other form to pick.
    rule = typeof Intl.PluralRules === 'function' ? new Intl.PluralRules(language) : null;
    rules.set(language, rule);
  }
  return rule ? rule.select(count) : count === 1 ? 'one' : 'other';
}

/** `key`'s message for `count` of something, the number formatted in the UI language in {count}. */
export function plural(i18n: Translator, key: MessageKey, count: number, vars?: Record<string, string | number>): string {
  const values: Record<string, string | number> = { ...vars, count: i18n.number(count) };
  const category = categoryOf(i18n.language, count);
  const form = category === 'other' ? undefined : FORMS[i18n.language][key]?.[category as PluralCategory];
  return form ? fillPlaceholders(form, values) : i18n.t(key, values);
}
