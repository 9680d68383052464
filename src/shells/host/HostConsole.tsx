// The console's two columns: the project's meet-ups (with the schedule form and start/end) and the room of the
// one selected (audience, reaction rate, the question queue), plus the milestone form.
import { useState } from 'react';
import type { Meetup } from '../../protocol/meetup';
import { useI18n, useServices } from '../../react/AppContext';
import { useMeetupList, useMeetupServices } from '../../react/useMeetup';
import type { ApiFailure } from '../../meetup/meetup-api';
import { AttentionPanel } from './AttentionPanel';
import { HostRoom } from './HostRoom';
import { MilestoneForm } from './MilestoneForm';
import { startTimeText } from '../shared/start-time';
import { ScheduleForm } from './ScheduleForm';

export function HostConsole({ token, onTokenRefused }: { token: string; onTokenRefused: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { projectId } = useServices();
  const { api } = useMeetupServices();
  const [list, reload] = useMeetupList(projectId, token);
  const [selected, setSelected] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const run = async (action: () => ReturnType<typeof api.start>) => {
    const result = await action();
    if (!result.ok) {
      if (result.failure.status === 401 || result.failure.status === 403) return onTokenRefused();
      return setFailure(result.failure);
    }
    setFailure(null);
    reload();
  };

  return (
    <div className="host__columns">
      <section className="host__column" aria-labelledby="host-meetups">
        <h2 id="host-meetups">{t('host.meetups', { projectId })}</h2>
        {failure && (
          <p className="questions__error" role="alert">
            {t('host.actionFailed', { message: failure.message })}
          </p>
        )}
        {list.kind === 'loading' && <p className="muted" role="status">{t('meetup.list.loading')}</p>}
        {list.kind === 'error' && (
          <div role="alert">
            <p>{t('meetup.list.error', { message: list.failure.message })}</p>
            <button type="button" className="button button--small" onClick={reload}>
              {t('meetup.retry')}
            </button>
          </div>
        )}
        {list.kind === 'loaded' && list.meetups.length === 0 && <p className="muted">{t('meetup.list.empty')}</p>}
        {list.kind === 'loaded' && (
          <ul className="host__meetups">
            {list.meetups.map((m) => (
              <HostMeetupRow
                key={m.id}
                meetup={m}
                selected={m.id === selected}
                onSelect={() => setSelected(m.id)}
                onStart={() => void run(() => api.start(m.id, token))}
                onEnd={() => void run(() => api.end(m.id, token))}
              />
            ))}
          </ul>
        )}
        <ScheduleForm token={token} onScheduled={reload} onTokenRefused={onTokenRefused} />
        <MilestoneForm token={token} />
      </section>
      <section className="host__column" aria-label={t('host.room')}>
        {selected ? <HostRoom key={selected} meetupId={selected} /> : <p className="muted">{t('host.pick')}</p>}
        <AttentionPanel token={token} />
      </section>
    </div>
  );
}

function HostMeetupRow(props: { meetup: Meetup; selected: boolean; onSelect: () => void; onStart: () => void; onEnd: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { meetup } = props;
  return (
    <li className="host__meetup" data-meetup={meetup.id} aria-current={props.selected ? 'true' : undefined}>
      <span className={`meetup-state meetup-state--${meetup.state}`}>{t(`meetup.state.${meetup.state}`)}</span>
      <strong>{i18n.pick(meetup.title)}</strong>
      <span className="muted">
        {startTimeText(i18n.language, Date.parse(meetup.scheduledStart))} · {t(`tier.${meetup.requiredTier}`)}
      </span>
      <div className="question__actions">
        <button type="button" className="button button--small" onClick={props.onSelect}>
          {t('host.manage')}
        </button>
        {meetup.state === 'scheduled' && (
          <button type="button" className="button button--small" onClick={props.onStart}>
            {t('host.start')}
          </button>
        )}
        {meetup.state === 'live' && (
          <button type="button" className="button button--small button--quiet" onClick={props.onEnd}>
            {t('host.end')}
          </button>
        )}
      </div>
    </li>
  );
}
