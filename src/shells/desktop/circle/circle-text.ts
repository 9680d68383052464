// What the circle's views say for a message (a typed one as it is, a quick reply in the reader's language) and for
// a refusal (the limit that applies, for each reason).
import type { CircleRefusalNotice } from '../../../circles/circle-client';
import type { CircleKey } from '../../../i18n/circles';
import { CIRCLE_MESSAGE_MAX_LENGTH, type CircleMessage, type CircleView } from '../../../protocol/circle';

type Translate = (key: CircleKey, params?: Record<string, string | number>) => string;

export function circleMessageText(t: Translate, message: Pick<CircleMessage, 'text' | 'phrase'>): string {
  return message.phrase ? t(`circle.phrase.${message.phrase}`) : (message.text ?? '');
}

export function circleRefusalText(t: Translate, refusal: CircleRefusalNotice, view: CircleView | undefined): string {
  const max = refusal.reason === 'too-long' ? CIRCLE_MESSAGE_MAX_LENGTH : (view?.maxMembers ?? 50);
  return t(`circle.refused.${refusal.reason}`, { message: refusal.message, max });
}
