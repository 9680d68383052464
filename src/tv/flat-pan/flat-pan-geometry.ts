// Where the <video> element goes in the flat-pan view: the equirect frame shown as it is (no WebGL), scaled so a
// sensible field of view fills the screen and moved so the view's yaw/pitch sits in the middle. Pure math: the
// same numbers place the video and the hotspot overlays, so a hotspot stays on the thing it points at.
import { wrapDegrees } from '../../panorama/look-controller';
import type { ViewAngles } from '../../panorama/screen-projection';
import type { Projection, StereoLayout } from '../../protocol/tour-schema';

/**
 * Vertical field of view of the flat view, degrees. A flat crop of an equirect frame is not a perspective view:
 * wider than this and straight lines bend visibly at the edges; narrower and the (at most 1080-line) source turns
 * soft on a 10-foot screen. At 16:9 it shows about 107° across.
 */
export const FLAT_PAN_FOV_DEG = 60;

/** Within this of an edge, the view is at it (degrees). */
const EDGE_EPSILON = 1e-6;
/** Larger than any one frame's pan step (the look controller caps a long frame's); a bigger jump was set, not panned. */
const MAX_PAN_STEP_DEG = 30;

export interface Viewport {
  width: number;
  height: number;
}

export interface FlatPanSource {
  projection: Projection;
  stereo: StereoLayout;
}

export interface FlatPanLayout {
  /** Size to give the whole <video> element (both eyes of a stereo frame), CSS px; the frame is stretched to it. */
  width: number;
  height: number;
  /** Translation of the element's top-left corner from the viewport's top-left, CSS px. */
  x: number;
  y: number;
  /** Share of the viewport's width the video covers: 1 for every view clampFlatView lets through. */
  coverage: number;
}

/** Degrees of yaw one eye's image spans. */
function yawSpan(projection: Projection): number {
  return projection === 'equirect360' ? 360 : 180;
}

export function horizontalFov(viewport: Viewport, fovDeg: number): number {
  return (fovDeg * viewport.width) / Math.max(1, viewport.height);
}

/**
 * Keeps the view inside the footage: pitch so the frame's top and bottom edges never show, and yaw so the screen
 * never shows past the frame's edges: on 180° footage its black back half (centred when the screen is wider than
 * the hemisphere); on 360° footage the seam behind the camera. There is one <video> (a second copy would need a
 * second decoder, which most TVs lack, or drawImage, which is what comes out black), so a view straddling the seam
 * would leave part of the screen empty. Instead the view's centre stays within ±(180° − half the screen's width),
 * and panning across the seam turns the page: held right at the right edge, the view continues from the left edge,
 * whose left border is the same column of footage (nothing is skipped, and the screen is always full).
 *
 * `previousYaw` (the yaw shown on the last frame) tells a pan across the seam (a small step on from the edge the
 * view was at) from a view set there (a location's start): that goes to the nearer edge, which shows what it asks.
 */
export function clampFlatView(view: ViewAngles, viewport: Viewport, source: FlatPanSource, previousYaw?: number): { yaw: number; pitch: number } {
  const maxPitch = Math.max(0, 90 - view.fov / 2);
  const pitch = Math.min(maxPitch, Math.max(-maxPitch, view.pitch));
  const halfWidth = horizontalFov(viewport, view.fov) / 2;
  const yaw = wrapDegrees(view.yaw);
  if (source.projection === 'equirect360') {
    // A screen wider than the whole frame cannot be filled by one copy at all: pan freely.
    if (halfWidth >= 180) return { yaw, pitch };
    const maxYaw = 180 - halfWidth;
    if (Math.abs(yaw) <= maxYaw) return { yaw, pitch };
    // Held on past an edge the view was already at (one frame's step): the view goes on from the other edge.
    if (previousYaw !== undefined) {
      const previous = wrapDegrees(previousYaw);
      const moved = wrapDegrees(yaw - previous);
      if (Math.abs(previous - maxYaw) < EDGE_EPSILON && moved > 0 && moved <= MAX_PAN_STEP_DEG) return { yaw: -maxYaw, pitch };
      if (Math.abs(previous + maxYaw) < EDGE_EPSILON && moved < 0 && moved >= -MAX_PAN_STEP_DEG) return { yaw: maxYaw, pitch };
    }
    // Reaching an edge, or a view set past it: the nearer edge, which has the asked direction on screen.
    return { yaw: yaw > 0 ? maxYaw : -maxYaw, pitch };
  }
  const maxYaw = Math.max(0, yawSpan(source.projection) / 2 - halfWidth);
  return { yaw: Math.min(maxYaw, Math.max(-maxYaw, yaw)), pitch };
}

/**
 * The element's size and position for a view. Stereo frames are laid out whole and the left eye (top half of a
 * top-bottom frame, left half of a left-right one) is the part in view; clampFlatView keeps the other eye out.
 *
 * A 360 frame's left and right edges meet behind the camera; of the copies one frame-width apart, the one covering
 * most of the screen is placed. clampFlatView keeps the view off the seam, so that copy covers all of it.
 */
export function flatPanLayout(view: ViewAngles, viewport: Viewport, source: FlatPanSource): FlatPanLayout {
  const pxPerDeg = viewport.height / view.fov;
  const span = yawSpan(source.projection);
  const eyeWidth = span * pxPerDeg;
  const eyeHeight = 180 * pxPerDeg;
  const width = source.stereo === 'left-right' ? eyeWidth * 2 : eyeWidth;
  const height = source.stereo === 'top-bottom' ? eyeHeight * 2 : eyeHeight;
  // The eye image's pixel under the view's centre: yaw −span/2 at its left edge, pitch +90 at its top.
  const u = (view.yaw + span / 2) * pxPerDeg;
  const v = (90 - view.pitch) * pxPerDeg;
  let x = viewport.width / 2 - u;
  const y = viewport.height / 2 - v;
  let coverage = covered(x, eyeWidth, viewport.width);
  if (source.projection === 'equirect360') {
    for (const candidate of [x - eyeWidth, x + eyeWidth]) {
      const c = covered(candidate, eyeWidth, viewport.width);
      if (c > coverage) {
        x = candidate;
        coverage = c;
      }
    }
  }
  return { width, height, x, y, coverage };
}

function covered(x: number, eyeWidth: number, viewportWidth: number): number {
  return Math.max(0, Math.min(viewportWidth, x + eyeWidth) - Math.max(0, x)) / Math.max(1, viewportWidth);
}

/**
 * Where a spot of the footage appears in the flat view, in the same normalized device coordinates as the 3D view's
 * projectToScreen (−1…1, y up), so one HotspotProjector pins overlays in either view (never null: nothing is
 * behind the viewer of a flat frame). Degrees map linearly, as the stretched frame does on screen.
 */
export function flatProjectToScreen(yaw: number, pitch: number, view: ViewAngles, aspect: number): { x: number; y: number } | null {
  const halfVertical = view.fov / 2;
  const halfHorizontal = (view.fov * aspect) / 2;
  return { x: wrapDegrees(yaw - view.yaw) / halfHorizontal, y: (pitch - view.pitch) / halfVertical };
}

/** The CSS the view applies to the element: a transform only, so panning never triggers layout. */
export function layoutTransform(layout: FlatPanLayout): string {
  return `translate3d(${layout.x.toFixed(1)}px, ${layout.y.toFixed(1)}px, 0)`;
}
