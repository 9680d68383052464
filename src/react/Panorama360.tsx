// The one React binding of the 360 view (src/panorama/panorama-view.ts), used by the desktop tour, the desktop
// meet-up stage, the TV's "Watch the set" and the TV meet-up stage: `usePanoramaView` owns the view for a player and
// a mode (sphere or flat-pan), `<Panorama360>` gives it its host. Nothing here renders per frame: the view moves
// its hotspots and reports the view direction by itself.
import { useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { WebGLRenderer } from 'three';
import { PanoramaView, type PanoramaMode } from '../panorama/panorama-view';
import type { TourPlayer } from '../tour/tour-player';
import PanoramaCanvas, { loadSphereRenderer } from './PanoramaCanvas';
import { usePlayerState } from './useTourPlayer';
import { useViewDirectionTracker } from './useViewDirection';

/** Starts loading the sphere's chunk (plain three.js) now: the desktop does, as its shell loads. A flat view never
 * fetches it: PanoramaCanvas loads it only when a sphere is shown. */
export function preloadSphere(): Promise<void> {
  return loadSphereRenderer().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The 360 view of `player` in `mode` (DESKTOP_SPHERE, TV_SPHERE, or the TV's FLAT_PAN_MODE; pass module constants:
 * a new mode makes a new view). It reports the app's view direction.
 */
export function usePanoramaView(player: TourPlayer, mode: PanoramaMode): PanoramaView {
  const direction = useViewDirectionTracker();
  // Making a view has no effects (no listeners, no DOM): following the player starts in the effect.
  const view = useMemo(() => new PanoramaView(player, mode, direction), [player, mode, direction]);
  useEffect(() => view.start(), [view]);
  return view;
}

export interface Panorama360Props {
  view: PanoramaView;
  /** The host's class (the TV's watch-sphere / watch-flat); without one it fills its parent. */
  className?: string;
  /** Sphere only: told when this browser gives no WebGL (the TV then switches to its flat view). */
  onUnavailable?: () => void;
  /** Sphere only: shown instead of the view when there is no WebGL. */
  fallback?: ReactNode;
  /** Sphere only: the renderer the page's entry made ahead (its warm start), taken when the sphere is made. */
  takeWarmRenderer?: () => WebGLRenderer | null;
  /** Sphere only: parts that work on the drawn frames through usePanorama() (the TV's pixel check). */
  children?: ReactNode;
}

const FILL: CSSProperties = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' };

export function Panorama360({ view, className, onUnavailable, fallback, takeWarmRenderer, children }: Panorama360Props) {
  const { current } = usePlayerState(view.player);
  const hostRef = useRef<HTMLDivElement>(null);
  // A layout effect: on a switch from the sphere to the flat view, the sphere's host lets go of the video and the
  // flat view takes it in the same task, so the video never sits outside the page (where the browser pauses it).
  useLayoutEffect(() => (hostRef.current ? view.show(hostRef.current) : undefined), [view, current]);
  const mode = view.mode;
  return (
    <div key={mode.kind} ref={hostRef} className={className} style={className ? undefined : FILL}>
      {mode.kind === 'sphere' && (
        <PanoramaCanvas view={view} maxDpr={mode.maxDpr} onUnavailable={onUnavailable} fallback={fallback} takeWarmRenderer={takeWarmRenderer}>
          {children}
        </PanoramaCanvas>
      )}
    </div>
  );
}
