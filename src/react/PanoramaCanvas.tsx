// The 360 view's WebGL sphere for React: a thin binding over PanoramaRenderer, which owns the canvas, draws on demand
// and never re-renders React per frame. Panorama360 renders it for a sphere view. The binding is small and comes with
// Panorama360; plain three.js (panorama-renderer and its chunk) loads on demand, so a flat view never fetches it. The
// page's entry starts that chunk with the tour file (app/early-start.ts): by the time React renders the view it is
// usually in, and the renderer is made in the same commit, with no chunk request of its own on the first frame's path.
import { createContext, Suspense, useCallback, useContext, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { WebGLRenderer } from 'three';
import type * as RendererChunk from '../panorama/panorama-renderer';
import type { PanoramaRenderer } from '../panorama/panorama-renderer';
import type { PanoramaView } from '../panorama/panorama-view';

type RendererModule = typeof RendererChunk;
let rendererModule: RendererModule | null = null;
let loadingRenderer: Promise<RendererModule> | null = null;

/** Starts loading the sphere's three.js chunk now (idempotent; the desktop does, as its shell loads). */
export function loadSphereRenderer(): Promise<RendererModule> {
  return (loadingRenderer ??= import('../panorama/panorama-renderer').then(
    (module) => (rendererModule = module),
    (error: unknown) => {
      // A later view asks again (the network may be back).
      loadingRenderer = null;
      throw error;
    },
  ));
}

export interface PanoramaCanvasProps {
  view: PanoramaView;
  /** Highest device pixel ratio to draw at (the sphere mode's). */
  maxDpr: number;
  /** Told when this browser gives no WebGL (the TV then switches to its flat view). */
  onUnavailable?: (() => void) | undefined;
  /** Shown instead of the view when there is no WebGL, e.g. a notice saying so. */
  fallback?: ReactNode;
  /** The renderer the page's entry made ahead (its warm start), taken when the view is made. */
  takeWarmRenderer?: () => WebGLRenderer | null;
  /** Parts that work on the drawn frames through usePanorama(), e.g. the TV's check that the video really shows. */
  children?: ReactNode;
}

const PanoramaContext = createContext<PanoramaRenderer | null>(null);

/** The renderer a PanoramaCanvas child belongs to (null outside one). */
export function usePanorama(): PanoramaRenderer | null {
  return useContext(PanoramaContext);
}

const HOST_STYLE: CSSProperties = { position: 'relative', width: '100%', height: '100%', overflow: 'hidden' };

export default function PanoramaCanvas({ view, maxDpr, onUnavailable, fallback, takeWarmRenderer, children }: PanoramaCanvasProps) {
  const [renderer, setRenderer] = useState<PanoramaRenderer | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  // The latest callback without rebuilding the renderer: callers pass a new closure on every render.
  const latest = useRef(onUnavailable);
  useEffect(() => {
    latest.current = onUnavailable;
  });

  // A ref callback (with React 19's cleanup) rather than an effect: the renderer lives exactly as long as its host.
  const attach = useCallback(
    (host: HTMLDivElement | null) => {
      if (!host) return undefined;
      let created: PanoramaRenderer | null = null;
      let detached = false;
      const unavailableNow = () => {
        // No WebGL (blocked, no GPU process, too many contexts), or no three.js: say so instead of an empty black view.
        setUnavailable(true);
        latest.current?.();
      };
      const create = ({ PanoramaRenderer }: RendererModule) => {
        if (detached) return;
        try {
          created = new PanoramaRenderer(host, { player: view.player, look: view.look, maxDpr, warmRenderer: takeWarmRenderer?.() ?? null, onLimits: view.rendererLimits, onFrame: view.frameDrawn });
        } catch {
          return unavailableNow();
        }
        setRenderer(created);
      };
      // Already in (the usual case): made in this commit, not a task later.
      if (rendererModule) create(rendererModule);
      else loadSphereRenderer().then(create, () => !detached && unavailableNow());
      return () => {
        detached = true;
        if (!created) return;
        setRenderer(null);
        created.dispose();
      };
    },
    [view, maxDpr, takeWarmRenderer],
  );

  return (
    <>
      <div ref={attach} style={HOST_STYLE}>
        {unavailable && fallback}
      </div>
      {renderer && (
        <PanoramaContext value={renderer}>
          {/* A lazy child must not suspend the view itself: that would detach the host and rebuild the renderer. */}
          <Suspense fallback={null}>{children}</Suspense>
        </PanoramaContext>
      )}
    </>
  );
}
