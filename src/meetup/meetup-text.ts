// Text for the meet-up views that the desktop and TV shells both show: the countdown, the latency and a meet-up's
// card in the list, in the UI language. Each shell puts its own markup around it.
import type { Translator } from '../i18n/translator';
import type { Meetup } from '../protocol/meetup';
import { countdownTo, isLate, type Countdown } from './countdown';

const pad = (n: number) => String(n).padStart(2, '0');

/** A meet-up still scheduled: the time left, "any moment now" at the start, and past that, how late the host is. */
export function formatCountdown(i18n: Translator, c: Countdown): string {
  if (isLate(c)) {
    const hours = Math.floor(c.overdueMinutes / 60);
    const minutes = c.overdueMinutes % 60;
    const late = hours > 0 ? i18n.t('meetup.countdown.lateHours', { hours, minutes }) : i18n.t('meetup.countdown.lateMinutes', { minutes });
    return i18n.t('meetup.countdown.late', { late });
  }
  if (c.due) return i18n.t('meetup.countdown.due');
  const clock = `${pad(c.hours)}:${pad(c.minutes)}:${pad(c.seconds)}`;
  return c.days > 0 ? i18n.t('meetup.countdown.days', { days: c.days, clock }) : clock;
}

export function formatLatency(i18n: Translator, seconds: number): string {
  return i18n.t('meetup.latency', { seconds: seconds.toFixed(1) });
}

export interface MeetupCardText {
  /** Live, scheduled or ended. */
  state: string;
  title: string;
  /** "with <star>". */
  star: string;
  /** When it starts and the countdown (scheduled), else the tier it takes. */
  detail: string;
  /** What opening it does: join live, open the countdown, watch the replay. */
  action: string;
}

export function meetupCardText(i18n: Translator, meetup: Meetup, nowMs: number): MeetupCardText {
  const { t } = i18n;
  const start = Date.parse(meetup.scheduledStart);
  return {
    state: t(`meetup.state.${meetup.state}`),
    title: i18n.pick(meetup.title),
    star: t('meetup.with', { star: i18n.pick(meetup.star) }),
    detail:
      meetup.state === 'scheduled'
        ? t('meetup.startsIn', { time: i18n.time(start), countdown: formatCountdown(i18n, countdownTo(start, nowMs)) })
        : t('meetup.tierNeeded', { tier: t(`tier.${meetup.requiredTier}`) }),
    action: meetup.state === 'live' ? t('meetup.joinLive') : meetup.state === 'ended' ? t('meetup.watchReplay') : t('meetup.open'),
  };
}
