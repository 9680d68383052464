// The hotspots of the location on screen as objects on the set, ~8 m away at their yaw/pitch: select one with a
// controller ray (trigger), a hand (pinch) or a transient pointer (look and pinch), or by resting the gaze on it
// until the ring around it fills (~1.2 s). Either way the tour player moves there; the view is never turned.
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { DoubleSide, Raycaster, RingGeometry, type Mesh, type Object3D } from 'three';
import { directionOf } from '../../panorama/projection';
import { useI18n } from '../../react/AppContext';
import { isHotspotShown } from '../../tour/hotspot-timing';
import type { TourPlayer } from '../../tour/tour-player';
import type { Hotspot, TourLocation } from '../../protocol/tour-schema';
import { GazeDwell } from '../../xr/gaze-dwell';
import { layoutHotspotLabel } from '../../xr/panel-layout';
import type { HeadPose } from './head-pose';
import type { GazeReport } from './xr-hook';
import { useCanvasTexture } from './useCanvasTexture';

export const HOTSPOT_DISTANCE_M = 8;
/** Label canvas 512×256 px on a 2 m × 1 m plane: about 14° wide at 8 m, an easy target for a ray or the gaze. */
const SIZE_M: [number, number] = [2, 1];
/** The ring drawn on the canvas, in plane metres from the centre (canvas y 60 of 256 → 0.27 m above the centre). */
const RING = { y: 0.27, inner: 0.19, outer: 0.25 };


interface Entry {
  mesh: Mesh;
  hotspot: Hotspot;
}

export function XrHotspots(props: {
  player: TourPlayer;
  location: TourLocation;
  video: HTMLVideoElement;
  head: HeadPose;
  gazeEnabled: boolean;
  /** A nearer thing (the location list) that stops the gaze ray before it reaches a hotspot. */
  gazeBlocker?: RefObject<Object3D | null>;
  onGaze?: (report: GazeReport) => void;
}) {
  const { player, location, video, head, gazeEnabled, gazeBlocker, onGaze } = props;
  const entries = useRef(new Map<string, Entry>());
  const dwell = useMemo(() => new GazeDwell<string>(), []);
  const ray = useMemo(() => new Raycaster(), []);
  const ring = useRef<Mesh<RingGeometry>>(null);
  const ringGeometry = useMemo(() => new RingGeometry(RING.inner, RING.outer, 48, 1, Math.PI / 2, -2 * Math.PI), []);
  useEffect(() => () => ringGeometry.dispose(), [ringGeometry]);
  // A new location: whatever was being dwelt on is gone.
  useEffect(() => dwell.reset(), [dwell, location]);

  useFrame(() => {
    const now = performance.now();
    const shown: Mesh[] = [];
    for (const { mesh, hotspot } of entries.current.values()) {
      const visible = isHotspotShown(hotspot, video.currentTime);
      mesh.visible = visible;
      // Hidden hotspots must not catch rays either.
      mesh.pointerEvents = visible ? 'auto' : 'none';
      if (visible) shown.push(mesh);
    }
    let hit: string | null = null;
    if (gazeEnabled) {
      ray.set(head.position, head.forward);
      const blocker = gazeBlocker?.current;
      const [first] = ray.intersectObjects(blocker ? [...shown, blocker] : shown, false);
      hit = (first?.object.userData as { key?: string } | undefined)?.key ?? null;
    }
    const state = dwell.update(hit, now);
    const target = state.target ? entries.current.get(state.target) : undefined;
    if (ring.current) {
      ring.current.visible = target !== undefined && state.progress > 0;
      if (target) {
        ring.current.position.copy(target.mesh.position);
        ring.current.quaternion.copy(target.mesh.quaternion);
        ring.current.translateY(RING.y);
        ring.current.translateZ(0.01);
        // The ring fills clockwise from the top: draw that share of its 48 segments (6 indices each).
        ring.current.geometry.setDrawRange(0, Math.ceil(state.progress * 48) * 6);
      }
    }
    onGaze?.({ target: state.target, progress: state.progress });
    if (state.selected && target) player.goTo(target.hotspot.target);
  });

  return (
    <>
      {location.hotspots.map((hotspot, i) => {
        const key = `${location.id}:${i}`;
        return (
          <HotspotMarker
            key={key}
            id={key}
            hotspot={hotspot}
            player={player}
            register={(mesh) => {
              if (mesh) entries.current.set(key, { mesh, hotspot });
              else entries.current.delete(key);
            }}
          />
        );
      })}
      <mesh ref={ring} geometry={ringGeometry} visible={false} renderOrder={3}>
        <meshBasicMaterial color="#ffffff" side={DoubleSide} transparent opacity={0.95} depthTest={false} depthWrite={false} toneMapped={false} />
      </mesh>
    </>
  );
}

function HotspotMarker({ id, hotspot, player, register }: { id: string; hotspot: Hotspot; player: TourPlayer; register: (mesh: Mesh | null) => void }) {
  const i18n = useI18n();
  const label = i18n.pick(hotspot.label);
  const surface = useCanvasTexture(512, 256);
  useEffect(() => surface.paint(layoutHotspotLabel(label, i18n.language, surface.measure)), [label, i18n, surface]);
  const position = useMemo(() => directionOf(hotspot.yaw, hotspot.pitch).map((v) => v * HOTSPOT_DISTANCE_M) as [number, number, number], [hotspot]);
  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    player.goTo(hotspot.target);
  };
  return (
    <mesh
      ref={(mesh) => {
        if (mesh) mesh.lookAt(0, 0, 0);
        register(mesh);
      }}
      position={position}
      userData={{ key: id, target: hotspot.target }}
      renderOrder={2}
      onClick={select}
      onPointerEnter={() => player.preload(hotspot.target)}
    >
      <planeGeometry args={SIZE_M} />
      <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
