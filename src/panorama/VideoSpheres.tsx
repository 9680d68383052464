// Each location's video on the inside of a sphere (360) or the front hemisphere (180), one mesh per eye for
// stereo footage on the eye's three.js layer (WebXRManager's left camera sees layer 1, the right one layer 2; a
// flat screen's camera enables layer 1), and the outgoing location fading out on top once the new one shows.
// Shared by the desktop canvas and the XR sphere path, so both agree on where yaw 0 and each hotspot are.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { FrontSide, SRGBColorSpace, SphereGeometry, VideoTexture, type MeshBasicMaterial } from 'three';
import { eyeWindow, type Eye } from './projection';
import type { LocationPlayback, TourPlayerState } from '../tour/tour-player';
import type { Projection, StereoLayout } from '../tour/tour-schema';

/** Three.js layers of WebXRManager's eye cameras. Mono footage goes on layer 0, which both eyes see. */
export const EYE_LAYER: Record<Eye, number> = { left: 1, right: 2 };
/** Far enough to sit behind every panel and hotspot, inside the camera's far plane. */
const SPHERE_RADIUS = 50;

export function VideoSpheres({ state, fadeMs }: { state: TourPlayerState; fadeMs: number }) {
  return (
    <>
      <LocationSphere key={state.current.location.id} playback={state.current} fade={null} />
      {state.previous && <LocationSphere key={`${state.previous.location.id}-out`} playback={state.previous} fade={{ startedAt: state.fadeStartedAt, fadeMs }} />}
    </>
  );
}

function LocationSphere({ playback, fade }: { playback: LocationPlayback; fade: { startedAt: number | null; fadeMs: number } | null }) {
  const { projection, stereo } = playback.location;
  const geometry = useSphere(projection);
  const eyes: Eye[] = stereo === 'mono' ? ['left'] : ['left', 'right'];
  const materials = useRef<MeshBasicMaterial[]>([]);
  const invalidate = useThree((s) => s.invalidate);
  useVideoFrames(playback.session.video);

  useFrame(() => {
    if (!fade) return;
    const t = fade.startedAt === null ? 0 : Math.min(1, (performance.now() - fade.startedAt) / fade.fadeMs);
    for (const material of materials.current) material.opacity = 1 - t;
    // An on-demand canvas (the desktop view) must keep drawing until the fade is done.
    if (t < 1) invalidate();
  });

  return eyes.map((eye, i) => (
    <EyeMesh
      key={eye}
      video={playback.session.video}
      stereo={stereo}
      eye={eye}
      geometry={geometry}
      layer={stereo === 'mono' ? 0 : EYE_LAYER[eye]}
      onTop={fade !== null}
      materialRef={(m) => {
        if (m) materials.current[i] = m;
      }}
    />
  ));
}

function EyeMesh(props: {
  video: HTMLVideoElement;
  stereo: StereoLayout;
  eye: Eye;
  geometry: SphereGeometry;
  layer: number;
  onTop: boolean;
  materialRef: (material: MeshBasicMaterial | null) => void;
}) {
  const { video, stereo, eye, geometry, layer, onTop, materialRef } = props;
  const texture = useMemo(() => {
    // VideoTexture uploads only when the video presents a new frame (requestVideoFrameCallback), not per XR frame.
    const t = new VideoTexture(video);
    t.colorSpace = SRGBColorSpace;
    const window = eyeWindow(stereo, eye);
    t.offset.set(...window.offset);
    t.repeat.set(...window.repeat);
    return t;
  }, [video, stereo, eye]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    // The quarter turn puts the footage's centre straight ahead (−Z). Behind everything: no depth writes.
    <mesh geometry={geometry} rotation-y={-Math.PI / 2} layers={layer} renderOrder={onTop ? -1 : -2}>
      <meshBasicMaterial ref={materialRef} map={texture} side={FrontSide} toneMapped={false} transparent={onTop} depthTest={false} depthWrite={false} />
    </mesh>
  );
}

/** A sphere or front hemisphere mirrored in x (faces inward, footage reading left to right), as on the desktop. */
function useSphere(projection: Projection): SphereGeometry {
  const geometry = useMemo(
    () =>
      (projection === 'equirect360'
        ? new SphereGeometry(SPHERE_RADIUS, 64, 32)
        : new SphereGeometry(SPHERE_RADIUS, 32, 32, Math.PI / 2, Math.PI)
      ).scale(-1, 1, 1),
    [projection],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}

/**
 * An on-demand canvas (the desktop view, the XR page before entering) draws once per decoded video frame, not at
 * display rate. In a session the headset's frame loop draws every frame and this costs nothing.
 */
function useVideoFrames(video: HTMLVideoElement): void {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const element: HTMLVideoElement = video;
    if (typeof element.requestVideoFrameCallback !== 'function') {
      const timer = setInterval(() => !element.paused && invalidate(), 1000 / 30);
      return () => clearInterval(timer);
    }
    let handle = element.requestVideoFrameCallback(function onFrame() {
      invalidate();
      handle = element.requestVideoFrameCallback(onFrame);
    });
    return () => element.cancelVideoFrameCallback(handle);
  }, [video, invalidate]);
}
