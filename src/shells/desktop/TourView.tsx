// The left side of the desktop shell: the project's set tour in 360°, with hotspots, the location list,
// captions, and every media state (loading, buffering, error with Retry).
import { lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { LookController } from '../../panorama/look-controller';
import { DESKTOP_SPHERE } from '../../panorama/panorama-view';
import { prefetchHlsPlayer } from '../../media/playback-engine';
import { Panorama360, preloadSphere, usePanoramaView } from '../../react/Panorama360';
import { AfterFirstFrame } from '../../react/AfterFirstFrame';
import { useProjectTour } from '../../react/useProjectTour';
import { useViewDirection } from '../../react/useViewDirection';
import type { ViewDirectionSource } from '../../view';
import type { TourPlayer } from '../../tour/tour-player';
import type { Tour } from '../../protocol/tour-schema';
import { DEFAULT_PROJECT_ID, homeHref } from '../../app/url-params';
import { useFeed, useI18n, useServices } from '../../react/AppContext';
import { usePlayerState, useTourPlayer } from '../../react/useTourPlayer';
import { useAttentionSampler } from '../../react/useAttention';
import { LazyAttentionNotice as AttentionNotice } from '../shared/LazyAttentionNotice';
import { CaptionPlaceButton, Captions } from './Captions';
import { readCaptionPlace, saveCaptionPlace, type CaptionPlace } from './caption-place';
import { Hotspots } from './Hotspots';
import { LocationList } from './LocationList';
import { LockedLocation } from './LockedLocation';
import { recheckMediaPass } from '../../tour/media-pass';
import { MediaOverlay } from './MediaOverlay';
import { NoWebGlNotice } from './NoWebGlNotice';
import { LazyPlayerControls as PlayerControls } from './LazyPlayerControls';
import { StatsOverlay } from './StatsOverlay';
import './tour-chrome.css';
import { loadWhenOnline } from '../../app/load-when-online';

// The 3D view (plain three.js) and the player (hls.js) load only with the desktop shell, never on the first screen of
// another shell; but they start downloading as soon as this shell does, in parallel with the tour file, instead of
// one after the other once it has arrived: the first 360 frame waits for all three.
void preloadSphere();
// Visiting together (its strings, QR code and circle client) loads with the tour, after it.
const CirclePanel = lazy(() => loadWhenOnline(() => import('./circle/CirclePanel')));

export function TourView() {
  const { t } = useI18n();
  const { launch } = useServices();
  const result = useProjectTour();
  const feed = useFeed();
  // hls.js, where it will certainly play (`?hls=js`, or no native HLS): as soon as the shell is in.
  useEffect(() => prefetchHlsPlayer(launch.hls), [launch.hls]);

  if (!result) return <Notice text={t('tour.loading')} />;
  // No tour and no project (missing, or backers only: the server answers both alike): say that one thing, with
  // the way home, instead of "no set tour yet, milestones on the right" beside a panel that has none.
  if ((result.kind === 'none' || result.kind === 'locked') && feed.error) return <Unavailable />;
  if (result.kind === 'none') return <Notice text={t('tour.empty')} />;
  if (result.kind === 'invalid') return <Notice text={t('tour.invalid', { reason: result.reason })} alert />;
  if (result.kind === 'locked') return <Notice text={t('tour.lockedTour')} />;
  return <TourPlayerView tour={result.tour} />;
}

function TourPlayerView({ tour }: { tour: Tour }) {
  const player = useTourPlayer(tour);
  return player ? <LocationView player={player} /> : null;
}

function LocationView({ player }: { player: TourPlayer }) {
  const { i18n, launch, warmStart } = useServices();
  const { current } = usePlayerState(player);
  const location = current.location;
  // One view for the player's life: each location starts at its initial view; drags and keys turn it.
  const view = usePanoramaView(player, DESKTOP_SPHERE);
  const direction = useViewDirection();
  const viewRef = useRef<HTMLDivElement>(null);
  const [muted, setMuted] = useState(true);
  const [captionPlace, setCaptionPlace] = useState<CaptionPlace>(readCaptionPlace);
  const moveCaptions = useCallback((place: CaptionPlace) => {
    saveCaptionPlace(place);
    setCaptionPlace(place);
  }, []);
  const showStats = launch.stats;

  useEffect(() => (viewRef.current ? view.look.bind(viewRef.current) : undefined), [view]);
  useEffect(() => current.session.setMuted(muted), [current.session, muted]);
  useEffect(() => exposeForTests({ player, look: view.look, direction }), [player, view, direction]);
  useAttentionSampler(player);

  const resetView = useCallback(() => view.look.reset(location.initialView), [view, location]);
  // Stable: the overlay retries by itself when the network is back, and must not lose its timers on a re-render.
  const retry = useCallback(() => player.retry(), [player]);

  const name = i18n.pick(location.name);
  return (
    <div className="view" ref={viewRef} role="application" aria-label={i18n.t('view.label', { location: name })} tabIndex={0} data-location={location.id}>
      <Panorama360 view={view} takeWarmRenderer={warmStart.takeRenderer} fallback={<NoWebGlNotice text={i18n.t('view.noWebgl')} />} />
      <Hotspots player={player} projector={view.hotspots} />
      {captionPlace === 'top' && <Captions player={player} place="top" />}
      <MediaOverlay onRetry={retry} poster={location.poster} recheckPass={recheckMediaPass} />
      <LockedLocation player={player} />
      {showStats && <StatsOverlay player={player} />}
      <AfterFirstFrame>
        <CirclePanel player={player} lookAt={(yaw, pitch) => view.look.lookAt(yaw, pitch)} />
      </AfterFirstFrame>
      {/* The bottom of the view, stacked so nothing covers anything: the captions (where placed here), then the
          locations, the hint and the sound; it stays above the player controls' row. */}
      <div className="view__dock">
        {captionPlace === 'bottom' && <Captions player={player} place="bottom" />}
        <div className="view__chrome">
          <LocationList player={player} />
          {/* The hint and the attention notice share one column, each on its own line, instead of squeezing
              each other into narrow columns beside the locations. A touch screen has no arrow keys. */}
          <div className="view__notes">
            <span className="muted view__hint">{i18n.t('view.hint')}</span>
            <span className="muted view__touch-hint">{i18n.t('view.hintTouch')}</span>
            <AttentionNotice />
          </div>
          <button type="button" className="button button--small view__sound" onClick={() => setMuted(!muted)}>
            {muted ? i18n.t('media.soundOn') : i18n.t('media.soundOff')}
          </button>
        </div>
      </div>
      <PlayerControls session={current.session} live={false} host={viewRef} front={location.initialView.yaw} onResetView={resetView}>
        {location.captions.length > 0 && <CaptionPlaceButton place={captionPlace} onMove={moveCaptions} />}
      </PlayerControls>
    </div>
  );
}

/** A status, not an alert: for a backers-only project nothing has gone wrong yet (the panel asks for the code). */
function Unavailable() {
  const { t } = useI18n();
  const { launch } = useServices();
  return (
    <div className="view view--notice">
      <div className="card" role="status" data-testid="project-unavailable">
        <p>{t('project.unavailable')}</p>
        {launch.projectId !== DEFAULT_PROJECT_ID && (
          <a className="button" href={homeHref(launch)}>
            {t('project.home')}
          </a>
        )}
      </div>
    </div>
  );
}

function Notice({ text, alert = false }: { text: string; alert?: boolean }) {
  return (
    <div className="view view--notice">
      <p className="card" role={alert ? 'alert' : 'status'}>
        {text}
      </p>
    </div>
  );
}

/** Browser tests aim the view precisely and read the view direction through this (the same object the feed and
 * store hang on). */
function exposeForTests(view: { player: TourPlayer; look: LookController; direction: ViewDirectionSource }): void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (hook) hook.tour = view;
}
