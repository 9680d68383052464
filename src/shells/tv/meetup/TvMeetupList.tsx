// The project's meet-ups at 10-foot size: live first, then the soonest, then replays. Every state has its text and a
// focused control: loading and empty (Back), an error (Try again), the list (the first meet-up).
import { useLayoutEffect, useRef } from 'react';
import { countdownTo } from '../../../meetup/countdown';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { useNow, type MeetupListState } from '../../../react/useMeetup';
import { useFocusable } from '../../../tv/focus';
import { formatCountdown } from '../../desktop/meetup/format';
import { useTvShell } from '../TvShellContext';
import { TvBackButton } from './TvBackButton';

export const cardFocusId = (meetupId: string) => `meetup-card-${meetupId}`;

export function TvMeetupList({ list, onOpen, onRetry }: { list: MeetupListState; onOpen: (meetupId: string) => void; onRetry: () => void }) {
  const { t } = useI18n();
  const { focus } = useTvShell();
  const retry = useFocusable<HTMLButtonElement>('meetup-list-retry', { section: 'meetup-list', onSelect: onRetry });
  // Focus moves into the list once, when it first shows something to pick (Back into the list restores its card).
  const placed = useRef<string | null>(null);
  useLayoutEffect(() => {
    const first = list.kind === 'loaded' ? list.meetups[0] : undefined;
    const target = list.kind === 'error' ? 'meetup-list-retry' : first ? cardFocusId(first.id) : 'meetup-list-back';
    const current = focus.current();
    if (placed.current === target || (current !== null && current.startsWith('meetup-card-') && list.kind === 'loaded')) return;
    placed.current = target;
    focus.setFocus(target);
  }, [list, focus]);
  return (
    <section className="tv-meetup-list" data-state={list.kind}>
      <header className="tv-meetup__header">
        <TvBackButton id="meetup-list-back" section="meetup-list" />
        <h1 className="tv-meetup__title">{t('meetup.list.title')}</h1>
      </header>
      {list.kind === 'loading' && (
        <p className="tv-card tv-muted" role="status" aria-busy="true">
          {t('meetup.list.loading')}
        </p>
      )}
      {list.kind === 'error' && (
        <div className="tv-card" role="alert" data-testid="tv-meetup-list-error">
          <p>{t('meetup.list.error', { message: list.failure.message })}</p>
          <button type="button" className="tv-button tv-button--primary tv-focusable" {...retry.props}>
            {t('tv.retry')}
          </button>
        </div>
      )}
      {list.kind === 'loaded' && list.meetups.length === 0 && <p className="tv-card">{t('meetup.list.empty')}</p>}
      {list.kind === 'loaded' && list.meetups.length > 0 && (
        <ul className="tv-meetup-list__cards">
          {list.meetups.map((meetup) => (
            <MeetupCard key={meetup.id} meetup={meetup} onOpen={() => onOpen(meetup.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetupCard({ meetup, onOpen }: { meetup: Meetup; onOpen: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const now = useNow();
  const { props } = useFocusable<HTMLLIElement>(cardFocusId(meetup.id), { section: 'meetup-list', onSelect: onOpen });
  const start = Date.parse(meetup.scheduledStart);
  return (
    <li className={`tv-meetup-card tv-focusable tv-meetup-card--${meetup.state}`} data-meetup={meetup.id} {...props}>
      <span className={`tv-meetup-pill tv-meetup-pill--${meetup.state}`}>{t(`meetup.state.${meetup.state}`)}</span>
      <h2 className="tv-meetup-card__title">{i18n.pick(meetup.title)}</h2>
      <p>{t('meetup.with', { star: i18n.pick(meetup.star) })}</p>
      <p className="tv-muted">
        {meetup.state === 'scheduled'
          ? t('meetup.startsIn', { time: i18n.time(start), countdown: formatCountdown(i18n, countdownTo(start, now)) })
          : t('meetup.tierNeeded', { tier: t(`tier.${meetup.requiredTier}`) })}
      </p>
      <p className="tv-meetup-card__action">{meetup.state === 'live' ? t('meetup.joinLive') : meetup.state === 'ended' ? t('meetup.watchReplay') : t('meetup.open')}</p>
    </li>
  );
}
