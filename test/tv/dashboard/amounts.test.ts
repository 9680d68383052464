import { describe, expect, it } from 'vitest';
import { shortMoney, shortNumber } from '../../../src/tv/dashboard/amounts';

const en = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const zh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const fmtEn = (v: number) => en.format(v);
const fmtZh = (v: number) => zh.format(v);
const zeroOf = (language: string, currency: string) => new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(0);

describe('short amounts for the TV home screen', () => {
  it('counts large Chinese amounts in 万 and 亿', () => {
    expect(shortNumber(2_610_000, 'zh-CN', fmtZh)).toBe('261万');
    expect(shortNumber(3_000_000, 'zh-CN', fmtZh)).toBe('300万');
    expect(shortNumber(12_480, 'zh-CN', fmtZh)).toBe('1.25万');
    expect(shortNumber(123_456_789, 'zh-CN', fmtZh)).toBe('1.23亿');
    expect(shortNumber(9_999, 'zh-CN', fmtZh)).toBe('9,999');
  });

  it('uses K, M and B in English, exact below 100,000', () => {
    expect(shortNumber(2_610_000, 'en', fmtEn)).toBe('2.61M');
    expect(shortNumber(3_000_000, 'en', fmtEn)).toBe('3M');
    expect(shortNumber(450_000, 'en', fmtEn)).toBe('450K');
    expect(shortNumber(12_480, 'en', fmtEn)).toBe('12,480');
    expect(shortNumber(1_500_000_000, 'en', fmtEn)).toBe('1.5B');
    expect(shortNumber(-2_610_000, 'en', fmtEn)).toBe('-2.61M');
  });

  it('puts the currency symbol where the language puts it', () => {
    expect(shortMoney(2_610_000, 'zh-CN', fmtZh, zeroOf('zh-CN', 'CNY'))).toBe('¥261万');
    expect(shortMoney(2_610_000, 'en', fmtEn, zeroOf('en', 'CNY'))).toBe('CN¥2.61M');
    expect(shortMoney(2_610_000, 'en', fmtEn, zeroOf('en', 'USD'))).toBe('$2.61M');
    expect(shortMoney(3_000_000, 'zh-CN', fmtZh, zeroOf('zh-CN', 'EUR'))).toBe('€300万');
    expect(shortMoney(500, 'en', fmtEn, 'XYZ')).toBe('XYZ 500');
  });
});
