// One meet-up, opened: joins its room on mount (the server decides entry) and leaves on unmount. Shows every
// state: joining, refused (with the reason and the tier that would let the backer in), reconnecting, and the
// meet-up itself — countdown while scheduled, the live stage, or the replay once ended.
import { useCallback, useEffect, useRef } from 'react';
import type { ReactionBurst } from '../../../meetup/reaction-burst';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../../react/useMeetup';
import { MeetupCountdown } from './MeetupCountdown';
import { MeetupStage } from './MeetupStage';
import { QuestionBoard } from '../../shared/QuestionBoard';
import { ReactionsBar } from './ReactionsBar';
import { RefusalCard } from './RefusalCard';
import { ReplayTimeline } from './ReplayTimeline';
import { formatLatency } from '../../../meetup/meetup-text';
import { liveAudience } from '../../../meetup/meetup-room';

export function MeetupRoomView({ meetupId, onBack }: { meetupId: string; onBack: () => void }) {
  const { client } = useMeetupServices();
  const i18n = useI18n();
  const { t } = i18n;
  const room = useMeetupRoom();
  const burst = useRef<ReactionBurst | null>(null);
  const onBurst = useCallback((created: ReactionBurst | null) => {
    burst.current = created;
  }, []);

  useEffect(() => {
    client.join(meetupId);
    return () => client.leave();
  }, [client, meetupId]);

  const back = (
    <button type="button" className="button button--small meetup__back" onClick={onBack}>
      {t('meetup.back')}
    </button>
  );
  if (room.phase === 'refused' && room.refusal) {
    return (
      <section className="meetup" data-phase="refused">
        {back}
        <RefusalCard refusal={room.refusal} onRetry={() => client.retryWithNewToken()} />
      </section>
    );
  }
  const meetup = room.meetup;
  const audience = liveAudience(room);
  if (!meetup) {
    return (
      <section className="meetup" data-phase={room.phase} aria-busy="true">
        {back}
        <p className="card" role="status">
          {room.phase === 'reconnecting' ? t('meetup.reconnecting') : t('meetup.joining')}
        </p>
      </section>
    );
  }
  return (
    <section className="meetup" data-phase={room.phase} data-state={meetup.state} aria-labelledby="meetup-title">
      <header className="meetup__header">
        {back}
        <div className="meetup__heading">
          <span className={`meetup-state meetup-state--${meetup.state}`}>{t(`meetup.state.${meetup.state}`)}</span>
          <h1 id="meetup-title">{i18n.pick(meetup.title)}</h1>
          <p className="muted">{t('meetup.with', { star: i18n.pick(meetup.star) })}</p>
        </div>
        <dl className="meetup__facts">
          {/* Audience and latency are live-only: a replay has no audience, a scheduled meet-up none yet. */}
          {audience !== null && (
            <div>
              <dt>{t('meetup.audience')}</dt>
              <dd data-testid="meetup-audience">{i18n.number(audience)}</dd>
            </div>
          )}
          {meetup.state === 'live' && (
            <div>
              <dt>{t('meetup.latencyLabel')}</dt>
              <dd data-testid="meetup-latency">{room.live ? formatLatency(i18n, room.live.latencySeconds) : '…'}</dd>
            </div>
          )}
        </dl>
        {room.phase === 'reconnecting' && (
          <p className="pill meetup__reconnecting" role="status">
            {t('meetup.reconnecting')}
          </p>
        )}
      </header>
      {meetup.state === 'scheduled' && <MeetupCountdown meetup={meetup} />}
      {meetup.state !== 'scheduled' && <MeetupStage meetup={meetup} spotlight={room.spotlight} onBurst={onBurst} />}
      {meetup.state === 'live' && <ReactionsBar burst={burst} />}
      {meetup.state === 'ended' && <ReplayTimeline meetupId={meetup.id} />}
      <QuestionBoard canAsk={meetup.state !== 'ended'} />
    </section>
  );
}
