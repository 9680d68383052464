// The flat-pan view as a mode of the one 360 view (src/panorama/panorama-view.ts): its fixed field of view, the
// pitch limits that keep the frame's edges off screen, its linear hotspot mapping, and the driver that pans the
// <video> for each location.
import { DEFAULT_LOOK_LIMITS } from '../../panorama/look-controller';
import type { FlatMode } from '../../panorama/panorama-view';
import { startFlatPan } from './flat-pan-driver';
import { FLAT_PAN_FOV_DEG, flatProjectToScreen } from './flat-pan-geometry';

export const FLAT_PAN_MODE: FlatMode = {
  kind: 'flat',
  source: 'flat-pan',
  fov: FLAT_PAN_FOV_DEG,
  // The frame's top and bottom edges stay off screen (clampFlatView does the rest, for the screen's shape).
  limits: { ...DEFAULT_LOOK_LIMITS, minFovDeg: FLAT_PAN_FOV_DEG, maxFovDeg: FLAT_PAN_FOV_DEG, maxPitchDeg: 90 - FLAT_PAN_FOV_DEG / 2 },
  project: flatProjectToScreen,
  show: (host, view, { session, location }) =>
    startFlatPan({ host, video: session.video, mount: (into) => session.mountIn(into), play: () => session.play(), look: view.look, onFrame: view.frameDrawn, source: location }),
};
