// How far behind live the picture is. With hls.js over MSE the media element's seekable range ends at the
// playlist's live edge (hls.js keeps it there for live streams), so live edge − currentTime is hls.js's own
// `latency` figure; the browser's native HLS reports the same range. No access to the hls.js instance needed.
import type { LiveStreamPosition } from './meetup-room';

/** The element's view of the live edge, or null while it has none (nothing loaded, or a finished VOD). */
export function measureLivePosition(video: Pick<HTMLVideoElement, 'seekable' | 'currentTime' | 'duration'>): LiveStreamPosition | null {
  const ranges = video.seekable;
  if (ranges.length === 0) return null;
  const edge = ranges.end(ranges.length - 1);
  if (!Number.isFinite(edge) || edge <= 0) return null;
  return { latencySeconds: Math.max(0, edge - video.currentTime), edgeSeconds: edge, currentSeconds: video.currentTime };
}

/** Samples the live position every `intervalMs` and reports each sample; returns the stop. */
export function watchLivePosition(video: HTMLVideoElement, report: (position: LiveStreamPosition | null) => void, intervalMs = 1_000): () => void {
  let last: LiveStreamPosition | null = null;
  const sample = () => {
    const position = measureLivePosition(video);
    // Report changes only: the store (and every view on it) wakes once a second at most, and not at all when idle.
    if (position?.edgeSeconds === last?.edgeSeconds && position?.currentSeconds === last?.currentSeconds) return;
    last = position;
    report(position);
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return () => clearInterval(timer);
}
