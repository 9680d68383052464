// The tour's locations as a panel beside the milestone panel (placed by WorldPanels): select a row with a
// controller ray (trigger), a hand (pinch), a transient pointer (look and pinch: the same select events reach
// the same onClick) or by resting the gaze on it until its bar fills. The tour player then moves there with its
// usual fade; the view is never turned, so the head keeps facing where it did. One canvas, one mesh: the row is
// found from the hit's texture coordinates (entryAtUv), and the canvas is redrawn only when the location, the
// page or the highlighted row changes. A long tour shows one page at a time; previous / next answer the same
// rays, pinches and gaze as the rows.
import { useFrame, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Raycaster, Vector3, type Mesh, type Object3D } from 'three';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';
import type { TourPlayer } from '../../tour/tour-player';
import { GazeDwell } from '../../xr/gaze-dwell';
import { entryAtUv, entryCentreUv, layoutLocationList, locationListModel, locationListSize, LIST_LAYOUT, PAGE_NEXT, PAGE_PREVIOUS, pageRange } from '../../xr/location-list';
import type { HeadPose } from './head-pose';
import { useCanvasTexture } from './useCanvasTexture';
import type { XrHook } from './xr-hook';

/**
 * Metres per canvas pixel: a little denser than the milestone panel (1.5 m for 1024 px), so the list stays within
 * about 30° of the panel's centre, where reading it does not make the panels follow the gaze (35°).
 */
const METRES_PER_PX = 1.25 / 1024;
const DEG = 180 / Math.PI;

export function locationListWidthM(): number {
  return LIST_LAYOUT.width * METRES_PER_PX;
}

