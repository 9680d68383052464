// The meet-ups section of the desktop and phone shell: the project's meet-ups, and the one opened (countdown,
// live stage with reactions and questions, or replay). Loaded only when the section opens.
import { useState } from 'react';
import { browserStorage, createBackerTokenStore } from '../../../feed/backer-token-store';
import type { Meetup } from '../../../protocol/meetup';
import { useI18n, useServices } from '../../../react/AppContext';
import { MeetupProvider, meetupListView, useMeetupList, useNow } from '../../../react/useMeetup';
import { meetupCardText } from '../../../meetup/meetup-text';
import { MeetupRoomView } from './MeetupRoomView';
import '../../shared/meetup.css';

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
  const view = meetupListView(list);
  return (
    <section className="meetups" aria-labelledby="meetups-title">
      <h1 id="meetups-title" className="meetups__title">
        {t('meetup.list.title')}
      </h1>
      {view.kind === 'loading' && (
        <p className="muted" role="status">
          {t('meetup.list.loading')}
        </p>
      )}
      {view.kind === 'error' && (
        <div className="card" role="alert">
          <p>{t('meetup.list.error', { message: view.message })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('meetup.retry')}
          </button>
        </div>
      )}
      {view.kind === 'empty' && <p className="muted">{t('meetup.list.empty')}</p>}
      {view.kind === 'meetups' && (
        <ul className="meetups__list">
          {view.meetups.map((m) => (
            <MeetupCard key={m.id} meetup={m} onOpen={() => onOpen(m.id)} />
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
  return (
    <li className={`meetup-card meetup-card--${meetup.state}`} data-meetup={meetup.id}>
      <span className={`meetup-state meetup-state--${meetup.state}`}>{text.state}</span>
      <h2 className="meetup-card__title">{text.title}</h2>
      <p>{text.star}</p>
      <p className="muted">{text.detail}</p>
      <button type="button" className="button button--small" onClick={onOpen}>
        {text.action}
      </button>
    </li>
  );
}
