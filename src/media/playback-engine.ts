// Chooses how a stream is played: hls.js over Media Source Extensions, or the browser's own HLS.
export type PlaybackEngine = 'hls.js' | 'native' | 'none';

const PROBE_CODECS = 'video/mp4; codecs="avc1.4d401f,mp4a.40.2"';

export function choosePlaybackEngine(video: HTMLVideoElement): PlaybackEngine {
  // hls.js where MSE (or Safari's ManagedMediaSource) can take H.264: it gives us ABR caps and error recovery.
  const mse = (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;
  if (mse && typeof mse.isTypeSupported === 'function' && mse.isTypeSupported(PROBE_CODECS)) return 'hls.js';
  if (video.canPlayType('application/vnd.apple.mpegurl')) return 'native';
  return 'none';
}
