// What the headset says about the footage, in the room: a stall and its cause, why the footage stopped (a refused
// pass, a revoked code, an ended meet-up, as the desktop card and the TV say it), and the lock of a location the
// viewer's tier does not open, naming the tier. Without it a viewer in VR sees a frozen or black sphere and no
// reason. It opens where the head looks (world space, not head-locked) and stays there; selecting it retries where
// that helps. Redrawn only when what it says changes.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Mesh } from 'three';
import { retryHelps } from '../../media/stall-watch';
import { useI18n, useMedia } from '../../react/AppContext';
import { refusalRetryHelps, useRefusalMessage } from '../../react/useRefusalMessage';
import { usePlayerState } from '../../react/useTourPlayer';
import { recheckMediaPass } from '../../tour/media-pass';
import type { TourPlayer } from '../../tour/tour-player';
import { layoutNotice } from '../../xr/panel-layout';
import type { HeadPose } from './head-pose';
import { useCanvasTexture } from './useCanvasTexture';
import type { MediaNoticeReport, XrHook } from './xr-hook';

const CANVAS: [number, number] = [1024, 320];
const WIDTH_M = 1.3;
const SIZE: [number, number] = [WIDTH_M, (WIDTH_M * CANVAS[1]) / CANVAS[0]];
/** Nearer than the hotspots and the sphere, a little below the line of sight (the picture stays visible above). */
const DISTANCE_M = 1.4;
const BELOW_EYE_M = 0.15;
/** A lock goes by itself, as on the TV: long enough to read. */
const LOCK_NOTICE_MS = 8_000;

const NO_NOTICE: MediaNoticeReport = { kind: '', text: '', yaw: 0, retry: false };

interface Notice {
  kind: Exclude<MediaNoticeReport['kind'], ''>;
  title: string;
  body: string[];
  retry: boolean;
}

export function XrMediaNotice({ player, head, hook }: { player: TourPlayer; head: HeadPose; hook: XrHook }) {
  const i18n = useI18n();
  const media = useMedia();
  const { locked } = usePlayerState(player);
  const error = media.status === 'error' ? media.error : null;
  const refusal = useRefusalMessage(error, recheckMediaPass, () => player.retry());

  const notice = useMemo((): Notice | null => {
    if (locked) {
      const tier = i18n.t(`tier.${locked.tier}`);
      return { kind: 'lock', title: i18n.t('tour.lock.title', { location: i18n.pick(locked.location.name), tier }), body: [i18n.t('tour.lock.body', { tier })], retry: false };
    }
    if (error) {
      const retry = refusalRetryHelps(error);
      return { kind: 'error', title: i18n.t('media.error.title'), body: [i18n.t(refusal ?? `media.error.${error.kind}`), ...(retry ? [i18n.t('media.notice.retry')] : [])], retry };
    }
    // A stall while playing, or while loading (a stream that cannot be reached yet), as the loading card says it.
    if (media.status === 'stalled' || (media.status === 'loading' && media.stall)) {
      const retry = retryHelps(media.stall);
      return { kind: 'stall', title: i18n.t(media.stall ? `media.stall.${media.stall.cause}` : 'media.stalled'), body: retry ? [i18n.t('media.notice.retry')] : [], retry };
    }
    return null;
  }, [locked, error, refusal, media.status, media.stall, i18n]);

  useEffect(() => {
    if (!locked) return undefined;
    const timer = setTimeout(() => player.dismissLock(), LOCK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [locked, player]);

  const surface = useCanvasTexture(...CANVAS);
  useEffect(() => hook.registerSurface('media-notice', surface), [hook, surface]);
  const text = notice ? [notice.title, ...notice.body].join(' ') : '';
  useEffect(() => {
    if (notice) surface.paint(layoutNotice(notice.title, notice.body, i18n.language, surface.measure, ...CANVAS));
    // Painted when the words change, not when the same notice is made again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, surface, i18n.language]);

  // Placed where the head looks when it opens, and again when it turns to news of another kind (a stall that became an
  // error); not while it only changes its words. Never head-locked.
  // The report is written here too: a page's own animation frames may not run during a session.
  const mesh = useRef<Mesh>(null);
  const placedFor = useRef<Notice['kind'] | null>(null);
  const placedYaw = useRef(0);
  const reported = useRef('');
  useFrame(() => {
    const m = mesh.current;
    if (!notice || !m) placedFor.current = null;
    else if (placedFor.current !== notice.kind) {
      placedFor.current = notice.kind;
      const { x, z } = head.forward;
      const level = Math.hypot(x, z);
      const [dx, dz] = level > 1e-3 ? [x / level, z / level] : [0, -1];
      m.position.set(head.position.x + dx * DISTANCE_M, head.position.y - BELOW_EYE_M, head.position.z + dz * DISTANCE_M);
      m.lookAt(head.position.x, head.position.y - BELOW_EYE_M, head.position.z);
      placedYaw.current = head.yawDeg;
    }
    const report = notice && m ? `${notice.kind}|${text}|${placedYaw.current}` : '';
    if (report === reported.current) return;
    reported.current = report;
    hook.setMediaNotice(notice && m ? { kind: notice.kind, text, yaw: placedYaw.current, retry: notice.retry } : NO_NOTICE);
  });
  useEffect(() => () => hook.setMediaNotice(NO_NOTICE), [hook]);

  const select = () => {
    if (notice?.retry) player.retry();
  };
  // Not there at all without a notice: an invisible mesh would still catch the rays meant for the hotspots.
  if (!notice) return null;
  return (
    <mesh ref={mesh} renderOrder={4} userData={{ panel: 'media-notice' }} onClick={select}>
      <planeGeometry args={SIZE} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} depthTest={false} toneMapped={false} />
    </mesh>
  );
}
