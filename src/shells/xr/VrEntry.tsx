// The entry card with Enter VR and the canvas that becomes the headset view: a small flat preview before the
// session, the set (or the meet-up's stage) around the person in it. Enter VR starts the video inside the click,
// so it (and its sound) survive the session start; a session handed over from the desktop's Enter VR is entered
// as soon as the canvas can render, in the video element that click started.
import { Canvas } from '@react-three/fiber';
import { XR, type XRStore } from '@react-three/xr';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WebGLRenderer } from 'three';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';
import { useAttentionSampler } from '../../react/useAttention';
import { useLiveStageTime } from '../../react/useLiveStageTime';
import { useMeetupRoom } from '../../react/useMeetup';
import { LazyAttentionNotice as AttentionNotice } from '../shared/LazyAttentionNotice';
import type { TourPlayer } from '../../tour/tour-player';
import { chooseFrameRate } from '../../xr/frame-rate';
import { REFERENCE_SPACE } from '../../xr/session-init';
import { settleRequestedVrSession, type VrHandOff } from '../../xr/vr-handoff';
import type { VideoPath } from '../../xr/video-path';
import { canOffer360, desktopHref, supportMessage } from './support-message';
import type { ImmersiveSupport } from './useImmersiveSupport';
import { playWithSound, useVideoInSession } from './useVideoInSession';
import { XrHook } from './xr-hook';
import type { MeetupInviteProps } from './meetup/MeetupInvite';
import type { XrMeetupMode } from './meetup/MeetupScene';
import { XrScene } from './XrScene';
import { PREVIEW_FOV_DEG, PreviewHotspotLabels } from './PreviewHotspotLabels';

export interface VrEntryProps {
  /** What plays around the person: the set tour's player, or the open meet-up's stage. */
  player: TourPlayer;
  xrStore: XRStore;
  support: ImmersiveSupport;
  /** Null on the set tour; the meet-up's part of the scene otherwise (stage, or its refusal shown in VR). */
  meetup: XrMeetupMode | null;
  /** A live meet-up to offer in the room while on the set tour. */
  invite: MeetupInviteProps | null;
  /** Back from the meet-up to the set tour (its board's button in VR). */
  onLeaveMeetup: () => void;
  /** A session requested in the desktop's click, to enter as soon as the scene can render. */
  handOff: VrHandOff | null;
  /** Called when that session ends (back to the shell it came from). */
  onLeaveVr: (() => void) | undefined;
  /** Under the Enter VR button: the meet-ups of the project. */
  children?: ReactNode;
}

export function VrEntry({ player, xrStore, support, meetup, invite, onLeaveMeetup, handOff, onLeaveVr, children }: VrEntryProps) {
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
  const mediaSession = current.session;

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
  useVideoInSession(mediaSession, presenting, xrStore);
  // The headset's pose is the view direction while presenting; the flat preview is no one's view. At a meet-up's
  // stage the looks count for that meet-up (live: turns go within a second, for the host's radar).
  const room = useMeetupRoom();
  const stageLive = meetup === 'stage' && room.meetup?.state === 'live';
  // Live, reports carry the picture's place in the show (useLiveStageTime), the replay its media time.
  const showTime = useLiveStageTime(mediaSession, stageLive, room.meetup?.startedAt);
  const stage = meetup === 'stage' && room.meetup ? { meetupId: room.meetup.id, live: stageLive, mediaTime: showTime } : undefined;
  useAttentionSampler(presenting && (meetup === null || stage) ? player : null, stage);

  // A session handed over from the desktop's Enter VR: entered once the canvas can render into it; when it ends,
  // back to the desktop. Its video was started in that click (see vr-handoff) and is the one playing here.
  useEffect(() => {
    const gl = renderer.current;
    if (!handOff || !rendererReady || !gl) return;
    let current = true;
    gl.xr.setReferenceSpaceType(REFERENCE_SPACE);
    handOff.session
      .then(async (session) => {
        if (!current) return;
        settleRequestedVrSession(handOff);
        await gl.xr.setSession(session);
        xrStore.setFrameRate(chooseFrameRate);
        session.addEventListener('end', () => onLeaveVr?.(), { once: true });
      })
      .catch((err: unknown) => {
        if (!current) return;
        settleRequestedVrSession(handOff);
        mediaSession.setMuted(true);
        setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      current = false;
    };
    // Once per hand-off: the media session at that moment is the one to mute on a refusal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handOff, rendererReady, xrStore, onLeaveVr]);

  const enter = () => {
    setFailure(null);
    // Inside the click: starting playback here is what lets video (and sound) survive the session start.
    playWithSound(mediaSession);
    // Seated, looking around from one point (the store's own default would ask for a floor).
    renderer.current?.xr.setReferenceSpaceType(REFERENCE_SPACE);
    setEntering(true);
    xrStore
      .enterVR()
      .catch((err: unknown) => {
        mediaSession.setMuted(true);
        setFailure(err instanceof Error ? err.message : String(err));
      })
      .finally(() => setEntering(false));
  };

  const canEnter = support === 'supported' && !presenting && !entering;
  const message = presenting ? t('xr.presenting') : supportMessage(support, t);
  return (
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
      {/* No VR here: what this browser can do instead, not a button that cannot work. */}
      {canOffer360(support) && !presenting ? (
        <a className="button" href={desktopHref(window.location.href)} data-testid="open-360">
          {t('xr.open360')}
        </a>
      ) : (
        <>
          <button type="button" className="button" disabled={!canEnter} onClick={enter} data-testid="enter-vr">
            {t('xr.enter')}
          </button>
          <p className="muted">{t('xr.hint')}</p>
        </>
      )}
      <AttentionNotice />
      {children}
      <div ref={videoHost} aria-hidden="true" style={{ position: 'relative', width: '100%', aspectRatio: '16 / 9', borderRadius: '0.5rem', overflow: 'hidden', background: '#000' }}>
        <Canvas
          // The flat preview draws only when the video has a new frame; in a session the headset drives frames.
          frameloop="demand"
          dpr={1}
          // alpha: the scene's layer must be transparent where the media layer under it shows the video.
          gl={{ antialias: false, alpha: true, powerPreference: 'high-performance' }}
          camera={{ fov: PREVIEW_FOV_DEG, near: 0.05, far: 100, position: [0, 0, 0] }}
          onCreated={({ gl }) => {
            renderer.current = gl;
            setRendererReady(true);
            player.setRenditionLimits({ maxTextureSize: gl.capabilities.maxTextureSize });
          }}
        >
          <XR store={xrStore}>
            <XrScene player={player} hook={hook} onPath={setPath} meetup={meetup} invite={invite} onLeaveMeetup={onLeaveMeetup} />
          </XR>
        </Canvas>
        {!presenting && !meetup && <PreviewHotspotLabels hotspots={current.location.hotspots} video={mediaSession.video} />}
      </div>
    </section>
  );
}
