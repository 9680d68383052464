// Counted messages: English says "1 vote" and "2 votes", Chinese has one form, the number is formatted in the UI
// language, and 2018 TVs without Intl.PluralRules still say "1 vote".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, enPluralForms, type MessageKey } from '../../src/i18n/en';
import { plural } from '../../src/i18n/plural';
import { createTranslator } from '../../src/i18n/translator';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('counted messages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('pick the English form for the count: one vote, not one votes', () => {
    const i18n = createTranslator('en');
    expect(plural(i18n, 'meetup.votes', 1)).toBe('1 vote');
    expect(plural(i18n, 'meetup.votes', 0)).toBe('0 votes');
    expect(plural(i18n, 'meetup.votes', 2)).toBe('2 votes');
    expect(plural(i18n, 'meetup.votes', 1234)).toBe('1,234 votes');
  });

  it('have one form in Chinese', () => {
    const i18n = createTranslator('zh-CN');
    expect(plural(i18n, 'meetup.votes', 1)).toBe('1 票');
    expect(plural(i18n, 'meetup.votes', 12345)).toBe('12,345 票');
  });

  it('keep each form’s placeholders the same as its message’s, the count among them', () => {
    for (const [key, forms] of Object.entries(enPluralForms) as [MessageKey, Record<string, string>][]) {
      expect(placeholders(en[key]), key).toContain('count');
      for (const form of Object.values(forms)) expect(placeholders(form), key).toEqual(placeholders(en[key]));
    }
  });

  it('say "1 vote" where the browser has no Intl.PluralRules (2018 TV engines)', async () => {
    vi.stubGlobal('Intl', Object.assign(Object.create(Intl) as typeof Intl, { PluralRules: undefined }));
    vi.resetModules();
    const fresh = await import('../../src/i18n/plural');
    const i18n = createTranslator('en');
    expect(fresh.plural(i18n, 'meetup.votes', 1)).toBe('1 vote');
    expect(fresh.plural(i18n, 'meetup.votes', 3)).toBe('3 votes');
    expect(fresh.plural(createTranslator('zh-CN'), 'meetup.votes', 1)).toBe('1 票');
  });
});