export function LocationListPanel(props: {
  player: TourPlayer;
  head: HeadPose;
  hook: XrHook;
  position: [number, number, number];
  rotationY: number;
  /** Takes the list's mesh for the hotspots' gaze to stop at (it is nearer than any hotspot behind it). */
  registerBlocker: (mesh: Object3D | null) => void;
}) {
  const { player, head, hook, position, rotationY, registerBlocker } = props;
  const i18n = useI18n();
  const { current } = usePlayerState(player);
  // The page on show: the one holding the location on screen until the person turns a page.
  const [turned, setTurned] = useState<{ locationId: string; page: number } | null>(null);
  const page = turned?.locationId === current.location.id ? turned.page : undefined;
  const model = useMemo(() => locationListModel(player.tour, current.location.id, i18n, page), [player, current.location.id, i18n, page]);
  const count = model.entries.length;
  const turnPage = (target: string) => setTurned({ locationId: current.location.id, page: model.page + (target === PAGE_NEXT ? 1 : -1) });
  const { width, height } = locationListSize(count);
  const size: [number, number] = [width * METRES_PER_PX, height * METRES_PER_PX];
  const surface = useCanvasTexture(width, height);
  useEffect(() => hook.registerSurface('locations', surface), [hook, surface]);

  // What is highlighted: a pointer's hover wins over the gaze (it is the more deliberate of the two).
  const hovered = useRef<string | null>(null);
  const gazed = useRef<string | null>(null);
  const painted = useRef<{ model: typeof model; highlighted: string | null } | null>(null);
  const repaint = () => {
    const highlighted = hovered.current ?? gazed.current;
    if (painted.current?.model === model && painted.current.highlighted === highlighted) return;
    surface.paint(layoutLocationList(model, surface.measure, highlighted));
    painted.current = { model, highlighted };
    hook.setLocationList({ highlighted });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- repaint reads the latest model; it runs when that changes
  useEffect(repaint, [model, surface]);

  /** A location id, PAGE_PREVIOUS / PAGE_NEXT, or null. */
  const idAt = (uv: { x: number; y: number } | undefined) => {
    const target = uv ? entryAtUv(count, uv.x, uv.y, model.page) : null;
    return typeof target === 'number' ? (model.entries[target]?.id ?? null) : target;
  };
  const isPager = (target: string) => target === PAGE_PREVIOUS || target === PAGE_NEXT;
  const choose = (target: string) => (isPager(target) ? turnPage(target) : player.goTo(target));
  const select = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    const id = idAt(event.uv);
    if (id) choose(id);
  };
  const hover = (event: ThreeEvent<PointerEvent>) => {
    const id = idAt(event.uv);
    if (id === hovered.current) return;
    hovered.current = id;
    if (id && !isPager(id)) player.preload(id);
    repaint();
  };
  const leave = () => {
    hovered.current = null;
    repaint();
  };

  const mesh = useRef<Mesh>(null);
  const bar = useRef<Mesh>(null);
  const dwell = useMemo(() => new GazeDwell<string>(), []);
  const ray = useMemo(() => new Raycaster(), []);
  const point = useMemo(() => new Vector3(), []);
  useEffect(() => dwell.reset(), [dwell, current.location.id, model.page]);

  useFrame(() => {
    if (!mesh.current) return;
    ray.set(head.position, head.forward);
    const [hit] = ray.intersectObject(mesh.current, false);
    const state = dwell.update(idAt(hit?.uv), performance.now());
    if (state.target !== gazed.current) {
      gazed.current = state.target;
      repaint();
    }
    if (state.selected) choose(state.selected);
    // The dwell bar under the row (or pager button) being looked at, growing from the row's left edge.
    const index = state.target === null ? -1 : model.entries.findIndex((e) => e.id === state.target);
    const aimed = index >= 0 ? index : state.target === PAGE_PREVIOUS || state.target === PAGE_NEXT ? state.target : null;
    if (bar.current) {
      bar.current.visible = aimed !== null && state.progress > 0;
      if (aimed !== null) {
        const { v } = entryCentreUv(count, aimed);
        const rowWidth = size[0] - 2 * LIST_LAYOUT.pad * METRES_PER_PX;
        bar.current.scale.set(Math.max(0.001, state.progress), 1, 1);
        bar.current.position.set(-rowWidth / 2 + (rowWidth * state.progress) / 2, (v - 0.5) * size[1] - (LIST_LAYOUT.row / 2 - 10) * METRES_PER_PX, 0.005);
      }
    }
    // Where each row of the page on show (and each pager button that leads somewhere) is as seen from the head,
    // for tests to aim at (and a stats overlay to show).
    const where = (id: string, target: number | typeof PAGE_PREVIOUS | typeof PAGE_NEXT) => {
      const { u, v } = entryCentreUv(count, target);
      mesh.current!.localToWorld(point.set((u - 0.5) * size[0], (v - 0.5) * size[1], 0)).sub(head.position);
      return { id, yaw: Math.atan2(point.x, -point.z) * DEG, pitch: Math.asin(point.y / point.length()) * DEG };
    };
    const [first, end] = pageRange(count, model.page);
    const rows = model.entries.slice(first, end).map((entry, i) => where(entry.id, first + i));
    if (model.page > 0) rows.push(where(PAGE_PREVIOUS, PAGE_PREVIOUS));
    if (model.page < model.pages - 1) rows.push(where(PAGE_NEXT, PAGE_NEXT));
    hook.setLocationList({ gaze: { target: state.target, progress: state.progress }, page: model.page, pages: model.pages, entries: rows });
  });

  return (
    <group position={position} rotation-y={rotationY}>
      <mesh
        ref={(m) => {
          mesh.current = m;
          registerBlocker(m);
        }}
        renderOrder={2}
        userData={{ panel: 'locations' }}
        onClick={select}
        onPointerMove={hover}
        onPointerLeave={leave}
      >
        <planeGeometry args={size} />
        <meshBasicMaterial map={surface.texture} transparent depthWrite={false} toneMapped={false} />
      </mesh>
      <mesh ref={bar} visible={false} renderOrder={3}>
        <planeGeometry args={[size[0] - 2 * LIST_LAYOUT.pad * METRES_PER_PX, 6 * METRES_PER_PX]} />
        <meshBasicMaterial color="#ffb547" transparent depthTest={false} depthWrite={false} toneMapped={false} />
      </mesh>
    </group>
  );
}
