// One 360 view, framework-free: the look (where the viewer aims), the hotspot pins that follow it, where the
// location's video goes, and the view direction it reports. What draws is the mode's: the WebGL sphere
// (PanoramaRenderer, plain three.js, loaded with its own chunk) or the TV's flat-pan view (the <video> itself panned
// under a window, src/tv/flat-pan). The desktop tour, the desktop meet-up stage, the TV's "Watch the set" and the TV
// meet-up stage all show their footage through this; src/react/Panorama360.tsx binds it to React.
// No three.js here, so the flat view's page never loads it.
import type { RenditionLimits } from '../media/rendition-cap';
import type { LocationPlayback, TourPlayer } from '../tour/tour-player';
import type { TourLocation } from '../protocol/tour-schema';
import type { ViewDirectionTracker } from '../view';
import { HotspotProjector, type ScreenProjection } from './hotspot-projector';
import { DEFAULT_LOOK_LIMITS, LookController, type LookLimits } from './look-controller';

/** The WebGL sphere: a perspective view drawn on demand. */
export interface SphereMode {
  kind: 'sphere';
  /** Who turns the view, as the view direction reports it: the desktop's pointer and keys, or the TV remote. */
  source: 'desktop-look' | 'tv-pan';
  /** Highest device pixel ratio to draw at (a 360 video is never sharper than its source; a TV's GPU fills a 4K
   * panel slowly, so 1 there). */
  maxDpr: number;
}

/** The flat-pan view: the equirect frame shown as it is, at a fixed field of view (src/tv/flat-pan). */
export interface FlatMode {
  kind: 'flat';
  source: 'flat-pan';
  /** Vertical field of view, degrees: fixed, the frame is not re-projected. */
  fov: number;
  limits: LookLimits;
  /** Where a spot shows on screen: the flat view's linear mapping instead of the sphere's perspective. */
  project: ScreenProjection;
  /** Shows one location in `host`: its video put there and panned with `view.look`, `view.frameDrawn` called after
   * each move; returns the teardown. */
  show: (host: HTMLElement, view: PanoramaView, playback: LocationPlayback) => () => void;
}

export type PanoramaMode = SphereMode | FlatMode;

export const DESKTOP_SPHERE: SphereMode = { kind: 'sphere', source: 'desktop-look', maxDpr: 1.5 };
export const TV_SPHERE: SphereMode = { kind: 'sphere', source: 'tv-pan', maxDpr: 1 };

export class PanoramaView {
  /** One for the view's life; each new location starts it at that location's initial view. */
  readonly look: LookController;
  /** Pins DOM hotspots and annotations over the view; moved after every frame drawn. */
  readonly hotspots: HotspotProjector;
  private location: TourLocation;

  constructor(
    readonly player: TourPlayer,
    readonly mode: PanoramaMode,
    private readonly direction: ViewDirectionTracker | null = null,
  ) {
    this.location = player.state.current.location;
    this.look = new LookController(this.initialView(this.location), mode.kind === 'flat' ? mode.limits : DEFAULT_LOOK_LIMITS);
    this.hotspots = new HotspotProjector(this.look, mode.kind === 'flat' ? mode.project : undefined);
  }

  /**
   * Follows the player: a new location starts at its initial view (held keys and drags end). Made a separate step
   * from the constructor so that making a view has no effects; returns the stop.
   */
  start(): () => void {
    const follow = () => {
      const location = this.player.state.current.location;
      if (location === this.location) return;
      this.location = location;
      this.look.reset(this.initialView(location));
    };
    follow();
    return this.player.subscribe(follow);
  }

  /**
   * Shows the current location in `host`. The sphere only needs its <video> in the page (hidden; the renderer draws
   * its frames); the flat view makes the <video> the picture. Returns the undo; call again for each location.
   */
  show(host: HTMLElement): () => void {
    const playback = this.player.state.current;
    return this.mode.kind === 'flat' ? this.mode.show(host, this, playback) : playback.session.mountIn(host);
  }

  /**
   * What the drawing side calls once its renderer exists: the view owns the renderer's limits and gives them to the
   * player, whose sessions from then on are made with them (the one started before the renderer is told now).
   */
  readonly rendererLimits = (limits: Pick<RenditionLimits, 'maxTextureSize'>): void => {
    this.player.setRenditionLimits(limits);
  };

  /**
   * What the drawing side calls after each frame it shows (`width`×`height` CSS px, the video at `videoSeconds`):
   * the hotspots move with it, and the view direction becomes what this frame shows. Allocates nothing.
   */
  readonly frameDrawn = (width: number, height: number, videoSeconds: number): void => {
    this.hotspots.update(width, height, videoSeconds);
    this.direction?.follow(this.look, this.mode.source);
  };

  private initialView(location: TourLocation): { yaw: number; pitch: number; fov?: number } {
    return this.mode.kind === 'flat' ? { ...location.initialView, fov: this.mode.fov } : location.initialView;
  }
}
