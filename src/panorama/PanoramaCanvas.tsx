// The 360°/180° view as an R3F canvas: each location's video on the inside of a sphere (or hemisphere), the
// camera driven by a LookController, a crossfade between locations, and stereo footage split by eye.
// Renders on demand — once per new video frame, view change or fade step — instead of at display rate.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { PerspectiveCamera } from 'three';
import type { TourPlayer } from '../tour/tour-player';
import type { LookController } from './look-controller';
import { EYE_LAYER, VideoSpheres } from './VideoSpheres';

const DEG = Math.PI / 180;

export interface PanoramaCanvasProps {
  player: TourPlayer;
  look: LookController;
  /** Called after each drawn frame, e.g. to move hotspot overlays with the view. */
  onFrame?: (width: number, height: number, videoSeconds: number) => void;
  /** Highest device pixel ratio to render at (default 1.5; the TV passes 1: its GPU fills a 4K panel slowly). */
  maxDpr?: number;
  /** More scene content inside the canvas, e.g. the TV's check that the video texture really shows pixels. */
  children?: ReactNode;
}

export default function PanoramaCanvas({ player, look, onFrame, maxDpr = 1.5, children }: PanoramaCanvasProps) {
  const state = useSyncExternalStore(
    (listener) => player.subscribe(listener),
    () => player.state,
  );
  return (
    <Canvas
      frameloop="demand"
      // Cap the pixel ratio: a 360 video is never sharper than its source, and fill rate is the cost.
      dpr={[1, maxDpr]}
      gl={{ antialias: false, powerPreference: 'high-performance' }}
      camera={{ fov: look.fov, near: 0.1, far: 100, position: [0, 0, 0] }}
      onCreated={({ gl }) => player.setRenditionLimits({ maxTextureSize: gl.capabilities.maxTextureSize })}
    >
      <VideoSpheres state={state} fadeMs={player.fadeMs} />
      <LookCamera look={look} player={player} onFrame={onFrame} />
      {children}
    </Canvas>
  );
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
