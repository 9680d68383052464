// Chooses how a stream is played (hls.js over Media Source Extensions, or the browser's own HLS) and loads hls.js.
import type * as HlsNamespace from 'hls.js';

export type PlaybackEngine = 'hls.js' | 'native' | 'none';
export type HlsModule = typeof HlsNamespace;

const PROBE_CODECS = 'video/mp4; codecs="avc1.4d401f,mp4a.40.2"';

export function choosePlaybackEngine(video: HTMLVideoElement): PlaybackEngine {
  // hls.js where MSE (or Safari's ManagedMediaSource) can take H.264: it gives us ABR caps and error recovery.
  const mse = (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;
  if (mse && typeof mse.isTypeSupported === 'function' && mse.isTypeSupported(PROBE_CODECS)) return 'hls.js';
  if (video.canPlayType('application/vnd.apple.mpegurl')) return 'native';
  return 'none';
}

/**
 * The full hls.js, not hls.js/light: light is 65 kB gz smaller (no alternate audio, subtitle tracks, DRM, CMCD,
 * interstitials, none of which our muxed streams use), but with it a truncated segment stalled playback for good in
 * Chromium (test/browser/broken-streams.test.ts), which the full build recovers from.
 */
export function loadHlsPlayer(): Promise<HlsModule> {
  return import('hls.js');
}

/**
 * Starts downloading hls.js where it will play the stream, so that it arrives while the tour file loads rather than
 * after it; the session's own import then finds it in the module cache. Pages that never play video never call it.
 */
export function prefetchHlsPlayer(): void {
  if (typeof document === 'undefined' || choosePlaybackEngine(document.createElement('video')) !== 'hls.js') return;
  // A failed prefetch is not an error: the session's own load reports it, with Retry.
  loadHlsPlayer().catch(() => undefined);
}
