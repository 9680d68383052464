// The first screen on 2018–2020 TV engines: APIs they lack must not stop the app from starting.
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator';

const original = Intl.RelativeTimeFormat;
afterEach(() => {
  (Intl as { RelativeTimeFormat?: unknown }).RelativeTimeFormat = original;
});

describe('translator on engines before Chromium 71', () => {
  it('starts without Intl.RelativeTimeFormat and still says "3 hours ago" (its own table)', () => {
    (Intl as { RelativeTimeFormat?: unknown }).RelativeTimeFormat = undefined;
    const en = createTranslator('en');
    const at = Date.UTC(2026, 0, 1, 14, 5);
    expect(en.ago(at, at + 3 * 3_600_000)).toBe('3 hours ago');
    expect(createTranslator('zh-CN').ago(at, at + 26 * 3_600_000)).toBe('昨天');
    expect(createTranslator('zh-CN').t('tv.exit.question')).toBe('退出 SetVisit？');
  });

  it('still says "3 hours ago" where the engine has it', () => {
    const at = Date.UTC(2026, 0, 1, 14, 5);
    expect(createTranslator('en').ago(at, at + 3 * 3_600_000)).toBe('3 hours ago');
  });
});
