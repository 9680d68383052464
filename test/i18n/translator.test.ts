// The i18n layer: language choice, and a zh-CN catalogue that matches the English one placeholder for placeholder.
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { readLaunchParams } from '../../src/app/url-params';
import { createTranslator, detectLanguage } from '../../src/i18n/translator';

describe('translator', () => {
  it('takes ?lang= first, then the browser languages, then English', () => {
    expect(detectLanguage(readLaunchParams('?lang=zh-CN').language, ['en-US'])).toBe('zh-CN');
    expect(detectLanguage(readLaunchParams('?lang=en').language, ['zh-CN'])).toBe('en');
    expect(detectLanguage(readLaunchParams('').language, ['fr-FR', 'zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(readLaunchParams('?lang=klingon').language, ['fr'])).toBe('en');
  });

  it('has every key in zh-CN with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key], key).toBeTruthy();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and formats numbers and money per language', () => {
    const t = createTranslator('en');
    expect(t.t('feed.reconnecting', { attempt: 3 })).toBe('Reconnecting… (attempt 3)');
    expect(t.money(2_610_000, 'CNY')).toBe('CN¥2,610,000');
    expect(createTranslator('zh-CN').money(2_610_000, 'CNY')).toBe('¥2,610,000');
    expect(t.pick({ 'zh-CN': '守灯人' })).toBe('守灯人');
  });
});

describe('the host console’s strings', () => {
  it('come with its chunk: before they are added a translator shows the key, after it the text, in both languages', async () => {
    // A fresh module graph: another test file may have added them already.
    vi.resetModules();
    const { createTranslator: fresh, addMessages } = await import('../../src/i18n/translator');
    const { HOST_CONSOLE_MESSAGES } = await import('../../src/i18n/host-console');
    const en = fresh('en');
    const zh = fresh('zh-CN');
    expect(en.t('host.signIn.submit')).toBe('host.signIn.submit');
    addMessages(HOST_CONSOLE_MESSAGES);
    expect(en.t('host.signIn.submit')).toBe('Sign in');
    expect(zh.t('host.meetups', { projectId: 'p' })).toBe(HOST_CONSOLE_MESSAGES['zh-CN']['host.meetups'].replace('{projectId}', 'p'));
    // The shared question board's moderation words are on every page.
    expect(fresh('en').t('host.spotlight')).toBe('Spotlight');
  });
});
