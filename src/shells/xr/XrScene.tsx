// Everything inside the <XR> root: the location's footage (media layer or sphere), its hotspots, and, in a
// session, the panels in the room (milestones, toasts, location list), head-locked captions and controller rays;
// at a meet-up, its stage's footage through the same paths with the question board, the reaction burst and the
// palette on the hand instead of the tour's panels. Outside a session the same scene is the flat page's small
// preview (left eye, no gaze selection).
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Object3D } from 'three';
import { usePlayerState } from '../../react/useTourPlayer';
import { useViewDirectionTracker } from '../../react/useViewDirection';
import type { TourPlayer } from '../../tour/tour-player';
import { chooseVideoPath, type VideoPath } from '../../xr/video-path';
import { ControllerRays } from './ControllerRays';
import { HeadPose } from './head-pose';
import { MediaLayerVideo } from './MediaLayerVideo';
import { EYE_LAYER, VideoSpheres } from './VideoSpheres';
import { XrCaptions } from './XrCaptions';
import type { GazeReport, XrHook } from './xr-hook';
import { XrHotspots } from './XrHotspots';
import { XrMediaNotice } from './XrMediaNotice';
import { WorldPanels } from './WorldPanels';
import type { MeetupInviteProps } from './meetup/MeetupInvite';
import { MeetupScene, type XrMeetupMode } from './meetup/MeetupScene';
import { XrCircleWorld } from './circle/XrCircleMount';

export function XrScene(props: {
  player: TourPlayer;
  hook: XrHook;
  onPath?: (path: VideoPath | null) => void;
  /** Null on the set tour; 'stage' at a meet-up (the player plays its stage), 'refused' when it kept the backer out. */
  meetup?: XrMeetupMode | null;
  /** A live meet-up to offer in the room (on the set tour only). */
  invite?: MeetupInviteProps | null;
  /** Back from the meet-up to the set tour. */
  onLeaveMeetup?: () => void;
}) {
  const { player, hook, onPath, meetup = null, invite = null, onLeaveMeetup = noop } = props;
  const state = usePlayerState(player);
  const session = useXR((s) => s.session);
  const mediaBinding = useXR((s) => s.mediaBinding);
  const presenting = session !== undefined;
  const path = useMemo(
    () =>
      session
        ? chooseVideoPath({
            enabledFeatures: session.enabledFeatures,
            renderStateLayers: session.renderState.layers,
            mediaBinding: typeof XRMediaBinding !== 'undefined' && mediaBinding !== undefined,
          })
        : 'sphere',
    [session, mediaBinding],
  );
  useEffect(() => {
    hook.setSession(session ?? null, path);
    onPath?.(session ? path : null);
  }, [hook, session, path, onPath]);

  const head = useMemo(() => new HeadPose(), []);
  const onGaze = useCallback((report: GazeReport) => hook.setGaze(report), [hook]);
  const onCaption = useCallback((text: string) => hook.setCaption(text), [hook]);
  // Panels nearer than the hotspots stop the hotspots' gaze ray (a hotspot behind the list is not dwelt on).
  const gazeBlocker = useRef<Object3D | null>(null);
  const registerBlocker = useCallback((mesh: Object3D | null) => {
    gazeBlocker.current = mesh;
  }, []);
  const { location, session: media } = state.current;

  return (
    <>
      <HeadTracker head={head} hook={hook} presenting={presenting} />
      {path === 'media-layer' ? <MediaLayerVideo state={state} fadeMs={player.fadeMs} /> : <VideoSpheres state={state} fadeMs={player.fadeMs} />}
      <XrHotspots player={player} location={location} video={media.video} head={head} gazeEnabled={presenting} gazeBlocker={gazeBlocker} onGaze={onGaze} />
      {presenting && (
        <>
          {meetup !== 'stage' && <WorldPanels head={head} player={player} hook={hook} registerBlocker={registerBlocker} invite={meetup ? null : invite} />}
          {!meetup && <XrCircleWorld head={head} hook={hook} />}
          {meetup && <MeetupScene mode={meetup} head={head} hook={hook} onLeave={onLeaveMeetup} />}
          {meetup !== 'refused' && <XrMediaNotice player={player} head={head} hook={hook} />}
          <XrCaptions key={location.id} video={media.video} tracks={location.captions} head={head} onText={onCaption} />
          <ControllerRays />
        </>
      )}
    </>
  );
}

/**
 * Reads the head pose first thing each frame (before the hotspots, panel and captions use it), keeps the preview
 * camera's eye layer right, and counts frames, views and the last frame's draw calls for the hook. In a session the
 * pose is the app's view direction ('headset'); the flat preview's fixed camera is no one's view, so it writes none.
 */
function HeadTracker({ head, hook, presenting }: { head: HeadPose; hook: XrHook; presenting: boolean }) {
  const gl = useThree((s) => s.gl);
  const direction = useViewDirectionTracker();
  const get = useThree((s) => s.get);
  // The camera of the flat preview, captured before any session replaces it with the XR camera.
  const [previewCamera] = useState(() => get().camera);
  useEffect(() => {
    // Flat preview: the left eye of stereo footage. In a session this camera must not see layer 1, or both eyes'
    // cameras (which inherit its layers) would draw the left eye's image.
    if (presenting) previewCamera.layers.disable(EYE_LAYER.left);
    else previewCamera.layers.enable(EYE_LAYER.left);
  }, [presenting, previewCamera]);

  useFrame((state, _delta, frame: XRFrame | undefined) => {
    head.update(frame, presenting ? gl.xr.getReferenceSpace() : null, state.camera);
    if (!presenting) return;
    direction.set(head.yawDeg, head.pitchDeg, head.fovDeg, 'headset');
    hook.setHeadYaw(head.yawDeg);
    const layers = frame?.session.renderState.layers;
    hook.recordFrame(head.views, gl.info.render.calls, gl.info.render.triangles, layers ? Math.max(0, layers.length - 1) : 0);
  }, -100);
  return null;
}

const noop = () => undefined;
