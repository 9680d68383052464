// Counted messages: English says "1 vote" and "2 votes", Chinese has one form, the number is formatted in the UI
// language, and 2018 TVs without Intl.PluralRules still say "1 vote".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, enPluralForms, type CoreMessageKey } from '../../src/i18n/en';
import { createTranslator } from '../../src/i18n/translator';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('counted messages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('pick the English form for the count: one vote, not one votes', () => {
    const i18n = createTranslator('en');
    expect(i18n.plural('meetup.votes', 1)).toBe('1 vote');
    expect(i18n.plural('meetup.votes', 0)).toBe('0 votes');
    expect(i18n.plural('meetup.votes', 2)).toBe('2 votes');
    expect(i18n.plural('meetup.votes', 1234)).toBe('1,234 votes');
  });

  it('carry the other counted messages’ other values alongside the count', () => {
    const i18n = createTranslator('en');
    expect(i18n.plural('meetup.ask.left', 1)).toBe('1 character left');
    expect(i18n.plural('meetup.ask.left', 280)).toBe('280 characters left');
    expect(i18n.plural('tv.meetup.replay', 1)).toBe('Replay · 1 reaction during the meet-up');
    // The funding chart's summary is no longer counted (it reads the amounts, not milestones): one form.
    expect(i18n.t('tv.chart.summary', { percent: 42, start: 10, date: 'Oct 5' })).toBe('Funding over time: 42 % of the goal now, 10 % on Oct 5');
  });

  it('have one form in Chinese', () => {
    const i18n = createTranslator('zh-CN');
    expect(i18n.plural('meetup.votes', 1)).toBe('1 票');
    expect(i18n.plural('meetup.votes', 12345)).toBe('12,345 票');
  });

  it('keep each form’s placeholders the same as its message’s, the count among them', () => {
    for (const [key, forms] of Object.entries(enPluralForms) as [CoreMessageKey, Record<string, string>][]) {
      expect(placeholders(en[key]), key).toContain('count');
      for (const form of Object.values(forms)) expect(placeholders(form), key).toEqual(placeholders(en[key]));
    }
  });

  it('say "1 vote" where the browser has no Intl.PluralRules (2018 TV engines)', () => {
    vi.stubGlobal('Intl', Object.assign(Object.create(Intl) as typeof Intl, { PluralRules: undefined }));
    const i18n = createTranslator('en');
    expect(i18n.plural('meetup.votes', 1)).toBe('1 vote');
    expect(i18n.plural('meetup.votes', 3)).toBe('3 votes');
    expect(createTranslator('zh-CN').plural('meetup.votes', 1)).toBe('1 票');
  });
});
