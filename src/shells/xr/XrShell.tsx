// The headset shell (`?mode=xr`): a flat page with Enter VR — enabled only where an immersive-vr session can
// start — and the project's status; in VR, the set tour in 360°/180° with hotspots, the milestone panel and
// captions. Lazy-loaded with three.js, R3F and @react-three/xr; nothing here is imported by other shells. Opened
// from the desktop's Enter VR (desktop browsers with immersive-vr), it takes the session requested in that click
// (see vr-handoff) and goes straight into VR; leaving VR then returns to the desktop shell.
import { Canvas } from '@react-three/fiber';
import { XR, type XRStore } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WebGLRenderer } from 'three';
import { useAppState, useI18n } from '../../react/AppContext';
import { usePlayerState, useTourPlayer } from '../../react/useTourPlayer';
import { useProjectTour } from '../../react/useProjectTour';
import type { TourPlayer } from '../../tour/tour-player';
import type { Tour } from '../../tour/tour-schema';
import { chooseFrameRate } from '../../xr/frame-rate';
import { milestonePanelModel } from '../../xr/panel-layout';
import { REFERENCE_SPACE } from '../../xr/session-init';
import { requestedVrSession, settleRequestedVrSession } from '../../xr/vr-handoff';
import type { VideoPath } from '../../xr/video-path';
import { useImmersiveSupport, type ImmersiveSupport } from './useImmersiveSupport';
import { XrHook } from './xr-hook';
import { createSetVisitXrStore } from './xr-store';
import { XrScene } from './XrScene';

export default function XrShell({ onLeaveVr }: { onLeaveVr?: () => void }) {
  const { t } = useI18n();
  const result = useProjectTour();
  const support = useImmersiveSupport();
  // Read at mount: a session the desktop's Enter VR requested in its click (settled once entered or refused).
  const [requested] = useState(requestedVrSession);
  // No tour to stand in: a requested session would be an empty room, so it ends (the page says why).
  const noTour = result !== null && result.kind !== 'tour';
  useEffect(() => {
    if (!requested || !noTour) return;
    settleRequestedVrSession(requested);
    requested.then((session) => session.end()).catch(() => undefined);
  }, [requested, noTour]);

  return (
    <main className="xr-shell" style={{ minHeight: '100%', display: 'grid', alignContent: 'start', justifyItems: 'center', gap: '1.25rem', padding: '2rem 1rem' }}>
      {!result && <EntryCard support={support} message={t('tour.loading')} />}
      {result?.kind === 'none' && <EntryCard support={support} message={t('tour.empty')} />}
      {result?.kind === 'invalid' && <EntryCard support={support} message={t('tour.invalid', { reason: result.reason })} alert />}
      {result?.kind === 'tour' && <TourEntry tour={result.tour} support={support} requested={requested} onLeaveVr={onLeaveVr} />}
      <ProjectStatus />
    </main>
  );
}

interface HandOff {
  /** A session requested in another shell's click, to enter as soon as the scene can render. */
  requested: Promise<XRSession> | null;
  /** Called when that session ends (back to the shell it came from). */
  onLeaveVr: (() => void) | undefined;
}

function TourEntry({ tour, support, ...handOff }: { tour: Tour; support: ImmersiveSupport } & HandOff) {
  const player = useTourPlayer(tour);
  const xrStore = useXrStore();
  return player && xrStore ? <VrEntry player={player} xrStore={xrStore} support={support} {...handOff} /> : <EntryCard support={support} message={null} />;
}

/** One store per shell, destroyed with it (made in an effect so StrictMode's double mount does not reuse a dead one). */
function useXrStore(): XRStore | null {
  const [store, setStore] = useState<XRStore | null>(null);
  useEffect(() => {
    const created = createSetVisitXrStore();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStore(created);
    return () => created.destroy();
  }, []);
  return store;
}

