// The meet-ups section of the desktop and phone shell: the project's meet-ups, and the one opened (countdown,
// live stage with reactions and questions, or replay). Loaded only when the section opens.
import { useState } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n, useServices } from '../../../react/AppContext';
import { MeetupProvider, useMeetupList, useNow } from '../../../react/useMeetup';
import { countdownTo } from '../../../meetup/countdown';
import { formatCountdown } from './format';
import { MeetupRoomView } from './MeetupRoomView';
import './meetup.css';

// The backer's code as the sign-in form stored it (Web Storage, never the URL), read at every connect.
const backerTokens = createBackerTokenStore(browserStorage());
const readBackerToken = () => backerTokens.get();

export default function MeetupsView({ initialMeetupId }: { initialMeetupId?: string }) {
  return (
    <MeetupProvider token={readBackerToken}>
      <MeetupsSection initialMeetupId={initialMeetupId} />
    </MeetupProvider>
  );
}

function MeetupsSection({ initialMeetupId }: { initialMeetupId: string | undefined }) {
  const [openId, setOpenId] = useState(initialMeetupId);
  if (openId) return <MeetupRoomView key={openId} meetupId={openId} onBack={() => setOpenId(undefined)} />;
  return <MeetupList onOpen={setOpenId} />;
}

function MeetupList({ onOpen }: { onOpen: (id: string) => void }) {
  const { projectId } = useServices();
  const { t } = useI18n();
  const [list, reload] = useMeetupList(projectId);
  return (
    <section className="meetups" aria-labelledby="meetups-title">
      <h1 id="meetups-title" className="meetups__title">
        {t('meetup.list.title')}
      </h1>
      {list.kind === 'loading' && (
        <p className="muted" role="status">
          {t('meetup.list.loading')}
        </p>
      )}
      {list.kind === 'error' && (
        <div className="card" role="alert">
          <p>{t('meetup.list.error', { message: list.failure.message })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('meetup.retry')}
          </button>
        </div>
      )}
      {list.kind === 'loaded' && list.meetups.length === 0 && <p className="muted">{t('meetup.list.empty')}</p>}
      {list.kind === 'loaded' && list.meetups.length > 0 && (
        <ul className="meetups__list">
          {list.meetups.map((m) => (
            <MeetupCard key={m.id} meetup={m} onOpen={() => onOpen(m.id)} />
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
  const start = Date.parse(meetup.scheduledStart);
  return (
    <li className={`meetup-card meetup-card--${meetup.state}`} data-meetup={meetup.id}>
      <span className={`meetup-state meetup-state--${meetup.state}`}>{t(`meetup.state.${meetup.state}`)}</span>
      <h2 className="meetup-card__title">{i18n.pick(meetup.title)}</h2>
      <p>{t('meetup.with', { star: i18n.pick(meetup.star) })}</p>
      <p className="muted">
        {meetup.state === 'scheduled'
          ? t('meetup.startsIn', { time: i18n.time(start), countdown: formatCountdown(i18n, countdownTo(start, now)) })
          : t('meetup.tierNeeded', { tier: t(`tier.${meetup.requiredTier}`) })}
      </p>
      <button type="button" className="button button--small" onClick={onOpen}>
        {meetup.state === 'live' ? t('meetup.joinLive') : meetup.state === 'ended' ? t('meetup.watchReplay') : t('meetup.open')}
      </button>
    </li>
  );
}
