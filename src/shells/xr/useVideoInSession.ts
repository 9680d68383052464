// The video in a VR session: with sound (the Enter VR gesture allowed it), resumed when the headset pauses it
// (Vision Pro pauses page media as the session starts; any headset when taken off and put back on), unmuted at
// the first select where the browser still held the sound back; muted again on the flat page, like the desktop.
import type { XRStore } from '@react-three/xr';
import { useEffect } from 'react';

export function useVideoInSession(video: HTMLVideoElement, presenting: boolean, xrStore: XRStore): void {
  useEffect(() => {
    if (!presenting) {
      mute(video);
      return;
    }
    playWithSound(video);
    const session = xrStore.getState().session;
    const resume = () => {
      if (session?.visibilityState !== 'hidden' && video.paused) playWithSound(video);
    };
    // A browser that refused sound outside a click allows it on the first trigger pull or pinch: a WebXR select
    // is a user activation.
    const unmute = () => {
      if (video.muted) playWithSound(video);
    };
    session?.addEventListener('visibilitychange', resume);
    session?.addEventListener('select', unmute);
    video.addEventListener('pause', resume);
    return () => {
      session?.removeEventListener('visibilitychange', resume);
      session?.removeEventListener('select', unmute);
      video.removeEventListener('pause', resume);
    };
  }, [presenting, video, xrStore]);
}

function mute(video: HTMLVideoElement): void {
  video.muted = true;
}

/** Unmuted if the browser allows it now, else muted: a silent set beats a frozen one. */
export function playWithSound(video: HTMLVideoElement): void {
  video.muted = false;
  video.play().catch((err: unknown) => {
    // Only a refusal of sound falls back to muted; an aborted play (a new source attaching) is no refusal.
    if (err instanceof DOMException && err.name !== 'NotAllowedError') return;
    video.muted = true;
    void video.play().catch(() => undefined);
  });
}
