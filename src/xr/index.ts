// Headset capability, framework-free: gaze dwell, frame-rate choice, media layer vs sphere and the equirect layer's
// shape, the lazily following panel, the location list and milestone toasts, and the canvas-drawn text (panel,
// list, toasts, labels, captions, CJK-aware wrapping).
// No React and no three.js here; the XR shell (src/shells/xr) composes these with @react-three/xr.
export { GazeDwell, DEFAULT_GAZE_DWELL } from './gaze-dwell';
export type { GazeDwellConfig, GazeDwellState } from './gaze-dwell';
export { chooseFrameRate, FRAME_RATE_CEILING_HZ } from './frame-rate';
export { chooseVideoPath, equirectLayerShape } from './video-path';
export type { VideoPath, VideoPathInput, MediaLayerLayout, EquirectLayerShape } from './video-path';
export { LazyFollow, DEFAULT_LAZY_FOLLOW, wrapDegrees } from './lazy-follow';
export type { LazyFollowConfig } from './lazy-follow';
export { wrapText } from './text-wrap';
export type { Measure } from './text-wrap';
export { CJK_FONT_STACK, fontStack, font, milestonePanelModel, layoutMilestonePanel, layoutHotspotLabel, layoutCaption, layoutToast } from './panel-layout';
export type { Drawing, DrawStep, FontMeasure, MilestonePanelModel, ToastModel } from './panel-layout';
export { locationListModel, layoutLocationList, locationListSize, entryAtUv, entryCentreUv, pageCount, pageRange, LIST_LAYOUT, PAGE_PREVIOUS, PAGE_NEXT } from './location-list';
export type { LocationListModel } from './location-list';
export { MilestoneToasts, DEFAULT_MILESTONE_TOAST } from './milestone-toasts';
export type { MilestoneToastConfig, ToastState, ToastMilestone } from './milestone-toasts';
export { paintCanvas, measureWith } from './canvas-paint';
