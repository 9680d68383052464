// The meet-up's stage on a TV: its stream as a one-location tour through the TV's tour player and media settings,
// shown by the watch screen's own views (the WebGL sphere at DPR 1 with its pixel check, or the flat-pan view where
// video in WebGL comes out black), the media states, the reaction burst and the spotlighted question on top.
// The stage is focusable: OK on it lets held arrows look around, OK or Back ends that. While live, a probe reports
// how far behind the live edge the picture is; in the replay the media keys play, pause and seek. Where the family
// looks is sampled for the production and the host's live radar, as on the watch screen (the same sampler), with
// the notice and its switch as the stage's last row.
import { lazy, useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { loadWhenOnline } from '../../../app/load-when-online';
import { browserStorage } from '../../../feed/backer-token-store';
import { consoleLogger } from '../../../feed/logger';
import { addMessages } from '../../../i18n/translator';
import { TV_WATCH_MESSAGES } from '../../../i18n/tv-watch';
import type { MediaSession } from '../../../media/media-session';
import { watchLivePosition } from '../../../meetup/live-position';
import type { ReactionBurst } from '../../../meetup/reaction-burst';
import { stageTour } from '../../../meetup/stage-tour';
import { TV_SPHERE } from '../../../panorama/panorama-view';
import type { Meetup, Question } from '../../../protocol/meetup';
import { useI18n, useMedia, useServices } from '../../../react/AppContext';
import { AfterFirstFrame } from '../../../react/AfterFirstFrame';
import { useAttentionSampler } from '../../../react/useAttention';
import { useLiveStageTime } from '../../../react/useLiveStageTime';
import { useMeetupServices } from '../../../react/useMeetup';
import { usePanoramaView } from '../../../react/Panorama360';
import { usePlayerState } from '../../../react/useTourPlayer';
import type { TourPlayer } from '../../../tour/tour-player';
import type { Tour } from '../../../protocol/tour-schema';
import { chooseTv360View, FLAT_PAN_MODE, rememberFlatPan, webglAvailable, type FlatPanReason, type Tv360Choice } from '../../../tv/flat-pan';
import { useFocusable } from '../useFocusable';
import { ReactionCanvas } from '../../../react/ReactionCanvas';
import { useRemoteKeys, useTvShell } from '../TvShellContext';
import { lookKeyOf, mediaCommandOf, runMediaCommand } from '../watch/remote-commands';
import { usePaused } from '../watch/usePaused';
import { useTvTourPlayer } from '../watch/useTvTourPlayer';
import { WatchMediaStatus } from '../watch/WatchMediaStatus';
import { TvPanorama } from '../watch/TvPanorama';
import { tvCircleHost } from '../circle/tv-circle-host';

// The stage's player controls speak the watch screen's words, which come with this chunk too.
addMessages(TV_WATCH_MESSAGES);

// The notice and its switch come after the first frame, in their own chunk (with the attention strings).
// A circle that brought the TV here follows on the stage (its chunk loads only then, after the stage's first frame).
const TvStageCircle = lazy(() => loadWhenOnline(() => import('../circle/TvStageCircle')));

const TvStageAttention = lazy(() => loadWhenOnline(() => import('./TvStageAttention')).then((m) => ({ default: m.TvStageAttention })));

export interface TvMeetupStageProps {
  meetup: Meetup;
  spotlight: Question | null;
  onBurst: (burst: ReactionBurst | null) => void;
  looking: boolean;
  onLook: (looking: boolean) => void;
}

export function TvMeetupStage(props: TvMeetupStageProps) {
  const { t } = useI18n();
  const { meetup } = props;
  // A new tour (and player) only when the stream itself changes (live → replay), not on every room update.
  const { streamUrl, id } = meetup;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const tour = useMemo(() => stageTour(meetup), [streamUrl, id]);
  if (tour) return <StagePlayer tour={tour} {...props} />;
  return (
    <StageBox {...props}>
      <p className="tv-card" role="status">
        {t('meetup.stage.waiting')}
      </p>
    </StageBox>
  );
}

/** The stage's frame: the view, the reaction burst and the spotlighted question over it. */
function StageBox({ spotlight, onBurst, looking, children }: TvMeetupStageProps & { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="tv-meetup-stage" data-testid="tv-meetup-stage" data-looking={looking}>
      {children}
      <ReactionCanvas onBurst={onBurst} />
      {spotlight && (
        <div className="tv-meetup-spotlight" role="status" aria-live="polite" data-testid="tv-meetup-spotlight">
          <span className="tv-meetup-spotlight__label">{t('meetup.spotlight')}</span>
          <p className="tv-meetup-spotlight__text">{spotlight.text}</p>
          {spotlight.askedBy && <p className="tv-muted">{t('meetup.askedBy', { name: spotlight.askedBy })}</p>}
        </div>
      )}
    </div>
  );
}

function StagePlayer(props: TvMeetupStageProps & { tour: Tour }) {
  const player = useTvTourPlayer(props.tour);
  const live = props.meetup.state === 'live';
  const circleMeetup = useSyncExternalStore(tvCircleHost.subscribe, tvCircleHost.meetup);
  return (
    <>
      <StageBox {...props}>
        {player && <StageView player={player} meetup={props.meetup} looking={props.looking} onLook={props.onLook} />}
        {/* Over the stage's top left, as the watch screen's circle badge. */}
        {player && circleMeetup === props.meetup.id && (
          <AfterFirstFrame>
            <TvStageCircle player={player} meetupId={props.meetup.id} />
          </AfterFirstFrame>
        )}
      </StageBox>
      {/* Below the stage, not over it: the D-pad reaches a row under the stage, never a control inside it. */}
      {!live && player && <ReplayControls session={player.state.current.session} />}
      {player && (
        <AfterFirstFrame>
          <TvStageAttention />
        </AfterFirstFrame>
      )}
    </>
  );
}

function StageView({ player, meetup, looking, onLook }: { player: TourPlayer; meetup: Meetup; looking: boolean; onLook: (looking: boolean) => void }) {
  const { t } = useI18n();
  const live = meetup.state === 'live';
  const { client } = useMeetupServices();
  const shell = useTvShell();
  const media = useMedia();
  const { location, session } = usePlayerState(player).current;
  const { launch } = useServices();
  const [choice, setChoice] = useState<Tv360Choice>(() => chooseTv360View({ asked: launch.tv360, storage: browserStorage(), webgl: webglAvailable() }));
  const flat = choice.view === 'flat';
  const panorama = usePanoramaView(player, flat ? FLAT_PAN_MODE : TV_SPHERE);
  const look = panorama.look;
  const fallBack = useCallback((reason: FlatPanReason) => {
    consoleLogger.warn('tv: the meet-up stage cannot show video in WebGL here; switching to the flat view', { reason });
    rememberFlatPan(browserStorage(), reason);
    setChoice({ view: 'flat', reason, remembered: false });
  }, []);
  const stage = useFocusable<HTMLDivElement>('meetup-stage', { section: 'meetup-stage', onSelect: () => onLook(true) });
  // The replay starts on the stage: the room asks for it before the player exists, so the stage takes it on mount.
  useLayoutEffect(() => {
    if (!live) shell.focus.setFocus('meetup-stage');
  }, [live, shell.focus]);
  const retry = useFocusable<HTMLButtonElement>('meetup-media-retry', { section: 'meetup-stage', onSelect: () => player.retry() });

  // Live, reports carry the picture's place in the show; the replay reports its media time, from the stream's first
  // segment (docs/attention.md).
  const showTime = useLiveStageTime(session, live, meetup.startedAt);
  useAttentionSampler(player, { meetupId: meetup.id, live, mediaTime: showTime });

  useEffect(() => {
    if (!live) return undefined;
    const stop = watchLivePosition(session.video, (position) => client.reportLivePosition(position));
    return () => {
      stop();
      client.reportLivePosition(null);
    };
  }, [session, live, client]);
  // A stream that fails puts Retry in front of the family.
  useEffect(() => {
    if (media.status === 'error') shell.focus.setFocus('meetup-media-retry');
  }, [media.status, shell.focus]);
  // A key released while the page was hidden never sends keyup: stop turning rather than spin forever.
  useEffect(() => {
    const release = () => look.releaseAllKeys();
    window.addEventListener('blur', release);
    return () => window.removeEventListener('blur', release);
  }, [look]);

  const stopLooking = () => {
    look.releaseAllKeys();
    onLook(false);
    shell.focus.setFocus('meetup-stage');
  };
  useRemoteKeys(({ action, phase, repeat }) => {
    if (looking) {
      const key = lookKeyOf(action);
      if (key) {
        if (phase === 'down') look.keyDown(key, performance.now());
        else look.keyUp(key);
        return true;
      }
      if ((action.action === 'ok' || action.action === 'back') && !repeat) {
        if (phase === 'down') stopLooking();
        return true;
      }
    }
    // The replay answers the media keys; the live stage has nothing to seek.
    const command = live ? null : mediaCommandOf(action);
    if (command) {
      if (phase === 'down' && !repeat) runMediaCommand(session, command);
      return true;
    }
    return false;
  });

  return (
    <div className="watch tv-meetup-stage__view" data-view={choice.view} data-location={location.id}>
      <div {...stage.props} className="watch__view tv-meetup-stage__focus" role="application" aria-label={t('meetup.stage.label')}>
        <TvPanorama view={panorama} onFailure={fallBack} />
      </div>
      <WatchMediaStatus poster={undefined} />
      {media.status === 'error' && (
        <button type="button" className="tv-button tv-button--primary tv-focusable tv-meetup-stage__retry" {...retry.props}>
          {t('media.retry')}
        </button>
      )}
      {(looking || stage.focused) && <p className="watch__hint">{looking ? t('tv.meetup.lookHint') : t('tv.meetup.lookStart')}</p>}
    </div>
  );
}

/**
 * The replay's media keys on screen (the LG Magic Remote has none): −10 s, Play/Pause, +10 s. Not WatchControls:
 * that is the overlay toolbar of "Watch the set" (its own focus ids and section, Back, Look around, Sound, the
 * location's name), drawn over the view; this is a row of page buttons under the stage.
 */
function ReplayControls({ session }: { session: MediaSession }) {
  const { t } = useI18n();
  const paused = usePaused(session);
  return (
    <div className="tv-meetup-replay-controls">
      <ReplayButton id="meetup-replay-rewind" label={t('watch.rewind')} aria={t('watch.rewindLabel')} onSelect={() => runMediaCommand(session, 'rewind')} />
      <ReplayButton id="meetup-replay-play" label={paused ? t('watch.play') : t('watch.pause')} onSelect={() => runMediaCommand(session, 'playPause')} />
      <ReplayButton id="meetup-replay-forward" label={t('watch.forward')} aria={t('watch.forwardLabel')} onSelect={() => runMediaCommand(session, 'fastForward')} />
    </div>
  );
}

function ReplayButton({ id, label, aria, onSelect }: { id: string; label: string; aria?: string; onSelect: () => void }) {
  const { props } = useFocusable<HTMLButtonElement>(id, { section: 'meetup-replay', onSelect });
  return (
    <button type="button" className="tv-button tv-focusable" aria-label={aria} {...props}>
      {label}
    </button>
  );
}
