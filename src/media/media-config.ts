// The media session's settings, with their defaults in one place.
import type { HlsConfig, LoadPolicy } from 'hls.js';
import type { EnginePreference } from './playback-engine';
import { UNLIMITED, type RenditionLimits } from './rendition-cap';

export interface MediaSessionConfig {
  /** Fatal network errors retried this many times before the error card shows. Unlimited by default: a stream
   * that comes back plays again without the person (meanwhile the page says it cannot be reached, with Retry). */
  maxNetworkRetries: number;
  /** First retry delay; doubles each time up to `maxRetryDelayMs`. */
  retryBaseDelayMs: number;
  /** The longest wait between two retries: how late playback may resume after the stream is back. Half a second:
   * playback is promised within 2 s of the cause clearing, and on a busy device the playlist, the segment and the
   * decode after the retry took up to 1.5 s. An outage then costs each viewer two small playlist requests a second,
   * twice what a live player asks of an unchanged playlist (every half target duration). */
  maxRetryDelayMs: number;
  /** Damaged segments skipped in a row, with nothing decoding between them, before the stream is called
   * undecodable on this device. */
  maxMediaRecoveries: number;
  /** A playing video whose playhead has not moved for this long counts as stalled (no 'waiting' event needed). */
  frozenAfterMs: number;
  /** Caps on the renditions ABR may choose; the view fills in the texture limit once it has a renderer. */
  renditionLimits: RenditionLimits;
  /** Which engine plays the stream (see chooseEngine); the session's `engine` option (`?hls=js|native`) overrides it. */
  engine: EnginePreference;
  /**
   * Where both engines could play, start the browser's own HLS at once and read the playlists meanwhile, handing
   * over to hls.js if they rule native out (live, a rendition too large for the texture). For streams that are
   * VOD nearly always (a tour's locations): the two playlist round trips leave the first frame's path.
   */
  nativeBeforePlaylists: boolean;
  /** Caps the renditions where the device drops frames (presentation-watch.ts); off, ABR goes by bandwidth and limits. */
  presentationWatch: boolean;
  /** hls.js parses and remuxes segments in its worker build instead of on the main thread. */
  hlsWorker: boolean;
  /** Passed to hls.js as is. */
  hls: Partial<HlsConfig>;
}

/** How long to wait before network retry number `attempt` (0 first): the base delay, doubled each time, capped. */
export function networkRetryDelayMs(config: Pick<MediaSessionConfig, 'retryBaseDelayMs' | 'maxRetryDelayMs'>, attempt: number): number {
  return Math.min(config.maxRetryDelayMs, config.retryBaseDelayMs * 2 ** Math.min(attempt, 30));
}

/**
 * hls.js's own retries, before an error reaches the session: quick and capped at half a second (as the session's
 * own, maxRetryDelayMs), so that a stream back after an outage plays within about a second (hls.js's defaults wait up
 * to 8 s between tries), and a request that hangs gives up after a few seconds and is asked again rather than
 * waited on for 10–20.
 */
function loadPolicy(firstByteMs: number, loadMs: number, errorRetries: number): LoadPolicy {
  return {
    default: {
      maxTimeToFirstByteMs: firstByteMs,
      maxLoadTimeMs: loadMs,
      timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: errorRetries, retryDelayMs: 250, maxRetryDelayMs: 500 },
    },
  };
}

export const DEFAULT_MEDIA_CONFIG: MediaSessionConfig = {
  maxNetworkRetries: Infinity,
  retryBaseDelayMs: 250,
  maxRetryDelayMs: 500,
  maxMediaRecoveries: 3,
  frozenAfterMs: 1_000,
  renditionLimits: UNLIMITED,
  engine: 'auto',
  nativeBeforePlaylists: false,
  presentationWatch: true,
  hlsWorker: false,
  hls: {
    // Start at the lowest rendition: the first frame comes sooner, and ABR climbs once playback runs.
    startLevel: 0,
    // Never pick a rendition larger than the view it is drawn into…
    capLevelToPlayerSize: false,
    // Dropped frames are watched by the session's presentation watch (presentation-watch.ts), which caps, lifts again
    // with headroom and remembers per device; hls.js's own FPS capping only ever steps down, so it stays off.
    capLevelOnFPSDrop: false,
    // Bounded buffers: a TV's MSE quota is ~60–150 MB.
    maxBufferLength: 20,
    maxMaxBufferLength: 30,
    maxBufferSize: 20 * 1000 * 1000,
    backBufferLength: 10,
    // A rendition that failed stays out of ABR's choice for the player's life (0: the penalty never expires):
    // climbing back to a rendition that answered "not found" stalls playback.
    errorPenaltyExpireMs: 0,
    manifestLoadPolicy: loadPolicy(8_000, 15_000, 2),
    playlistLoadPolicy: loadPolicy(6_000, 15_000, 3),
    fragLoadPolicy: loadPolicy(8_000, 60_000, 4),
  },
};
