// The project's meet-ups at 10-foot size: live first, then the soonest, then replays. The first fills the width (what
// is on next, read from the sofa); the others follow in a row that scrolls sideways with the D-pad. Every card says
// its state, the backers it is for and when it is. Every state has its text and a focused control: loading and
// empty (Back), an error (Try again), the list (the first meet-up).
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { meetupListView, useNow, type MeetupListState } from '../../../react/useMeetup';
import { useFocusable } from '../useFocusable';
import { meetupCardText } from '../../../meetup/meetup-text';
import { meetupWhen } from './meetup-when';
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
      {view.kind === 'empty' && (
        <div className="tv-meetup-list__empty" role="status" data-testid="tv-meetup-list-empty">
          <h2 className="tv-meetup-list__empty-title">{t('tv.meetup.list.empty.title')}</h2>
          <p>{t('meetup.list.empty')}</p>
          <p className="tv-muted">{t('tv.meetup.list.empty.hint')}</p>
        </div>
      )}
      {view.kind === 'meetups' && (
        <>
          {/* No row below when it is the only one: then it takes more of the screen, and what a meet-up is follows. */}
          <MeetupCard meetup={view.meetups[0]!} onOpen={() => onOpen(view.meetups[0]!.id)} featured={view.meetups.length > 1 ? 'above-row' : 'alone'} />
          {view.meetups.length > 1 ? (
            <ul className="tv-meetup-list__cards">
              {view.meetups.slice(1).map((meetup) => (
                <MeetupCard key={meetup.id} meetup={meetup} onOpen={() => onOpen(meetup.id)} />
              ))}
            </ul>
          ) : (
            <p className="tv-meetup-list__about tv-muted">{t('tv.meetup.list.about')}</p>
          )}
        </>
      )}
    </section>
  );
}

function MeetupCard({ meetup, onOpen, featured }: { meetup: Meetup; onOpen: () => void; featured?: 'above-row' | 'alone' }) {
  const i18n = useI18n();
  const now = useNow();
  const text = meetupCardText(i18n, meetup, now);
  const when = meetupWhen(i18n, meetup, now);
  const { props } = useFocusable<HTMLElement>(cardFocusId(meetup.id), { section: 'meetup-list', onSelect: onOpen });
  const Item = featured ? 'div' : 'li';
  return (
    <Item className={`tv-meetup-card tv-focusable tv-meetup-card--${meetup.state}${featured ? ` tv-meetup-card--featured tv-meetup-card--${featured}` : ''}`} data-meetup={meetup.id} {...props}>
      <div className="tv-meetup-card__main">
        <p className="tv-meetup-card__tags">
          <span className={`tv-meetup-pill tv-meetup-pill--${meetup.state}`}>{text.state}</span>
          <span className="tv-meetup-pill tv-meetup-pill--tier" data-tier={meetup.requiredTier}>
            {i18n.t('meetup.tierNeeded', { tier: i18n.t(`tier.${meetup.requiredTier}`) })}
          </span>
        </p>
        <h2 className="tv-meetup-card__title">{text.title}</h2>
        <p>{text.star}</p>
      </div>
      <div className="tv-meetup-card__when" data-testid="tv-meetup-when">
        <p className="tv-meetup-card__time">{when.when}</p>
        {when.countdown && <p className="tv-meetup-card__countdown">{when.countdown}</p>}
        <p className="tv-meetup-card__action">{text.action}</p>
      </div>
    </Item>
  );
}
