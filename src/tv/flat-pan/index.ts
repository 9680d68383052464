// The TV's 360 view without WebGL: the <video> itself panned under a window (geometry, driver, and FLAT_PAN_MODE,
// its mode of the one 360 view in src/panorama), the pixel check that decides a WebGL sphere is not really showing
// the video, and the per-device memory of that choice.
export { FLAT_PAN_FOV_DEG, clampFlatView, flatPanLayout, flatProjectToScreen, horizontalFov, layoutTransform } from './flat-pan-geometry';
export type { FlatPanLayout, FlatPanSource, Viewport } from './flat-pan-geometry';
export { startFlatPan } from './flat-pan-driver';
export type { FlatPanDriverOptions } from './flat-pan-driver';
export { FLAT_PAN_MODE } from './flat-pan-mode';
export { DEFAULT_PIXEL_CHECK, PixelCheck, meanLuma } from './pixel-check';
export type { PixelCheckOptions, PixelFailure, PixelKeptReason, PixelSample, PixelVerdict } from './pixel-check';
export { RECHECK_AFTER_VISITS, REMEMBERED_VIEW_KEY, chooseTv360View, forgetFlatPan, rememberFlatPan, webglAvailable } from './view-choice';
export type { ChoiceInput, ChoiceStorage, FlatPanReason, Tv360Choice, Tv360View } from './view-choice';
