// One meet-up's room on the TV: joins on mount (the server decides who enters) and leaves on unmount. Every state:
// joining, refused (the tier that would open the door, or the backer-code keypad), reconnecting, and the meet-up —
// countdown while scheduled, the live stage with reactions and questions, the replay once ended.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ReactionBurst } from '../../../meetup/reaction-burst';
import type { ReactionKind } from '../../../protocol/meetup';
import { useI18n } from '../../../react/AppContext';
import { useMeetupRoom, useMeetupServices } from '../../../react/useMeetup';
import { reactionOfKey } from '../../../tv/meetup';
import { formatLatency } from '../../../meetup/meetup-text';
import { liveAudience } from '../../../meetup/meetup-room';
import { showOwnReaction } from '../../../react/ReactionCanvas';
import { useRemoteKeys, useTvShell } from '../TvShellContext';
import { usePairedPhoneQuestions } from '../pairing/usePairedPhoneQuestions';
import { TvBackButton } from './TvBackButton';
import { TvCountdown } from './TvCountdown';
import { TvMeetupStage } from './TvMeetupStage';
import { TvQuestionBoard } from './TvQuestionBoard';
import { TvReactionsBar } from './TvReactionsBar';
import { TvRefusal } from './TvRefusal';

export const ROOM_SECTION = 'meetup-room';

export function TvMeetupRoom({ meetupId }: { meetupId: string }) {
  const { client } = useMeetupServices();
  const i18n = useI18n();
  const { t } = i18n;
  const { focus } = useTvShell();
  const room = useMeetupRoom();
  const burst = useRef<ReactionBurst | null>(null);
  const onBurst = useCallback((created: ReactionBurst | null) => {
    burst.current = created;
  }, []);
  const [looking, setLooking] = useState(false);

  useLayoutEffect(() => {
    client.join(meetupId);
    return () => client.leave();
  }, [client, meetupId]);
  // A paired phone's questions are asked here, as this TV's viewer.
  usePairedPhoneQuestions(client);

  const state = room.meetup?.state ?? null;
  const live = room.phase === 'joined' && state === 'live';
  // Where the family starts in each state: the reactions while live, the reminder while scheduled, the stage after.
  // Placed once per state, not again after a reconnect: the family keeps its place.
  const placed = useRef<string | null>(null);
  const refused = room.phase === 'refused';
  useLayoutEffect(() => {
    if (refused) {
      placed.current = null;
      return;
    }
    const target = state === null ? 'meetup-back' : state === 'live' ? 'meetup-react-heart' : state === 'scheduled' ? 'meetup-remind' : 'meetup-stage';
    if (placed.current === target) return;
    placed.current = target;
    if (!focus.setFocus(target)) focus.setFocus('meetup-back');
  }, [refused, state, focus]);

  const react = useCallback(
    (kind: ReactionKind) => {
      if (client.react(kind)) showOwnReaction(burst.current, kind);
    },
    [client],
  );
  // Colour keys (and 1–5) react from anywhere in the room, whatever has the focus; only while live.
  useRemoteKeys(({ action, phase, repeat }) => {
    const kind = reactionOfKey(action);
    if (!kind) return false;
    if (phase === 'down' && !repeat && live) react(kind);
    return true;
  });

  if (room.phase === 'refused' && room.refusal) return <TvRefusal refusal={room.refusal} />;
  const meetup = room.meetup;
  const audience = liveAudience(room);
  if (!meetup) {
    return (
      <section className="tv-meetup-room" data-phase={room.phase}>
        <header className="tv-meetup__header">
          <TvBackButton id="meetup-back" section={ROOM_SECTION} />
        </header>
        <p className="tv-card" role="status" aria-busy="true">
          {room.phase === 'reconnecting' ? t('meetup.reconnecting') : t('meetup.joining')}
        </p>
      </section>
    );
  }
  return (
    <section className="tv-meetup-room" data-phase={room.phase} data-state={meetup.state} data-testid="tv-meetup-room">
      <header className="tv-meetup__header">
        <TvBackButton id="meetup-back" section={ROOM_SECTION} />
        <span className={`tv-meetup-pill tv-meetup-pill--${meetup.state}`}>{t(`meetup.state.${meetup.state}`)}</span>
        <div className="tv-meetup__heading">
          <h1 className="tv-meetup__title">{i18n.pick(meetup.title)}</h1>
          <p className="tv-muted">{t('meetup.with', { star: i18n.pick(meetup.star) })}</p>
        </div>
        <dl className="tv-meetup__facts">
          {audience !== null && (
            <div>
              <dd data-testid="tv-meetup-audience">{i18n.number(audience)}</dd>
              <dt>{t('meetup.audience')}</dt>
            </div>
          )}
          {meetup.state === 'live' && (
            <div>
              <dd data-testid="tv-meetup-latency">{room.live ? formatLatency(i18n, room.live.latencySeconds) : '…'}</dd>
              <dt>{t('meetup.latencyLabel')}</dt>
            </div>
          )}
        </dl>
      </header>
      {room.phase === 'reconnecting' && (
        <p className="tv-meetup__reconnecting" role="status">
          {t('meetup.reconnecting')}
        </p>
      )}
      <div className="tv-meetup-room__body">
        <div className="tv-meetup-room__main">
          {meetup.state === 'scheduled' ? (
            <TvCountdown meetup={meetup} />
          ) : (
            <TvMeetupStage meetup={meetup} spotlight={room.spotlight} onBurst={onBurst} looking={looking} onLook={setLooking} />
          )}
          {meetup.state === 'live' && <TvReactionsBar onReact={react} />}
          {meetup.state === 'ended' && (
            <p className="tv-meetup__replay" data-testid="tv-meetup-replay">
              {i18n.plural('tv.meetup.replay', Object.values(room.totals).reduce((sum, n) => sum + (n ?? 0), 0))}
            </p>
          )}
        </div>
        <TvQuestionBoard canAsk={meetup.state !== 'ended'} />
      </div>
    </section>
  );
}
