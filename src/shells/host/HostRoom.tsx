// The room of the meet-up being run: joined as host (the server gives the operator that role, never the client),
// its audience, reaction rate and open questions, and the question queue with spotlight/answered/dismiss.
import { useEffect } from 'react';
import { useI18n } from '../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../react/useMeetup';
import { QuestionBoard } from '../shared/QuestionBoard';
import { AttentionRadar } from './AttentionRadar';
import { readOperatorToken } from './operator-token';

export function HostRoom({ meetupId }: { meetupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { client } = useMeetupServices();
  const room = useMeetupRoom();
  useEffect(() => {
    client.join(meetupId);
    return () => client.leave();
  }, [client, meetupId]);

  if (room.phase === 'refused' && room.refusal) {
    return (
      <div className="card" role="alert">
        <p>{t('host.refused', { message: room.refusal.message })}</p>
        <button type="button" className="button button--small" onClick={() => client.retryWithNewToken()}>
          {t('meetup.retry')}
        </button>
      </div>
    );
  }
  if (!room.meetup) return <p className="muted" role="status">{room.phase === 'reconnecting' ? t('meetup.reconnecting') : t('meetup.joining')}</p>;
  if (room.role !== 'host') return <p role="alert">{t('host.notHost')}</p>;
  const stats = room.hostStats;
  return (
    <div className="host__room" data-testid="host-room" data-state={room.meetup.state}>
      <h2>{i18n.pick(room.meetup.title)}</h2>
      {room.phase === 'reconnecting' && <p className="pill meetup__reconnecting" role="status">{t('meetup.reconnecting')}</p>}
      <dl className="meetup__facts">
        <div>
          <dt>{t('meetup.audience')}</dt>
          <dd data-testid="host-audience">{i18n.number(stats?.audience ?? room.audience)}</dd>
        </div>
        <div>
          <dt>{t('host.reactionRate')}</dt>
          <dd data-testid="host-reaction-rate">{t('host.perSecond', { rate: (stats?.reactionsPerSecond ?? 0).toFixed(1) })}</dd>
        </div>
        <div>
          <dt>{t('host.openQuestions')}</dt>
          <dd>{i18n.number(stats?.openQuestions ?? room.questions.length)}</dd>
        </div>
      </dl>
      <div className="host__room-live">
        <QuestionBoard canAsk={room.meetup.state !== 'ended'} moderate />
        {room.meetup.state === 'live' && <AttentionRadar token={readOperatorToken() ?? ''} locationId={`meetup:${meetupId}`} />}
      </div>
    </div>
  );
}
