// Why a stream was refused (src/protocol/media-refusal.ts), in both languages, and the headset notice's Retry line:
// only the error states of the players show them, so they come with src/react/useRefusalMessage.ts (which registers them) and stay off the TV's first
// screen, which has a byte budget (test/tv/tv-build.test.ts).
import type { Language } from '../protocol';

export const mediaRefusalEn = {
  'media.refused.pass': 'Your pass has run out. Enter your backer code again.',
  'media.refused.code': 'This backer code was revoked. Enter a valid one.',
  'media.refused.ended': 'This meet-up has ended.',
  'media.refused.key': 'The host closed this stream. Ask the host.',
  'media.notice.retry': 'Select this notice to try again.',
} as const;

export type MediaRefusalKey = keyof typeof mediaRefusalEn;

const mediaRefusalZhCN: Record<MediaRefusalKey, string> = {
  'media.refused.pass': '观看凭证已过期，请重新输入支持者代码。',
  'media.refused.code': '此支持者代码已被撤销，请输入有效代码。',
  'media.refused.ended': '本场见面会已结束。',
  'media.refused.key': '主持人已关闭此直播，请联系主持人。',
  'media.notice.retry': '选择此提示即可重试。',
};

export const MEDIA_REFUSAL_MESSAGES: Record<Language, Record<MediaRefusalKey, string>> = { en: mediaRefusalEn, 'zh-CN': mediaRefusalZhCN };
