// "2 hours ago" without Intl.RelativeTimeFormat (Chromium < 71): the fallback must say what the engine would.
import { afterEach, describe, expect, it } from 'vitest';
import { agoWithoutIntl } from '../../src/i18n/ago-fallback';
import { createTranslator } from '../../src/i18n/translator';

const original = Intl.RelativeTimeFormat;
afterEach(() => {
  (Intl as { RelativeTimeFormat?: unknown }).RelativeTimeFormat = original;
});

/** Spans from 0 to over a year, dense where the wording changes (now, yesterday, 前天, last week). */
function spans(): number[] {
  const out: number[] = [];
  for (let s = 0; s < 7_200; s += 7) out.push(s * 1000 + 123);
  for (let m = 0; m < 60 * 24 * 16; m += 17) out.push(m * 60_000);
  for (let d = 0; d < 400; d += 1) out.push(d * 86_400_000 + 3_600_000);
  return out;
}

describe('relative times without Intl.RelativeTimeFormat', () => {
  it.each(['en', 'zh-CN'] as const)('say exactly what the engine says in %s, over a year of spans', (language) => {
    const now = Date.UTC(2026, 11, 7, 9, 30);
    const withIntl = createTranslator(language);
    const expected = spans().map((span) => withIntl.ago(now - span, now));
    (Intl as { RelativeTimeFormat?: unknown }).RelativeTimeFormat = undefined;
    const without = createTranslator(language);
    const actual = spans().map((span) => without.ago(now - span, now));
    expect(actual).toEqual(expected);
    // The sweep reaches every special word, so a wrong one cannot hide.
    const words = language === 'en' ? ['now', 'yesterday', 'last week', '1 minute ago', '2 hours ago', '3 days ago', '5 weeks ago'] : ['现在', '昨天', '前天', '上周', '1分钟前', '2小时前', '3天前', '5周前'];
    for (const word of words) expect(actual).toContain(word);
  });

  it('says the words people use, in both languages', () => {
    expect(agoWithoutIntl('en', 2, 'hour')).toBe('2 hours ago');
    expect(agoWithoutIntl('en', 1, 'minute')).toBe('1 minute ago');
    expect(agoWithoutIntl('en', 1, 'day')).toBe('yesterday');
    expect(agoWithoutIntl('zh-CN', 1, 'day')).toBe('昨天');
    expect(agoWithoutIntl('zh-CN', 2, 'day')).toBe('前天');
    expect(agoWithoutIntl('zh-CN', 40, 'second')).toBe('40秒钟前');
  });
});
