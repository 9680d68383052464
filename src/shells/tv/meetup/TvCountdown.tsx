// A scheduled meet-up on the TV: the countdown at 10-foot size and "Add to my TV": a reminder banner at the start
// time while this screen stays open (a TV rarely allows system notifications). The stage replaces the countdown by
// itself when the host starts: the room's state arrives over the socket.
import type { Meetup } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { useMeetupReminder } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { isLate } from '../../../meetup/countdown';
import { formatCountdown } from '../../../meetup/meetup-text';

export function TvCountdown({ meetup }: { meetup: Meetup }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { start, countdown, armed, arm } = useMeetupReminder(meetup);
  const remind = useFocusable<HTMLButtonElement>('meetup-remind', { section: 'meetup-countdown', onSelect: arm });
  return (
    <div className="tv-countdown" data-testid="tv-meetup-countdown">
      <p className="tv-muted">{t('meetup.startsAt', { time: i18n.time(start) })}</p>
      <p className={`tv-countdown__clock${isLate(countdown) ? ' tv-countdown__clock--late' : ''}`} role="timer" aria-live="off">
        {formatCountdown(i18n, countdown)}
      </p>
      <p className="tv-muted">{t('meetup.countdown.hint')}</p>
      {armed === 'due' && (
        <p className="tv-countdown__due" role="alert">
          {t('meetup.reminder.due', { title: i18n.pick(meetup.title) })}
        </p>
      )}
      {armed === 'armed' && (
        <p className="tv-muted" role="status">
          {t('meetup.reminder.armed')}
        </p>
      )}
      {/* Focusable in every state: the countdown's one control keeps the focus (never on nothing). */}
      <button type="button" className="tv-button tv-button--primary tv-focusable" aria-disabled={armed !== null} {...remind.props}>
        {armed ? '✓ ' : ''}
        {t('meetup.reminder.add')}
      </button>
    </div>
  );
}
