// A scheduled meet-up: the countdown to its start and the "add to my TV" reminder (a notification if allowed,
// else a banner in this page at start time, as long as the page stays open).
import type { Meetup } from '../../../protocol/meetup';
import { countdownTo } from '../../../meetup/countdown';
import { askNotificationPermission } from '../../../meetup/start-reminder';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices, useNow } from '../../../react/useMeetup';
import { formatCountdown } from './format';

export function MeetupCountdown({ meetup }: { meetup: Meetup }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { reminder } = useMeetupServices();
  const room = useMeetupRoom();
  const now = useNow();
  const start = Date.parse(meetup.scheduledStart);
  const armed = room.reminder?.meetupId === meetup.id ? room.reminder.state : null;
  const remind = () => {
    reminder.arm(meetup, { title: t('meetup.reminder.title'), body: i18n.pick(meetup.title) });
    // Asked from this tap (browsers require one); the banner shows at the start whatever the answer.
    void askNotificationPermission();
  };
  return (
    <div className="meetup-countdown card" data-testid="meetup-countdown">
      <p className="muted">{t('meetup.startsAt', { time: i18n.time(start) })}</p>
      <p className="meetup-countdown__clock" role="timer" aria-live="off">
        {formatCountdown(i18n, countdownTo(start, now))}
      </p>
      <p className="muted">{t('meetup.countdown.hint')}</p>
      {armed === 'due' ? (
        <p className="meetup-reminder" role="alert">
          {t('meetup.reminder.due', { title: i18n.pick(meetup.title) })}
        </p>
      ) : armed === 'armed' ? (
        <p className="muted" role="status">
          {t('meetup.reminder.armed')}
        </p>
      ) : (
        <button type="button" className="button button--small" onClick={remind}>
          {t('meetup.reminder.add')}
        </button>
      )}
    </div>
  );
}
