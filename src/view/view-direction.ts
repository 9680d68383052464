// The one direction a person looks in, whichever view shows the footage: the desktop's drag-and-keys look, the TV's
// remote pan over the WebGL sphere, the TV's flat-pan view, or the headset's pose. Spatial sound, presence markers and
// attention sampling read it here without knowing which shell is on screen.
// Read at frame rate: `current()` returns one object updated in place (no allocation, no React render per frame);
// `subscribe` is for consumers that act only on a change.
import type { Projection } from '../protocol/tour-schema';

/** Who produced the direction. 'none' until a view has reported one (nothing on screen yet). */
export type ViewSource = 'desktop-look' | 'tv-pan' | 'flat-pan' | 'headset' | 'none';

/**
 * Where the viewer looks, in degrees, in the footage's frame (the same angles a hotspot's yaw/pitch use):
 * - `yaw`: 0 is the footage's centre (straight ahead, −Z), positive turns right; kept in (−180, 180].
 * - `pitch`: positive looks up; kept in [−90, 90].
 * - `fov`: the view's vertical field of view, in (0, 180).
 */
export interface ViewDirection {
  yaw: number;
  pitch: number;
  fov: number;
  source: ViewSource;
}

/** The angles a view is aimed with (a LookController, a camera): degrees, as in ViewDirection. */
export interface ViewAngles {
  yaw: number;
  pitch: number;
  /** Vertical field of view, degrees. */
  fov: number;
}

/** What a consumer holds: the direction to read, never to write. */
export interface ViewDirectionSource {
  /** The latest direction. The same object on every call, updated in place: read its fields, copy it to keep one. */
  current(): Readonly<ViewDirection>;
  /** Counts accepted changes: a frame-rate reader compares it to skip work when nothing moved. */
  readonly revision: number;
  /** `listener` hears each change, with the same object `current()` returns. */
  subscribe(listener: (direction: Readonly<ViewDirection>) => void): () => void;
}

/** Field of view reported before any view has (the desktop's and TV sphere's default). */
export const DEFAULT_VIEW_FOV_DEG = 75;

/** Degrees into (−180, 180]. */
export function wrapDegrees(deg: number): number {
  const wrapped = ((((deg + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

/**
 * The app's one direction. The view on screen writes it (after each frame it draws, or each headset frame);
 * everything else reads it through ViewDirectionSource. One per app: a shell shows one view at a time.
 */
export class ViewDirectionTracker implements ViewDirectionSource {
  private readonly direction: ViewDirection = { yaw: 0, pitch: 0, fov: DEFAULT_VIEW_FOV_DEG, source: 'none' };
  private readonly listeners = new Set<(direction: Readonly<ViewDirection>) => void>();
  private changes = 0;

  current(): Readonly<ViewDirection> {
    return this.direction;
  }

  get revision(): number {
    return this.changes;
  }

  subscribe(listener: (direction: Readonly<ViewDirection>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Writes a direction: yaw wrapped, pitch clamped to ±90. A non-finite angle or a field of view outside (0, 180)
   * (a broken pose, a zero-height viewport) is refused and the last good direction kept: returns false.
   * Listeners hear only a real change. Allocates nothing.
   */
  set(yaw: number, pitch: number, fov: number, source: Exclude<ViewSource, 'none'>): boolean {
    if (!Number.isFinite(yaw) || !Number.isFinite(pitch) || !Number.isFinite(fov) || fov <= 0 || fov >= 180) return false;
    const d = this.direction;
    const wrapped = wrapDegrees(yaw);
    const clamped = Math.min(90, Math.max(-90, pitch));
    if (d.yaw === wrapped && d.pitch === clamped && d.fov === fov && d.source === source) return true;
    d.yaw = wrapped;
    d.pitch = clamped;
    d.fov = fov;
    d.source = source;
    this.changes++;
    this.listeners.forEach(callWith, d);
    return true;
  }

  /** Writes the angles a view is aimed with (a LookController after its frame): see `set`. */
  follow(view: ViewAngles, source: Exclude<ViewSource, 'none'>): boolean {
    return this.set(view.yaw, view.pitch, view.fov, source);
  }
}

function callWith(this: ViewDirection, listener: (direction: Readonly<ViewDirection>) => void): void {
  listener(this);
}

/**
 * Whether the direction's centre falls on footage: always for 360°, only the front hemisphere (|yaw| ≤ 90) for a
 * 180° location, whose back half is black. Attention sampling skips looks at nothing.
 */
export function looksAtFootage(direction: Pick<ViewDirection, 'yaw'>, projection: Projection): boolean {
  return projection === 'equirect360' || Math.abs(wrapDegrees(direction.yaw)) <= 90;
}
