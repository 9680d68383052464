// Keeps DOM hotspot buttons pinned to their spots on the sphere: the canvas calls `update` after each frame
// it draws, and the buttons move by style alone (no React render per frame).
import { isHotspotShown } from '../tour/hotspot-timing';
import type { LookController } from './look-controller';
import { projectToScreen, type ViewAngles } from './screen-projection';

/** Screen position (NDC, y up) of a spot for a view, or null when behind: the 3D view's perspective by default,
 * the TV's flat-pan view passes its linear mapping so the same pins follow either view. */
export type ScreenProjection = (yaw: number, pitch: number, view: ViewAngles, aspect: number) => { x: number; y: number } | null;

export interface PinnedSpot {
  yaw: number;
  pitch: number;
  start?: number | undefined;
  end?: number | undefined;
  /** Wall-clock expiry (ms since epoch), for live annotations. */
  expiresAt?: number | undefined;
}

export class HotspotProjector {
  private readonly pinned = new Map<HTMLElement, PinnedSpot>();

  constructor(
    private readonly look: LookController,
    private readonly project: ScreenProjection = projectToScreen,
  ) {}

  pin(element: HTMLElement, spot: PinnedSpot): () => void {
    this.pinned.set(element, spot);
    return () => this.pinned.delete(element);
  }

  /** Positions every pinned element for a viewport of `width`×`height` px at video time `videoSeconds`. */
  update(width: number, height: number, videoSeconds: number): void {
    const aspect = width / Math.max(1, height);
    for (const [element, spot] of this.pinned) {
      const current = isHotspotShown(spot, videoSeconds) && (spot.expiresAt === undefined || Date.now() < spot.expiresAt);
      const point = current ? this.project(spot.yaw, spot.pitch, this.look, aspect) : null;
      const onScreen = point !== null && Math.abs(point.x) <= 1.1 && Math.abs(point.y) <= 1.1;
      // Hidden ones leave the tab order too: focus must never land on something the person cannot see.
      element.hidden = !onScreen;
      if (!point || !onScreen) continue;
      element.style.transform = `translate(${((point.x + 1) / 2) * width}px, ${((1 - point.y) / 2) * height}px) translate(-50%, -50%)`;
    }
  }
}
