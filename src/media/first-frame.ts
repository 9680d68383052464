// When a video's first frame is on screen: the frame the compositor shows, not 'canplay', since that is what the
// person waits for.

/** Calls `shown` once, when the element presents a frame; returns the cancel (which removes what it added). */
export function whenFrameShown(video: HTMLVideoElement, shown: () => void): () => void {
  let cancelled = false;
  if (typeof video.requestVideoFrameCallback === 'function') {
    const handle = video.requestVideoFrameCallback(() => !cancelled && shown());
    return () => {
      cancelled = true;
      video.cancelVideoFrameCallback?.(handle);
    };
  }
  // Firefox: the first timeupdate past zero is the nearest signal to "a frame is on screen".
  const onTime = () => {
    if (video.currentTime <= 0) return;
    video.removeEventListener('timeupdate', onTime);
    shown();
  };
  video.addEventListener('timeupdate', onTime);
  return () => video.removeEventListener('timeupdate', onTime);
}
