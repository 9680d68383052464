// The project's meet-ups at 10-foot size: live first, then the soonest, then replays. Every state has its text and a
// focused control: loading and empty (Back), an error (Try again), the list (the first meet-up).
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { meetupListView, useNow, type MeetupListState } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { meetupCardText } from '../../../meetup/meetup-text';
import { useTvShell } from '../TvShellContext';
import { TvBackButton } from './TvBackButton';

export const cardFocusId = (meetupId: string) => `meetup-card-${meetupId}`;

export function TvMeetupList({ list, onOpen, onRetry }: { list: MeetupListState; onOpen: (meetupId: string) => void; onRetry: () => void }) {
  const { t } = useI18n();
  const { focus } = useTvShell();
  const retry = useFocusable<HTMLButtonElement>('meetup-list-retry', { section: 'meetup-list', onSelect: onRetry });
  const view = useMemo(() => meetupListView(list), [list]);
  // Focus moves into the list once, when it first shows something to pick (Back into the list restores its card).
  const placed = useRef<string | null>(null);
  useLayoutEffect(() => {
    const target = view.kind === 'error' ? 'meetup-list-retry' : view.kind === 'meetups' ? cardFocusId(view.meetups[0]!.id) : 'meetup-list-back';
    const current = focus.current();
    if (placed.current === target || (current !== null && current.startsWith('meetup-card-') && list.kind === 'loaded')) return;
    placed.current = target;
    focus.setFocus(target);
  }, [view, list.kind, focus]);
  return (
    <section className="tv-meetup-list" data-state={list.kind}>
      <header className="tv-meetup__header">
        <TvBackButton id="meetup-list-back" section="meetup-list" />
        <h1 className="tv-meetup__title">{t('meetup.list.title')}</h1>
      </header>
      {view.kind === 'loading' && (
        <p className="tv-card tv-muted" role="status" aria-busy="true">
          {t('meetup.list.loading')}
        </p>
      )}
      {view.kind === 'error' && (
        <div className="tv-card" role="alert" data-testid="tv-meetup-list-error">
          <p>{t('meetup.list.error', { message: view.message })}</p>
          <button type="button" className="tv-button tv-button--primary tv-focusable" {...retry.props}>
            {t('tv.retry')}
          </button>
        </div>
      )}
      {view.kind === 'empty' && <p className="tv-card">{t('meetup.list.empty')}</p>}
      {view.kind === 'meetups' && (
        <ul className="tv-meetup-list__cards">
          {view.meetups.map((meetup) => (
            <MeetupCard key={meetup.id} meetup={meetup} onOpen={() => onOpen(meetup.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetupCard({ meetup, onOpen }: { meetup: Meetup; onOpen: () => void }) {
  const i18n = useI18n();
  const now = useNow();
  const text = meetupCardText(i18n, meetup, now);
  const { props } = useFocusable<HTMLLIElement>(cardFocusId(meetup.id), { section: 'meetup-list', onSelect: onOpen });
  return (
    <li className={`tv-meetup-card tv-focusable tv-meetup-card--${meetup.state}`} data-meetup={meetup.id} {...props}>
      <span className={`tv-meetup-pill tv-meetup-pill--${meetup.state}`}>{text.state}</span>
      <h2 className="tv-meetup-card__title">{text.title}</h2>
      <p>{text.star}</p>
      <p className="tv-muted">{text.detail}</p>
      <p className="tv-meetup-card__action">{text.action}</p>
    </li>
  );
}
