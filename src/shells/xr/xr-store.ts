// The one @react-three/xr store of the XR shell, every option chosen on purpose (its defaults suit a demo, not a
// 360 video product: they inject an emulator on localhost, require local-floor, fetch controller models from a
// CDN and ask for 120 Hz).
import { createXRStore, type XRStore } from '@react-three/xr';
import { chooseFrameRate } from '../../xr/frame-rate';
import { SESSION_INIT } from '../../xr/session-init';

/**
 * A select (trigger pulled and released, or a pinch) on a hotspot is a click however long it took, as in WebXR's
 * own 'select' event: the pointer library's 300 ms limit (made to tell clicks from drags, and nothing here is
 * dragged) misses deliberate slow pulls and pinches, and presses on a headset dropping frames.
 */
export const SELECT_CLICK_MS = Number.POSITIVE_INFINITY;


/**
 * Fixed foveated rendering at its strongest: the sphere is one texture fetch per pixel, the lenses blur the
 * periphery anyway, and the GPU time saved goes to decoding the video. (Media layers are sampled by the
 * compositor, so it does not touch them.)
 */
export const FOVEATION = 1;

export function createSetVisitXrStore(): XRStore {
  return createXRStore({
    // The emulator is for tests, which install it themselves; never in the product, even on localhost.
    emulate: false,
    // Only the Enter VR button starts a session: it must start the video in the same gesture.
    offerSession: false,
    enterGrantedSession: false,
    frameRate: (supported) => chooseFrameRate(supported),
    foveation: FOVEATION,
    customSessionInit: SESSION_INIT,
    // Controller state in @react-three/xr waits for an input profile fetched from `baseAssetPath` (a CDN by
    // default). The product fetches nothing from a CDN: the button layout it needs is served from public/xr-profiles
    // (one generic xr-standard profile, no models), and ControllerRays draws and drives the controllers' rays itself
    // from the session's input sources; this store renders no controller models.
    controller: false,
    baseAssetPath: new URL(`${import.meta.env.BASE_URL}xr-profiles/`, window.location.href).href,
    // Hands: pinch drives a ray; no hand model (it would be fetched from the CDN), no grab or poke at 8 m.
    hand: { model: false, grabPointer: false, touchPointer: false, teleportPointer: false, rayPointer: { clickThresholdMs: SELECT_CLICK_MS, rayModel: { color: '#ffb547' } } },
    // Vision Pro's look-and-pinch, and gaze-only input sources (Cardboard-style viewers).
    transientPointer: { clickThresholdMs: SELECT_CLICK_MS },
    gaze: { clickThresholdMs: SELECT_CLICK_MS },
    screenInput: false,
  });
}
