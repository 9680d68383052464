// A scheduled meet-up: the countdown to its start and the "add to my TV" reminder (a notification if allowed,
// else a banner in this page at start time, as long as the page stays open).
import type { Meetup } from '../../../protocol/meetup';
import { askNotificationPermission } from '../../../meetup/start-reminder';
import { useI18n } from '../../../react/AppContext';
import { useMeetupReminder } from '../../../react/useMeetup';
import { isLate } from '../../../meetup/countdown';
import { formatCountdown } from '../../../meetup/meetup-text';
import { startTimeText } from '../../shared/start-time';

export function MeetupCountdown({ meetup }: { meetup: Meetup }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { start, countdown, armed, arm } = useMeetupReminder(meetup);
  const remind = () => {
    arm();
    // Asked from this tap (browsers require one); the banner shows at the start whatever the answer.
    void askNotificationPermission();
  };
  return (
    <div className="meetup-countdown card" data-testid="meetup-countdown">
      <p className="muted">{t('meetup.startsAt', { time: startTimeText(i18n.language, start) })}</p>
      <p className={`meetup-countdown__clock${isLate(countdown) ? ' meetup-countdown__clock--late' : ''}`} role="timer" aria-live="off">
        {formatCountdown(i18n, countdown)}
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
