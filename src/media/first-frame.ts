// When a video's first frame is on screen: the frame the view shows, not 'canplay', since that is what the person
// waits for.
//
// Two signals, whichever comes first. requestVideoFrameCallback fires when the compositor presents a frame of the
// element, but the 360 view's <video> is hidden (the sphere draws it) and may still be outside the page when its
// first frame decodes (the entry starts the stream before the view exists): Chromium then presents its frames only
// on a slow background timer, and the callback came 100–900 ms after 'loadeddata' at 1× CPU
// (test/bench/first-frame-timeline.ts). 'loadeddata' says the frame at the playhead is decoded and can be drawn; the
// sphere uploads it on that event (panorama/location-sphere.ts), so the frame is on screen after the next animation
// frame's draw.

/** Calls `shown` once, when the element has a frame to show; returns the cancel (which removes what it added). */
export function whenFrameShown(video: HTMLVideoElement, shown: () => void): () => void {
  let done = false;
  let frameHandle: number | null = null;
  const finish = () => {
    if (done) return;
    done = true;
    cancel();
    shown();
  };
  // After the next animation frame: the view draws the decoded frame in it (its listener asked for that frame).
  const onData = () => {
    if (typeof requestAnimationFrame === 'function') frameHandle = requestAnimationFrame(finish);
    else finish();
  };
  let rvfcHandle: number | null = null;
  const hasFrameCallback = typeof video.requestVideoFrameCallback === 'function';
  if (hasFrameCallback) rvfcHandle = video.requestVideoFrameCallback(finish);
  // Firefox: the first timeupdate past zero is the nearest signal to "a frame is on screen".
  const onTime = () => {
    if (video.currentTime > 0) finish();
  };
  video.addEventListener('loadeddata', onData);
  if (!hasFrameCallback) video.addEventListener('timeupdate', onTime);
  function cancel(): void {
    video.removeEventListener('loadeddata', onData);
    video.removeEventListener('timeupdate', onTime);
    if (rvfcHandle !== null) video.cancelVideoFrameCallback?.(rvfcHandle);
    if (frameHandle !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frameHandle);
    rvfcHandle = null;
    frameHandle = null;
  }
  return () => {
    done = true;
    cancel();
  };
}
