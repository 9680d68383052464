// The left side of the desktop shell: the project's set tour in 360°, with hotspots, the location list,
// captions, and every media state (loading, buffering, error with Retry).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HotspotProjector } from '../../panorama/hotspot-projector';
import { LookController } from '../../panorama/look-controller';
import { prefetchHlsPlayer } from '../../media/playback-engine';
import { lazyView } from '../../react/lazyView';
import { useProjectTour } from '../../react/useProjectTour';
import type { TourPlayer } from '../../tour/tour-player';
import type { Tour } from '../../tour/tour-schema';
import { useI18n, useServices } from '../../react/AppContext';
import { usePlayerState, useTourPlayer } from '../../react/useTourPlayer';
import { Captions } from './Captions';
import { Hotspots } from './Hotspots';
import { LocationList } from './LocationList';
import { LockedLocation } from './LockedLocation';
import { MediaOverlay } from './MediaOverlay';
import { NoWebGlNotice } from './NoWebGlNotice';
import { StatsOverlay } from './StatsOverlay';

// The 3D view (plain three.js) and the player (hls.js) load only with the desktop shell, never on the first screen of
// another shell; but they start downloading as soon as this shell does, in parallel with the tour file, instead of
// one after the other once it has arrived: the first 360 frame waits for all three.
const PanoramaCanvas = lazyView(() => import('../../panorama/PanoramaCanvas'));
void PanoramaCanvas.preload();
prefetchHlsPlayer();

export function TourView() {
  const { t } = useI18n();
  const result = useProjectTour();

  if (!result) return <Notice text={t('tour.loading')} />;
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
  const { i18n } = useServices();
  const { current } = usePlayerState(player);
  const location = current.location;
  const look = useMemo(() => new LookController(location.initialView), [location]);
  const projector = useMemo(() => new HotspotProjector(look), [look]);
  const viewRef = useRef<HTMLDivElement>(null);
  const [muted, setMuted] = useState(true);
  // One callback for the view's lifetime: it runs after every drawn frame.
  const onFrame = useCallback((width: number, height: number, seconds: number) => projector.update(width, height, seconds), [projector]);
  const showStats = useMemo(() => new URLSearchParams(window.location.search).get('stats') === '1', []);

  useEffect(() => (viewRef.current ? look.bind(viewRef.current) : undefined), [look]);
  useEffect(() => (viewRef.current ? current.session.mountIn(viewRef.current) : undefined), [current.session]);
  useEffect(() => current.session.setMuted(muted), [current.session, muted]);
  useEffect(() => exposeForTests({ player, look }), [player, look]);

  const name = i18n.pick(location.name);
  return (
    <div className="view" ref={viewRef} role="application" aria-label={i18n.t('view.label', { location: name })} tabIndex={0} data-location={location.id}>
      <PanoramaCanvas player={player} look={look} onFrame={onFrame} fallback={<NoWebGlNotice text={i18n.t('view.noWebgl')} />} />
      <Hotspots player={player} projector={projector} />
      <Captions player={player} />
      <MediaOverlay onRetry={() => player.retry()} poster={location.poster} />
      <LockedLocation player={player} />
      {showStats && <StatsOverlay player={player} />}
      <div className="view__chrome">
        <LocationList player={player} />
        <span className="muted view__hint">{i18n.t('view.hint')}</span>
        <button type="button" className="button button--small" onClick={() => setMuted(!muted)}>
          {muted ? i18n.t('media.soundOn') : i18n.t('media.soundOff')}
        </button>
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

/** Browser tests aim the view precisely through this (the same object the feed and store hang on). */
function exposeForTests(view: { player: TourPlayer; look: LookController }): void {
  const hook = (window as unknown as { __setvisit?: Record<string, unknown> }).__setvisit;
  if (hook) hook.tour = view;
}
