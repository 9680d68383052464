// The video in a VR session: with sound (the Enter VR gesture allowed it), resumed when the headset pauses it
// (Vision Pro pauses page media as the session starts; any headset when taken off and put back on), unmuted at
// the first select where the browser still held the sound back; muted again on the flat page, like the desktop.
// Everything goes through the media session's commands, never the raw element.
import type { XRStore } from '@react-three/xr';
import { useEffect } from 'react';
import type { MediaSession } from '../../media/media-session';

export function useVideoInSession(media: MediaSession, presenting: boolean, xrStore: XRStore): void {
  useEffect(() => {
    if (!presenting) {
      media.setMuted(true);
      return;
    }
    playWithSound(media);
    const session = xrStore.getState().session;
    const resume = () => {
      if (session?.visibilityState !== 'hidden' && media.paused) playWithSound(media);
    };
    // A browser that refused sound outside a click allows it on the first trigger pull or pinch: a WebXR select
    // is a user activation.
    const unmute = () => {
      if (media.muted) playWithSound(media);
    };
    session?.addEventListener('visibilitychange', resume);
    session?.addEventListener('select', unmute);
    const stopPaused = media.on('paused', ({ paused }) => paused && resume());
    return () => {
      session?.removeEventListener('visibilitychange', resume);
      session?.removeEventListener('select', unmute);
      stopPaused();
    };
  }, [presenting, media, xrStore]);
}

/** Unmuted if the browser allows it now, else muted (the session's play() falls back to muted on a refusal of
 * sound): a silent set beats a frozen one. Starts playback synchronously, so it counts inside a click. */
export function playWithSound(media: MediaSession): void {
  media.setMuted(false);
  void media.play();
}
