// A VR session asked for by another shell: on desktop browsers that offer immersive-vr (Vision Pro's Safari,
// which reads as a Mac, and PC VR), the desktop shell shows Enter VR. A session may only be requested inside the
// user's gesture, but the XR shell (a lazy chunk with three.js and @react-three/xr) cannot be ready in it; so the
// desktop requests the session in the click and leaves it here, and the XR shell takes it once it can render.
import { SESSION_INIT } from './session-init';

let pending: Promise<XRSession> | null = null;

/** Call inside the click. The promise is also kept for the XR shell, which reports a refusal. */
export function requestVrSessionInGesture(xr: Pick<XRSystem, 'requestSession'>): Promise<XRSession> {
  const request = xr.requestSession('immersive-vr', SESSION_INIT);
  // The XR shell handles a refusal; until it takes the promise, a rejection is not "unhandled".
  request.catch(() => undefined);
  pending = request;
  return request;
}

/** The session requested by another shell and not yet entered, or null. */
export function requestedVrSession(): Promise<XRSession> | null {
  return pending;
}

/** The XR shell has entered (or reported the refusal of) `request`: it is not to be taken again. */
export function settleRequestedVrSession(request: Promise<XRSession>): void {
  if (pending === request) pending = null;
}
