// The media-layer path: the location's <video> in a WebXR equirect media layer, composited by the browser under
// the WebGL scene (hotspots, panel, captions stay on top). A layer cannot fade, so a location change swaps layers
// once the new video shows its first frame and fades in from black with a veil drawn in the scene.
import { useFrame } from '@react-three/fiber';
import { useXR, useXRStore, type XRStore } from '@react-three/xr';
import { useEffect, useRef, useState } from 'react';
import { BackSide, type Group, type MeshBasicMaterial, type Mesh } from 'three';
import type { LocationPlayback, TourPlayerState } from '../../tour/tour-player';
import { equirectLayerShape } from '../../xr/video-path';

export function MediaLayerVideo({ state, fadeMs }: { state: TourPlayerState; fadeMs: number }) {
  // The outgoing location keeps the layer until the new one shows a picture (the player then starts its fade).
  const shown = state.previous && state.fadeStartedAt === null ? state.previous : state.current;
  return (
    <>
      <EquirectMediaLayer playback={shown} />
      <FadeVeil startedAt={state.previous ? state.fadeStartedAt : null} fadeMs={fadeMs} />
    </>
  );
}

function EquirectMediaLayer({ playback }: { playback: LocationPlayback }) {
  const store = useXRStore();
  const space = useXR((s) => s.originReferenceSpace);
  const binding = useXR((s) => s.mediaBinding);
  const anchor = useRef<Group>(null);
  const { video } = playback.session;
  const { location } = playback;
  // A new layer when the picture size changes (ABR switching renditions): some implementations, such as the
  // WebXR Layers polyfill, size the layer's texture from the first frame and stop updating after a switch.
  const size = useVideoSize(video);

  useEffect(() => {
    if (!binding || !space || !anchor.current || !size) return;
    const shape = equirectLayerShape(location);
    const layer = binding.createEquirectLayer(video, { space, ...shape, transform: new XRRigidTransform() });
    // The same angles again as attributes: some browsers read these rather than the init (as @react-three/xr does).
    layer.centralHorizontalAngle = shape.centralHorizontalAngle;
    layer.upperVerticalAngle = shape.upperVerticalAngle;
    layer.lowerVerticalAngle = shape.lowerVerticalAngle;
    const entry = { layer, renderOrder: -1, object3D: anchor.current };
    // The store keeps session.renderState.layers in order: media layers first, the WebGL scene last (on top).
    store.addLayerEntry(entry);
    return () => {
      store.removeLayerEntry(entry);
      destroyWhenSwapped(store, layer);
    };
  }, [binding, space, video, location, size, store]);

  return <group ref={anchor} />;
}

/** Destroys a layer once the render state no longer lists it (the store updates it in the next frame). */
function destroyWhenSwapped(store: XRStore, layer: XRCompositionLayer): void {
  const destroy = () => {
    if (store.getState().session) layer.destroy();
  };
  void store
    .requestFrame()
    .then(() => store.requestFrame())
    .then(destroy);
}

/** "width×height" of the video's frames once known, else null (a layer needs the video's metadata). */
function useVideoSize(video: HTMLVideoElement): string | null {
  const [size, setSize] = useState(() => videoSize(video));
  useEffect(() => {
    const update = () => setSize(videoSize(video));
    update();
    for (const event of ['loadedmetadata', 'resize', 'emptied']) video.addEventListener(event, update);
    return () => {
      for (const event of ['loadedmetadata', 'resize', 'emptied']) video.removeEventListener(event, update);
    };
  }, [video]);
  return size;
}

/** Black around the head, fading out over `fadeMs` from when the new location showed; drawn only while fading. */
function FadeVeil({ startedAt, fadeMs }: { startedAt: number | null; fadeMs: number }) {
  const mesh = useRef<Mesh>(null);
  const material = useRef<MeshBasicMaterial>(null);
  useFrame(() => {
    if (!mesh.current || !material.current) return;
    const t = startedAt === null ? 1 : (performance.now() - startedAt) / fadeMs;
    mesh.current.visible = t < 1;
    material.current.opacity = 1 - Math.max(0, Math.min(1, t));
  });
  return (
    <mesh ref={mesh} visible={false} renderOrder={-1}>
      <sphereGeometry args={[20, 16, 8]} />
      <meshBasicMaterial ref={material} color="black" side={BackSide} transparent depthTest={false} depthWrite={false} />
    </mesh>
  );
}

function videoSize(video: HTMLVideoElement): string | null {
  return video.readyState >= HTMLMediaElement.HAVE_METADATA && video.videoWidth > 0 ? `${video.videoWidth}×${video.videoHeight}` : null;
}
