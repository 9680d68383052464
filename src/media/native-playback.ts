// The browser's own HLS on a <video>: it reports its stages, renditions and errors through the element alone.
// What a fatal error means is the session's call (fall back to hls.js, retry, or show the error card).
import type { MediaRefusal } from '../protocol/media-refusal';
import type { StallSignals } from './stall-watch';
import { readRefusal } from './stream-refusal';
import { rungForHeight, type StreamLadder } from './stream-ladder';

export interface NativePlaybackEvents {
  /** Metadata, then enough data to play: loading progress. */
  progress(progress: number): void;
  /** The rendition the browser switched to (its bitrate from the ladder, 0 if unknown). */
  rendition(rendition: { height: number; bitrate: number }): void;
  /** A fatal element error (code 2 network, 3 decode, 4 unparsable or unsupported: a 404 rendition and a
   * truncated segment both end as 4 in Chromium 156). */
  error(error: { code: number; message: string }): void;
  /** The server refuses the stream (its playlist answers 401/403/410): why, as it says. */
  refused(refusal: MediaRefusal): void;
}

/** Points the element at `src` and reports until the returned stop is called. */
export function playNatively(
  video: HTMLVideoElement,
  src: string,
  ladder: () => StreamLadder | undefined,
  events: NativePlaybackEvents,
  signals?: StallSignals,
): () => void {
  let stopped = false;
  let started = false;
  // Chromium's HLS retries an unreachable playlist for seconds before it reports anything: until the stream has
  // started, ask for the playlist every second ourselves, so the page can say within 2 s that it is not reachable.
  const probe = setInterval(() => {
    if (started) return clearInterval(probe);
    void reachable(src).then((ok) => {
      if (stopped || started) return;
      if (ok) signals?.requestLoaded();
      else signals?.requestFailed();
    });
  }, 1_000);
  const onMetadata = () => {
    started = true;
    clearInterval(probe);
    signals?.requestLoaded();
    events.progress(0.6);
  };
  const onCanPlay = () => {
    signals?.requestLoaded();
    events.progress(0.8);
  };
  const onResize = () => {
    const height = video.videoHeight;
    if (height <= 0) return;
    const read = ladder();
    events.rendition({ height, bitrate: (read && rungForHeight(read, height)?.bitrate) ?? 0 });
  };
  const onError = () => {
    const error = { code: video.error?.code ?? 0, message: video.error?.message || `media error ${video.error?.code ?? '?'}` };
    // The element says nothing of HTTP: a refused playlist or segment (an expired pass, an ended meet-up) comes as a
    // network or "not supported" error. Asking for the playlist tells a refusal from the rest.
    if (error.code === 2 || error.code === 4) {
      void readRefusal(src).then((refusal) => {
        if (stopped) return;
        if (refusal) events.refused(refusal);
        else classify(error);
      });
      return;
    }
    events.error(error);
  };
  const classify = (error: { code: number; message: string }) => {
    if (error.code !== 4) return events.error(error);
    // Chromium's HLS reports a playlist it could not fetch as "not supported" (code 4), the same as a stream it
    // cannot play. Asking for the playlist tells them apart: unreachable is a network error (retried, and said
    // so), not this browser's fault.
    void reachable(src).then((ok) => {
      if (stopped) return;
      if (ok) return events.error(error);
      signals?.requestFailed();
      events.error({ code: 2, message: `the stream cannot be reached (${error.message})` });
    });
  };
  video.addEventListener('loadedmetadata', onMetadata);
  video.addEventListener('canplay', onCanPlay);
  video.addEventListener('resize', onResize);
  video.addEventListener('error', onError);
  video.src = src;
  return () => {
    stopped = true;
    clearInterval(probe);
    video.removeEventListener('loadedmetadata', onMetadata);
    video.removeEventListener('canplay', onCanPlay);
    video.removeEventListener('resize', onResize);
    video.removeEventListener('error', onError);
  };
}

/** Whether the playlist answers at all (past the HTTP cache). */
async function reachable(src: string): Promise<boolean> {
  try {
    const response = await fetch(src, { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}
