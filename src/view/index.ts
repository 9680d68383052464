// View capability, framework-free: the one direction the viewer looks in (yaw, pitch, field of view, and which view
// produced it), written by the desktop look, the TV pan, the flat-pan view and the headset pose, read by anything
// that follows the view (spatial sound, presence, attention). No React, no three.js; src/react/useViewDirection.tsx
// binds it.
export { ViewDirectionTracker, DEFAULT_VIEW_FOV_DEG, looksAtFootage, wrapDegrees } from './view-direction';
export type { ViewAngles, ViewDirection, ViewDirectionSource, ViewSource } from './view-direction';
export { headingOf, headsetAngles, verticalFovOf } from './headset-direction';
export type { HeadsetAngles } from './headset-direction';
