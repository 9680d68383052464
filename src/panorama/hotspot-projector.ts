// Keeps DOM hotspot buttons pinned to their spots on the sphere: the canvas calls `update` after each frame
// it draws, and the buttons move by style alone (no React render per frame). Per frame it allocates nothing and
// writes to the DOM only what changed: a video frame drawn while the view stands still moves no button.
import { isHotspotShown } from '../tour/hotspot-timing';
import type { LookController } from './look-controller';
import { projectToScreen, type ScreenPoint, type ViewAngles } from './screen-projection';

/** Screen position (NDC, y up) of a spot for a view, or null when behind: the 3D view's perspective by default,
 * the TV's flat-pan view passes its linear mapping so the same pins follow either view. A projection may write the
 * point into `out` instead of allocating one. */
export type ScreenProjection = (yaw: number, pitch: number, view: ViewAngles, aspect: number, out?: ScreenPoint) => ScreenPoint | null;

export interface PinnedSpot {
  yaw: number;
  pitch: number;
  start?: number | undefined;
  end?: number | undefined;
  /** Wall-clock expiry (ms since epoch), for live annotations. */
  expiresAt?: number | undefined;
}

interface Pin {
  element: HTMLElement;
  spot: PinnedSpot;
  /** What the element shows now, so unchanged ones are not written again. */
  shown: boolean | null;
  left: number;
  top: number;
}

export class HotspotProjector {
  private readonly pins: Pin[] = [];
  private readonly point: ScreenPoint = { x: 0, y: 0 };

  constructor(
    private readonly look: LookController,
    private readonly project: ScreenProjection = projectToScreen,
  ) {}

  pin(element: HTMLElement, spot: PinnedSpot): () => void {
    const pin: Pin = { element, spot, shown: null, left: NaN, top: NaN };
    this.pins.push(pin);
    return () => {
      const index = this.pins.indexOf(pin);
      if (index >= 0) this.pins.splice(index, 1);
    };
  }

  /** Positions every pinned element for a viewport of `width`×`height` px at video time `videoSeconds`. */
  update(width: number, height: number, videoSeconds: number): void {
    const aspect = width / Math.max(1, height);
    const now = Date.now();
    for (let i = 0; i < this.pins.length; i++) {
      const pin = this.pins[i]!;
      const spot = pin.spot;
      const current = isHotspotShown(spot, videoSeconds) && (spot.expiresAt === undefined || now < spot.expiresAt);
      const point = current ? this.project(spot.yaw, spot.pitch, this.look, aspect, this.point) : null;
      const onScreen = point !== null && Math.abs(point.x) <= 1.1 && Math.abs(point.y) <= 1.1;
      // Hidden ones leave the tab order too: focus must never land on something the person cannot see.
      if (pin.shown !== onScreen) {
        pin.element.hidden = !onScreen;
        pin.shown = onScreen;
      }
      if (!point || !onScreen) continue;
      const left = ((point.x + 1) / 2) * width;
      const top = ((1 - point.y) / 2) * height;
      if (left === pin.left && top === pin.top) continue;
      pin.left = left;
      pin.top = top;
      pin.element.style.transform = `translate(${left}px, ${top}px) translate(-50%, -50%)`;
    }
  }
}
