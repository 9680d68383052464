// The 360°/180° view for React pages (desktop tour, meet-up stage, TV sphere): a thin binding over
// PanoramaRenderer, which owns the canvas, draws on demand and never re-renders React per frame.
import { createContext, Suspense, useCallback, useContext, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { TourPlayer } from '../tour/tour-player';
import type { LookController } from '../panorama/look-controller';
import { PanoramaRenderer } from '../panorama/panorama-renderer';

// The entry warms the renderer up once this chunk is in and the start stream's requests are out (src/app/early-start.ts).
export { warmUpRenderer } from '../panorama/panorama-renderer';

export interface PanoramaCanvasProps {
  player: TourPlayer;
  look: LookController;
  /** Called after each drawn frame, e.g. to move hotspot overlays with the view. */
  onFrame?: (width: number, height: number, videoSeconds: number) => void;
  /** Highest device pixel ratio to render at (default 1.5; the TV passes 1: its GPU fills a 4K panel slowly). */
  maxDpr?: number;
  /** Told when this browser gives no WebGL (the TV then switches to its flat view). */
  onUnavailable?: () => void;
  /** Shown instead of the view when there is no WebGL, e.g. a notice saying so. */
  fallback?: ReactNode;
  /** Parts that work on the drawn frames through usePanorama(), e.g. the TV's check that the video really shows. */
  children?: ReactNode;
}

const PanoramaContext = createContext<PanoramaRenderer | null>(null);

/** The view a PanoramaCanvas child belongs to (null outside one). */
export function usePanorama(): PanoramaRenderer | null {
  return useContext(PanoramaContext);
}

const HOST_STYLE: CSSProperties = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' };

export default function PanoramaCanvas({ player, look, onFrame, maxDpr = 1.5, onUnavailable, fallback, children }: PanoramaCanvasProps) {
  const [view, setView] = useState<PanoramaRenderer | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  // The latest props without rebuilding the view: callers pass new closures on every render.
  const latest = useRef({ onFrame, onUnavailable, look });
  useEffect(() => {
    latest.current = { onFrame, onUnavailable, look };
  });

  // A ref callback (with React 19's cleanup) rather than an effect: the view lives exactly as long as its host.
  const attach = useCallback(
    (host: HTMLDivElement | null) => {
      if (!host) return undefined;
      let created: PanoramaRenderer;
      try {
        created = new PanoramaRenderer(host, {
          player,
          look: latest.current.look,
          maxDpr,
          onFrame: (width, height, seconds) => latest.current.onFrame?.(width, height, seconds),
        });
      } catch {
        // No WebGL (blocked, no GPU process, too many contexts): say so instead of an empty black view.
        setUnavailable(true);
        latest.current.onUnavailable?.();
        return undefined;
      }
      setView(created);
      return () => {
        setView(null);
        created.dispose();
      };
    },
    [player, maxDpr],
  );

  useEffect(() => view?.setLook(look), [view, look]);

  return (
    <>
      <div ref={attach} style={HOST_STYLE}>
        {unavailable && fallback}
      </div>
      {view && (
        <PanoramaContext value={view}>
          {/* A lazy child must not suspend the view itself: that would detach the host and rebuild the renderer. */}
          <Suspense fallback={null}>{children}</Suspense>
        </PanoramaContext>
      )}
    </>
  );
}
