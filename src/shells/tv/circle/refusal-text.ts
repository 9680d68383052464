// A circle's refusal in the family's words: the TV says its own thing where the remedy differs on a TV (a backer
// code this TV lacks is typed on the TV or given by a paired phone, not by signing in on a page).
import type { CircleRefusalNotice } from '../../../circles/circle-client';
import { CIRCLE_MESSAGE_MAX_LENGTH } from '../../../protocol/circle';
import type { Translator } from '../../../i18n/translator';

export function refusalText(t: Translator['t'], refusal: CircleRefusalNotice, maxMembers: number): string {
  if (refusal.reason === 'no-access') return t('circle.tv.refused.no-access');
  return t(`circle.refused.${refusal.reason}`, { message: refusal.message, max: refusal.reason === 'too-long' ? CIRCLE_MESSAGE_MAX_LENGTH : maxMembers });
}
