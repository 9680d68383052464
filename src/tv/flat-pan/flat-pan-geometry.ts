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
  /** Share of the viewport's width the video covers (below 1 only at the seam of a 360 frame: one copy, see below). */
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
 * Keeps the view inside the footage: pitch so the frame's top and bottom edges never show, and for 180° footage
 * yaw so the black back half never shows (centred when the screen is wider than the hemisphere).
 */
export function clampFlatView(view: ViewAngles, viewport: Viewport, source: FlatPanSource): { yaw: number; pitch: number } {
  const maxPitch = Math.max(0, 90 - view.fov / 2);
  const pitch = Math.min(maxPitch, Math.max(-maxPitch, view.pitch));
  if (source.projection === 'equirect360') return { yaw: wrapDegrees(view.yaw), pitch };
  const maxYaw = Math.max(0, yawSpan(source.projection) / 2 - horizontalFov(viewport, view.fov) / 2);
  return { yaw: Math.min(maxYaw, Math.max(-maxYaw, wrapDegrees(view.yaw))), pitch };
}

/**
 * The element's size and position for a view. Stereo frames are laid out whole and the left eye (top half of a
 * top-bottom frame, left half of a left-right one) is the part in view; clampFlatView keeps the other eye out.
 *
 * Wrap-around: a 360 frame's left and right edges meet behind the camera. There is one <video> (a second copy
 * would need a second decoder, which most TVs lack, or drawImage, which is what comes out black), so the pan offset
 * wraps: of the copies one frame-width apart, the one covering most of the screen is used, and at the seam the rest
 * of the screen shows the background. Panning stays continuous; only the last part of the view across the seam is
 * empty, for as long as the view straddles it.
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