function VrEntry({ player, xrStore, support, requested, onLeaveVr }: { player: TourPlayer; xrStore: XRStore; support: ImmersiveSupport } & HandOff) {
  const { t } = useI18n();
  const { current } = usePlayerState(player);
  const hook = useMemo(() => new XrHook(), []);
  useEffect(() => hook.attach(), [hook]);
  const renderer = useRef<WebGLRenderer | null>(null);
  const [rendererReady, setRendererReady] = useState(false);
  const videoHost = useRef<HTMLDivElement>(null);
  const [presenting, setPresenting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [entering, setEntering] = useState(false);
  const [path, setPath] = useState<VideoPath | null>(null);
  const video = current.session.video;

  // Some browsers stop decoding a <video> that is not in the document.
  useEffect(() => (videoHost.current ? current.session.mountIn(videoHost.current) : undefined), [current.session]);

  useEffect(
    () =>
      xrStore.subscribe((state, previous) => {
        if (state.session && !previous.session) setPresenting(true);
        if (!state.session && previous.session) setPresenting(false);
      }),
    [xrStore],
  );

  // In VR the set has sound (the Enter VR click allowed it); the flat page plays muted, like the desktop.
  useEffect(() => {
    if (!presenting) {
      current.session.setMuted(true);
      return;
    }
    playWithSound(video);
    // Some headsets pause page media when the session starts or the headset is taken off and put back on.
    const session = xrStore.getState().session;
    const resume = () => {
      if (session?.visibilityState !== 'hidden' && video.paused) playWithSound(video);
    };
    // A browser that refused sound outside a click (a session handed over from the desktop) allows it on the
    // first trigger pull or pinch: a WebXR select is a user activation.
    const unmute = () => {
      if (video.muted) playWithSound(video);
    };
    session?.addEventListener('visibilitychange', resume);
    session?.addEventListener('select', unmute);
    video.addEventListener('pause', resume);
    return () => {
      session?.removeEventListener('visibilitychange', resume);
      session?.removeEventListener('select', unmute);
      video.removeEventListener('pause', resume);
    };
  }, [presenting, video, current.session, xrStore]);

  // A session handed over from the desktop's Enter VR: entered once the canvas can render into it; when it ends,
  // back to the desktop.
  useEffect(() => {
    const gl = renderer.current;
    if (!requested || !rendererReady || !gl) return;
    let current = true;
    gl.xr.setReferenceSpaceType(REFERENCE_SPACE);
    playWithSound(video);
    requested
      .then(async (session) => {
        if (!current) return;
        settleRequestedVrSession(requested);
        await gl.xr.setSession(session);
        xrStore.setFrameRate(chooseFrameRate);
        session.addEventListener('end', () => onLeaveVr?.(), { once: true });
      })
      .catch((err: unknown) => {
        if (!current) return;
        settleRequestedVrSession(requested);
        video.muted = true;
        setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      current = false;
    };
    // Once per handed-over request: the video element at that moment is the one to start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requested, rendererReady, xrStore, onLeaveVr]);

  const enter = () => {
    setFailure(null);
    // Inside the click: starting playback here is what lets video (and sound) survive the session start.
    playWithSound(video);
    // Seated, looking around from one point (the store's own default would ask for a floor).
    renderer.current?.xr.setReferenceSpaceType(REFERENCE_SPACE);
    setEntering(true);
    xrStore
      .enterVR()
      .catch((err: unknown) => {
        current.session.setMuted(true);
        setFailure(err instanceof Error ? err.message : String(err));
      })
      .finally(() => setEntering(false));
  };

  const canEnter = support === 'supported' && !presenting && !entering;
  const message = presenting ? t('xr.presenting') : supportMessage(support, t);
  return (
    <>
      <section className="card" style={{ maxWidth: '36rem', width: '100%' }} aria-labelledby="xr-title" data-xr-path={path ?? undefined} data-presenting={presenting}>
        <h1 id="xr-title" className="panel__title">
          {t('xr.title')}
        </h1>
        <p role="status" data-testid="xr-support" data-support={support}>
          {message}
        </p>
        {failure && (
          <p role="alert" className="muted">
            {t('xr.enterFailed', { reason: failure })}
          </p>
        )}
        <button type="button" className="button" disabled={!canEnter} onClick={enter} data-testid="enter-vr">
          {t('xr.enter')}
        </button>
        <p className="muted">{t('xr.hint')}</p>
        <div ref={videoHost} aria-hidden="true" style={{ position: 'relative', width: '100%', aspectRatio: '16 / 9', borderRadius: '0.5rem', overflow: 'hidden', background: '#000' }}>
          <Canvas
            // The flat preview draws only when the video has a new frame; in a session the headset drives frames.
            frameloop="demand"
            dpr={1}
            // alpha: the scene's layer must be transparent where the media layer under it shows the video.
            gl={{ antialias: false, alpha: true, powerPreference: 'high-performance' }}
            camera={{ fov: 75, near: 0.05, far: 100, position: [0, 0, 0] }}
            onCreated={({ gl }) => {
              renderer.current = gl;
              setRendererReady(true);
              player.setRenditionLimits({ maxTextureSize: gl.capabilities.maxTextureSize });
            }}
          >
            <XR store={xrStore}>
              <XrScene player={player} hook={hook} onPath={setPath} />
            </XR>
          </Canvas>
        </div>
      </section>
    </>
  );
}

function EntryCard({ support, message, alert = false }: { support: ImmersiveSupport; message: string | null; alert?: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" style={{ maxWidth: '36rem', width: '100%' }} aria-labelledby="xr-title">
      <h1 id="xr-title" className="panel__title">
        {t('xr.title')}
      </h1>
      <p role="status" data-testid="xr-support" data-support={support}>
        {supportMessage(support, t)}
      </p>
      {message && <p role={alert ? 'alert' : undefined}>{message}</p>}
      <button type="button" className="button" disabled data-testid="enter-vr">
        {t('xr.enter')}
      </button>
    </section>
  );
}

function supportMessage(support: ImmersiveSupport, t: ReturnType<typeof useI18n>['t']): string {
  switch (support) {
    case 'checking':
      return t('xr.checking');
    case 'supported':
      return t('xr.ready');
    case 'insecure':
      return t('xr.insecure');
    case 'unsupported':
      return t('xr.unsupported');
  }
}

/** Unmuted if the browser allows it now, else muted: a silent set beats a frozen one. */
function playWithSound(video: HTMLVideoElement): void {
  video.muted = false;
  video.play().catch(() => {
    video.muted = true;
    void video.play().catch(() => undefined);
  });
}

/** The project's status under the entry card, from the same model the headset's panel draws. */
function ProjectStatus() {
  const i18n = useI18n();
  const data = useAppState((s) => s.feed.data);
  const model = useMemo(() => milestonePanelModel(data, i18n), [data, i18n]);
  if (!model) return <p className="muted">{i18n.t('project.loading')}</p>;
  return (
    <section className="panel" style={{ maxWidth: '36rem', width: '100%', borderRadius: '0.75rem' }} aria-labelledby="xr-project-title">
      <h2 id="xr-project-title" className="panel__title">
        {model.title}
      </h2>
      <p className="phase">{model.phase}</p>
      <p>
        <strong data-testid="funding-raised">{model.raised}</strong> <span className="muted">{model.goal}</span>
      </p>
      <dl className="facts">
        {model.facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <h2>{model.heading}</h2>
      {model.milestones.length === 0 ? (
        <p className="muted">{model.empty}</p>
      ) : (
        <ol className="milestones">
          {model.milestones.map((m, i) => (
            <li key={i} className="milestone">
              <span className="milestone__kind">{m.kind}</span> <span className="milestone__title">{m.title}</span>{' '}
              <span className="milestone__time muted">{m.time}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

