// "2 hours ago" / "2小时前" for engines without Intl.RelativeTimeFormat (Chromium < 71: the 2018–2020 TVs). Says
// exactly what Intl.RelativeTimeFormat(language, { numeric: 'auto' }) says for the values the translator's `ago`
// asks for (whole units back from now); test/i18n/ago-fallback.test.ts holds the two side by side.
import type { Language } from '../protocol';

export type AgoUnit = 'second' | 'minute' | 'hour' | 'day' | 'week';

const ZH_UNITS: Record<AgoUnit, string> = { second: '秒钟', minute: '分钟', hour: '小时', day: '天', week: '周' };

/** `count` whole `unit`s ago, in `language`: count ≥ 0 for seconds, ≥ 1 for the larger units (as `ago` asks). */
export function agoWithoutIntl(language: Language, count: number, unit: AgoUnit): string {
  if (language === 'zh-CN') {
    if (count === 0 && unit === 'second') return '现在';
    if (unit === 'day' && (count === 1 || count === 2)) return count === 1 ? '昨天' : '前天';
    if (unit === 'week' && count === 1) return '上周';
    return `${count}${ZH_UNITS[unit]}前`;
  }
  if (count === 0 && unit === 'second') return 'now';
  if (count === 1 && unit === 'day') return 'yesterday';
  if (count === 1 && unit === 'week') return 'last week';
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}
