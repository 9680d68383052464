// The left side of the desktop shell: the project's set tour, its start location playing in 360°.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { LookController } from '../../panorama/look-controller';
import { loadTour, type TourResult } from '../../tour/load-tour';
import type { TourLocation } from '../../tour/tour-schema';
import { useI18n, useServices } from '../../react/AppContext';
import { useMediaSession } from '../../react/useMediaSession';
import { MediaOverlay } from './MediaOverlay';

// three.js and R3F load only once there is something to show in 360°.
const PanoramaCanvas = lazy(() => import('../../panorama/PanoramaCanvas'));

export function TourView() {
  const { projectId } = useServices();
  const { t } = useI18n();
  const [result, setResult] = useState<TourResult | null>(null);
  useEffect(() => {
    let current = true;
    void loadTour(projectId).then((loaded) => current && setResult(loaded));
    return () => {
      current = false;
    };
  }, [projectId]);

  if (!result) return <Notice text={t('tour.loading')} />;
  if (result.kind === 'none') return <Notice text={t('tour.empty')} />;
  if (result.kind === 'invalid') return <Notice text={t('tour.invalid', { reason: result.reason })} alert />;
  const start = result.tour.locations.find((l) => l.id === result.tour.start);
  return start ? <LocationView location={start} /> : null;
}

function LocationView({ location }: { location: TourLocation }) {
  const { i18n } = useServices();
  const session = useMediaSession();
  const look = useMemo(() => new LookController(location.initialView), [location]);
  const viewRef = useRef<HTMLDivElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    if (session) void session.load(location.stream);
  }, [session, location.stream]);
  useEffect(() => (viewRef.current ? look.bind(viewRef.current) : undefined), [look]);
  useEffect(() => (session && viewRef.current ? session.mountIn(viewRef.current) : undefined), [session]);

  const name = i18n.pick(location.name);
  return (
    <div className="view" ref={viewRef} role="application" aria-label={i18n.t('view.label', { location: name })} tabIndex={0}>
      {session && (
        <Suspense fallback={null}>
          <PanoramaCanvas video={session.video} look={look} />
        </Suspense>
      )}
      <MediaOverlay onRetry={() => session?.retry()} poster={location.poster} />
      <div className="view__chrome">
        <span className="pill">{name}</span>
        <span className="muted view__hint">{i18n.t('view.hint')}</span>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            session?.setMuted(!muted);
            setMuted(!muted);
          }}
        >
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
