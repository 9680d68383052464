// A VR session asked for by another shell: on desktop browsers that offer immersive-vr (Vision Pro's Safari,
// which reads as a Mac, and PC VR), the desktop shell shows Enter VR. A session may only be requested inside the
// user's gesture, but the XR shell (a lazy chunk with three.js and @react-three/xr) cannot be ready in it; so the
// desktop requests the session in the click and leaves it here, and the XR shell takes it once it can render.
//
// The set's video must start in that same click too: browsers that unlock sound per element (Safari, Chromium's
// user-gesture-required policy, headset browsers) let an element play with sound later only if play() was called
// on it inside a gesture. So the click makes the XR shell's first media session and calls play() on its <video>
// with sound on, before it has a source; the XR shell then loads the location the desktop showed into that very
// element, which plays unmuted inside the session.
import type { EnginePreference } from '../media/engine-preference';
import { MediaSession } from '../media/media-session';
import { SESSION_INIT } from './session-init';

export interface VrHandOff {
  /** The session requested in the click (a refusal is reported by the XR shell). */
  session: Promise<XRSession>;
  /** A media session whose <video> was told to play, with sound, inside the click; taken by the XR shell's player. */
  media: MediaSession;
  /** The location the desktop was showing: the XR shell starts there, so the person stays where they were. */
  locationId: string | null;
}

let pending: VrHandOff | null = null;

/** Call inside the click: requests the session and starts the video element the XR shell will play. */
export function handOffToVr(xr: Pick<XRSystem, 'requestSession'>, locationId: string | null, engine: EnginePreference = 'auto'): VrHandOff {
  const session = xr.requestSession('immersive-vr', SESSION_INIT);
  // The XR shell handles a refusal; until it takes the promise, a rejection is not "unhandled".
  session.catch(() => undefined);
  const media = new MediaSession({ engine });
  startWithSoundInGesture(media.video);
  if (pending) dropHandOff(pending);
  pending = { session, media, locationId };
  return pending;
}

/**
 * play() with sound on, inside the gesture. With no source yet the promise is aborted once the stream attaches
 * (that is expected); what counts is that the element was played in a gesture, which unlocks it for good.
 * `data-started-in-gesture` records whether the browser saw a user activation at that moment.
 */
export function startWithSoundInGesture(video: HTMLVideoElement): void {
  video.muted = false;
  video.dataset.startedInGesture = String(navigator.userActivation?.isActive ?? true);
  video.play().catch(() => undefined);
}

/** The hand-off from another shell not yet entered, or null. */
export function requestedVrSession(): VrHandOff | null {
  return pending;
}

/** The XR shell has entered (or reported the refusal of) `handOff`'s session: it is not to be taken again. */
export function settleRequestedVrSession(handOff: VrHandOff): void {
  if (pending === handOff) pending = null;
}

/** The media session of a hand-off, once: the XR shell's player takes it (and owns it) for its first location. */
export function takeHandedMedia(handOff: VrHandOff | null): MediaSession | null {
  if (!handOff || taken.has(handOff)) return null;
  taken.add(handOff);
  return handOff.media;
}

/** Nothing to stand in (no tour): the session ends, and the video nobody took is let go. */
export function dropHandOff(handOff: VrHandOff): void {
  settleRequestedVrSession(handOff);
  handOff.session.then((session) => session.end()).catch(() => undefined);
  if (takeHandedMedia(handOff)) handOff.media.dispose();
}

const taken = new WeakSet<VrHandOff>();
