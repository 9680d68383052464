// The meet-up's stage in 360°: its stream played as a one-location tour through the tour player, the media
// session and the 360 view the set tour uses, with the spotlighted question and the reaction burst on
// top. While live, a probe reports how far behind the live edge the picture is. Without WebGL the stage says so;
// the reactions and the question board beside it still work.
import { lazy, useCallback, useEffect, useMemo, useRef } from 'react';
import { DESKTOP_SPHERE } from '../../../panorama/panorama-view';
import type { Meetup, Question } from '../../../protocol/meetup';
import type { ReactionBurst } from '../../../meetup/reaction-burst';
import { stageTour } from '../../../meetup/stage-tour';
import { watchLivePosition } from '../../../meetup/live-position';
import type { TourPlayer } from '../../../tour/tour-player';
import type { Tour } from '../../../protocol/tour-schema';
import { useI18n } from '../../../react/AppContext';
import { Panorama360, usePanoramaView } from '../../../react/Panorama360';
import { useMeetupServices } from '../../../react/useMeetup';
import { usePlayerState, useTourPlayer } from '../../../react/useTourPlayer';
import { useAttentionSampler } from '../../../react/useAttention';
import { useLiveStageTime } from '../../../react/useLiveStageTime';
import { LazyAttentionNotice as AttentionNotice } from '../../shared/LazyAttentionNotice';
import { MediaOverlay } from '../MediaOverlay';
import { NoWebGlNotice } from '../NoWebGlNotice';
import { LazyPlayerControls as PlayerControls } from '../LazyPlayerControls';
import { ReactionCanvas } from '../../../react/ReactionCanvas';
import { letVerticalSwipesScroll } from './vertical-swipes-scroll';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import { loadWhenOnline } from '../../../app/load-when-online';

// A circle that took this member here shows its panel on the stage (loaded only then).
const CirclePanel = lazy(() => loadWhenOnline(() => import('../circle/CirclePanel')));

export function MeetupStage(props: { meetup: Meetup; spotlight: Question | null; onBurst: (burst: ReactionBurst | null) => void }) {
  const { meetup, spotlight, onBurst } = props;
  const { t } = useI18n();
  // A new tour (and player) only when the stream itself changes: live → replay, not on every room update.
  const { streamUrl, id } = meetup;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tour = useMemo(() => stageTour(meetup), [streamUrl, id]);
  return (
    <div className="meetup-stage">
      {tour ? (
        <StagePlayer tour={tour} live={meetup.state === 'live'} startedAt={meetup.startedAt} />
      ) : (
        <div className="view view--notice">
          <p className="card" role="status">
            {t('meetup.stage.waiting')}
          </p>
        </div>
      )}
      <ReactionCanvas onBurst={onBurst} />
      {spotlight && (
        <div className="meetup-spotlight" role="status" aria-live="polite" data-testid="meetup-spotlight">
          <span className="meetup-spotlight__label">{t('meetup.spotlight')}</span>
          <p className="meetup-spotlight__text">{spotlight.text}</p>
          {spotlight.askedBy && <p className="muted">{t('meetup.askedBy', { name: spotlight.askedBy })}</p>}
        </div>
      )}
    </div>
  );
}

function StagePlayer({ tour, live, startedAt }: { tour: Tour; live: boolean; startedAt: string | undefined }) {
  const player = useTourPlayer(tour);
  return player ? <StageView player={player} live={live} meetupId={tour.id} startedAt={startedAt} /> : null;
}

function StageView({ player, live, meetupId, startedAt }: { player: TourPlayer; live: boolean; meetupId: string; startedAt: string | undefined }) {
  const { t } = useI18n();
  const { client } = useMeetupServices();
  const { current } = usePlayerState(player);
  const view = usePanoramaView(player, DESKTOP_SPHERE);
  const viewRef = useRef<HTMLDivElement>(null);
  // Live, reports carry the picture's place in the show (useLiveStageTime), the replay its media time.
  const showTime = useLiveStageTime(current.session, live, startedAt);
  useAttentionSampler(player, { meetupId, live, mediaTime: showTime });
  useEffect(() => (viewRef.current ? view.look.bind(viewRef.current) : undefined), [view]);
  // On a phone a vertical swipe on the stage scrolls the page and leaves the view where it was.
  useEffect(() => (viewRef.current ? letVerticalSwipesScroll(viewRef.current) : undefined), []);
  const initial = current.location.initialView;
  const resetView = useCallback(() => view.look.reset(initial), [view, initial]);
  // Stable: the overlay retries by itself when the network is back, and must not lose its timers on a re-render.
  const retry = useCallback(() => player.retry(), [player]);
  useEffect(() => {
    if (!live) return undefined;
    const stop = watchLivePosition(current.session.video, (position) => client.reportLivePosition(position));
    return () => {
      stop();
      client.reportLivePosition(null);
    };
  }, [current.session, live, client]);
  return (
    <div className="view" ref={viewRef} role="application" aria-label={t('meetup.stage.label')} tabIndex={0}>
      <Panorama360 view={view} fallback={<NoWebGlNotice text={t('meetup.stage.noWebgl')} />} />
      <MediaOverlay onRetry={retry} poster={undefined} />
      <PlayerControls session={current.session} live={live} host={viewRef} front={initial.yaw} onResetView={resetView} />
      <AfterFirstFrame>
        <CirclePanel player={player} lookAt={(yaw, pitch) => view.look.lookAt(yaw, pitch)} meetupId={meetupId} />
      </AfterFirstFrame>
      {/* At the stage's top: its bottom edge belongs to the player controls and the reactions bar. */}
      <div className="view__notice-top">
        <AttentionNotice />
      </div>
    </div>
  );
}
