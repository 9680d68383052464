// Text for the meet-up views that several components share: the countdown and the latency, in the UI language.
import type { Translator } from '../../../i18n/translator';
import type { Countdown } from '../../../meetup/countdown';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatCountdown(i18n: Translator, c: Countdown): string {
  if (c.due) return i18n.t('meetup.countdown.due');
  const clock = `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}`;
  return c.days > 0 ? i18n.t('meetup.countdown.days', { days: c.days, clock }) : clock;
}

export function formatLatency(i18n: Translator, seconds: number): string {
  return i18n.t('meetup.latency', { seconds: seconds.toFixed(1) });
}
