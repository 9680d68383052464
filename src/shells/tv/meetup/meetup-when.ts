// When a meet-up is, as a TV card says it from the sofa: the day and time it starts (or started, or was held), and
// for one still to come how long until then. Framework-free; days and times as the other shells write them.
import { countdownTo, isLate } from '../../../meetup/countdown';
import { formatCountdown } from '../../../meetup/meetup-text';
import type { Translator } from '../../../i18n/translator';
import type { Meetup } from '../../../protocol/meetup';
import { startTimeText } from '../../shared/start-time';

export interface MeetupWhen {
  /** "Today, 7:00 PM", "Mon, Dec 14, 7:00 PM", "Started at 6:58 PM", "Held Wed, Dec 2, 7:00 PM". */
  when: string;
  /** For a meet-up still to come: "in 2 d 03:10:00", "any moment now" or how late the host is; else empty. */
  countdown: string;
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

export function meetupWhen(i18n: Translator, meetup: Meetup, nowMs: number): MeetupWhen {
  const start = Date.parse(meetup.scheduledStart);
  if (meetup.state === 'live') {
    const started = meetup.startedAt ? Date.parse(meetup.startedAt) : start;
    return { when: i18n.t('tv.meetup.when.started', { time: i18n.time(started) }), countdown: '' };
  }
  if (meetup.state === 'ended') {
    const held = meetup.startedAt ? Date.parse(meetup.startedAt) : start;
    return { when: i18n.t('tv.meetup.when.held', { date: startTimeText(i18n.language, held, nowMs) }), countdown: '' };
  }
  const when = sameDay(start, nowMs) ? i18n.t('tv.meetup.when.today', { time: i18n.time(start) }) : startTimeText(i18n.language, start, nowMs);
  const c = countdownTo(start, nowMs);
  const left = formatCountdown(i18n, c);
  return { when, countdown: c.due || isLate(c) ? left : i18n.t('tv.meetup.when.in', { countdown: left }) };
}
