// The 360° view as an R3F canvas: the video on the inside of a sphere, the camera driven by a LookController.
// Renders on demand — once per new video frame or view change — instead of at display rate.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { FrontSide, SRGBColorSpace, SphereGeometry, VideoTexture, type PerspectiveCamera } from 'three';
import type { LookController } from './look-controller';

const DEG = Math.PI / 180;

export interface PanoramaCanvasProps {
  video: HTMLVideoElement;
  look: LookController;
}

export default function PanoramaCanvas({ video, look }: PanoramaCanvasProps) {
  return (
    <Canvas
      frameloop="demand"
      // Cap the pixel ratio: a 360 video is never sharper than its source, and fill rate is the cost.
      dpr={[1, 1.5]}
      gl={{ antialias: false, powerPreference: 'high-performance' }}
      camera={{ fov: look.fov, near: 0.1, far: 100, position: [0, 0, 0] }}
    >
      <VideoSphere video={video} />
      <LookCamera look={look} />
    </Canvas>
  );
}

/** A sphere seen from inside, textured with the equirect video; u = 0.5 (the footage's centre) faces -Z. */
function VideoSphere({ video }: { video: HTMLVideoElement }) {
  const invalidate = useThree((state) => state.invalidate);
  const texture = useMemo(() => {
    const t = new VideoTexture(video);
    // Video frames are sRGB; without this the set looks washed out.
    t.colorSpace = SRGBColorSpace;
    return t;
  }, [video]);
  // Mirrored in x so its faces point inward with the footage reading left to right from the centre (as in
  // three.js's panorama example). Done on the geometry, not with a negative object scale: three.js flips the
  // front face for a mirrored object, which would show the outside again.
  const geometry = useMemo(() => new SphereGeometry(50, 64, 32).scale(-1, 1, 1), []);
  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => () => geometry.dispose(), [geometry]);

  // Draw once per decoded video frame, not at display rate.
  useEffect(() => {
    // Firefox has no requestVideoFrameCallback: poll at the footage's usual rate instead.
    const element: HTMLVideoElement = video;
    if (!('requestVideoFrameCallback' in element)) {
      const timer = setInterval(() => !(element as HTMLVideoElement).paused && invalidate(), 1000 / 30);
      return () => clearInterval(timer);
    }
    let handle = 0;
    const onFrame = () => {
      invalidate();
      handle = video.requestVideoFrameCallback(onFrame);
    };
    handle = video.requestVideoFrameCallback(onFrame);
    return () => video.cancelVideoFrameCallback(handle);
  }, [video, invalidate]);

  return (
    // The quarter turn puts the footage's centre straight ahead (-Z), where an unrotated camera looks.
    <mesh geometry={geometry} rotation-y={-Math.PI / 2}>
      <meshBasicMaterial map={texture} side={FrontSide} toneMapped={false} />
    </mesh>
  );
}

function LookCamera({ look }: { look: LookController }) {
  const invalidate = useThree((state) => state.invalidate);
  const lastFrame = useRef<number | null>(null);
  useEffect(() => look.subscribe(() => invalidate()), [look, invalidate]);
  useFrame((state) => {
    const camera = state.camera as PerspectiveCamera;
    const now = performance.now();
    if (look.update(now - (lastFrame.current ?? now), now)) invalidate();
    lastFrame.current = now;
    camera.rotation.set(look.pitch * DEG, -look.yaw * DEG, 0, 'YXZ');
    if (camera.fov !== look.fov) {
      camera.fov = look.fov;
      camera.updateProjectionMatrix();
    }
  });
  return null;
}
