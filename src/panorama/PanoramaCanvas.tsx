// The 360°/180° view as an R3F canvas: each location's video on the inside of a sphere (or hemisphere), the
// camera driven by a LookController, a crossfade between locations, and stereo footage split by eye.
// Renders on demand — once per new video frame, view change or fade step — instead of at display rate.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { FrontSide, SRGBColorSpace, SphereGeometry, VideoTexture, type PerspectiveCamera } from 'three';
import type { LocationPlayback, TourPlayer } from '../tour/tour-player';
import type { Projection, StereoLayout } from '../tour/tour-schema';
import type { LookController } from './look-controller';
import { eyeWindow, type Eye } from './projection';

const DEG = Math.PI / 180;
/** Three.js layers the XR cameras use for each eye; a flat screen shows the left eye's. */
const EYE_LAYER: Record<Eye, number> = { left: 1, right: 2 };

export interface PanoramaCanvasProps {
  player: TourPlayer;
  look: LookController;
  /** Called after each drawn frame, e.g. to move hotspot overlays with the view. */
  onFrame?: (width: number, height: number, videoSeconds: number) => void;
}

export default function PanoramaCanvas({ player, look, onFrame }: PanoramaCanvasProps) {
  const state = useSyncExternalStore(
    (listener) => player.subscribe(listener),
    () => player.state,
  );
  return (
    <Canvas
      frameloop="demand"
      // Cap the pixel ratio: a 360 video is never sharper than its source, and fill rate is the cost.
      dpr={[1, 1.5]}
      gl={{ antialias: false, powerPreference: 'high-performance' }}
      camera={{ fov: look.fov, near: 0.1, far: 100, position: [0, 0, 0] }}
      onCreated={({ gl }) => player.setRenditionLimits({ maxTextureSize: gl.capabilities.maxTextureSize })}
    >
      <LocationSphere key={state.current.location.id} playback={state.current} fade={null} />
      {state.previous && <LocationSphere key={`${state.previous.location.id}-out`} playback={state.previous} fade={{ player }} />}
      <LookCamera look={look} player={player} onFrame={onFrame} />
    </Canvas>
  );
}

/** One location's footage; the outgoing one (`fade`) draws on top and fades out once the new one shows. */
function LocationSphere({ playback, fade }: { playback: LocationPlayback; fade: { player: TourPlayer } | null }) {
  const { projection, stereo } = playback.location;
  const video = playback.session.video;
  const geometry = useSphere(projection);
  const invalidate = useThree((s) => s.invalidate);
  const eyes: Eye[] = stereo === 'mono' ? ['left'] : ['left', 'right'];
  const materials = useRef<{ opacity: number }[]>([]);

  useVideoFrames(video, invalidate);
  useFrame(() => {
    if (!fade) return;
    const { fadeStartedAt } = fade.player.state;
    const t = fadeStartedAt === null ? 0 : Math.min(1, (performance.now() - fadeStartedAt) / fade.player.fadeMs);
    for (const material of materials.current) material.opacity = 1 - t;
    if (t < 1) invalidate();
  });

  return (
    <>
      {eyes.map((eye, i) => (
        <EyeMesh
          key={eye}
          video={video}
          stereo={stereo}
          eye={eye}
          geometry={geometry}
          // Mono footage is the same for both eyes: layer 0, seen by every camera.
          layer={stereo === 'mono' ? 0 : EYE_LAYER[eye]}
          onTop={fade !== null}
          materialRef={(m) => {
            if (m) materials.current[i] = m;
          }}
        />
      ))}
    </>
  );
}

function EyeMesh(props: {
  video: HTMLVideoElement;
  stereo: StereoLayout;
  eye: Eye;
  geometry: SphereGeometry;
  layer: number;
  onTop: boolean;
  materialRef: (material: { opacity: number } | null) => void;
}) {
  const { video, stereo, eye, geometry, layer, onTop, materialRef } = props;
  const texture = useMemo(() => {
    const t = new VideoTexture(video);
    // Video frames are sRGB; without this the set looks washed out.
    t.colorSpace = SRGBColorSpace;
    const window = eyeWindow(stereo, eye);
    t.offset.set(...window.offset);
    t.repeat.set(...window.repeat);
    return t;
  }, [video, stereo, eye]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    // The quarter turn puts the footage's centre straight ahead (-Z), where an unrotated camera looks.
    <mesh geometry={geometry} rotation-y={-Math.PI / 2} layers={layer} renderOrder={onTop ? 1 : 0}>
      <meshBasicMaterial ref={materialRef} map={texture} side={FrontSide} toneMapped={false} transparent={onTop} depthTest={!onTop} depthWrite={!onTop} />
    </mesh>
  );
}

/**
 * A sphere (360) or the front hemisphere (180), mirrored in x so its faces point inward with the footage reading
 * left to right. Mirrored on the geometry, not with a negative object scale: three.js flips the front face for a
 * mirrored object, which would show the outside again. The back of a 180 view stays dark (the clear colour).
 */
function useSphere(projection: Projection): SphereGeometry {
  const geometry = useMemo(
    () => (projection === 'equirect360' ? new SphereGeometry(50, 64, 32) : new SphereGeometry(50, 32, 32, Math.PI / 2, Math.PI)).scale(-1, 1, 1),
    [projection],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}

/** Draws once per decoded video frame, not at display rate. */
function useVideoFrames(video: HTMLVideoElement, invalidate: () => void): void {
  useEffect(() => {
    const element: HTMLVideoElement = video;
    // Firefox has no requestVideoFrameCallback: poll at the footage's usual rate instead.
    if (typeof element.requestVideoFrameCallback !== 'function') {
      const timer = setInterval(() => !element.paused && invalidate(), 1000 / 30);
      return () => clearInterval(timer);
    }
    let handle = 0;
    const onFrame = () => {
      invalidate();
      handle = element.requestVideoFrameCallback(onFrame);
    };
    handle = element.requestVideoFrameCallback(onFrame);
    return () => element.cancelVideoFrameCallback(handle);
  }, [video, invalidate]);
}

function LookCamera({ look, player, onFrame }: { look: LookController; player: TourPlayer; onFrame: PanoramaCanvasProps['onFrame'] }) {
  const invalidate = useThree((state) => state.invalidate);
  const lastFrame = useRef<number | null>(null);
  useEffect(() => look.subscribe(() => invalidate()), [look, invalidate]);
  useFrame((state) => {
    const camera = state.camera as PerspectiveCamera;
    // A flat screen shows the left eye of stereo footage (and mono footage, on layer 0).
    camera.layers.enable(EYE_LAYER.left);
    const now = performance.now();
    if (look.update(now - (lastFrame.current ?? now), now)) invalidate();
    lastFrame.current = now;
    camera.rotation.set(look.pitch * DEG, -look.yaw * DEG, 0, 'YXZ');
    if (camera.fov !== look.fov) {
      camera.fov = look.fov;
      camera.updateProjectionMatrix();
    }
    onFrame?.(state.size.width, state.size.height, player.state.current.session.video.currentTime);
  });
  return null;
}
