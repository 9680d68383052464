// What an immersive session asks the browser for, in one place for every way into VR (the XR shell's Enter VR,
// and the desktop's Enter VR on desktop browsers that offer immersive-vr).

/**
 * Seated, looking around from one point: 'local' (no floor, no bounds) is all a 360 video needs and every
 * headset offers it. 'layers' lets Quest Browser show the video in a media layer; 'hand-tracking' lets people put
 * their controllers down and pinch.
 */
export const SESSION_INIT: XRSessionInit = { requiredFeatures: ['local'], optionalFeatures: ['layers', 'hand-tracking'] };

/** The reference space the XR shell renders in (see SESSION_INIT). */
export const REFERENCE_SPACE: XRReferenceSpaceType = 'local';
