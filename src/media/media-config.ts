// The media session's settings, with their defaults in one place.
import type { HlsConfig } from 'hls.js';
import type { EnginePreference } from './playback-engine';
import { UNLIMITED, type RenditionLimits } from './rendition-cap';

export interface MediaSessionConfig {
  /** Fatal network errors retried this many times (with growing delays) before the error card shows. */
  maxNetworkRetries: number;
  /** First retry delay; doubles each time. */
  retryBaseDelayMs: number;
  /** Media (decode) errors recovered this many times before giving up. */
  maxMediaRecoveries: number;
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
  /** hls.js parses and remuxes segments in its worker build instead of on the main thread. */
  hlsWorker: boolean;
  /** Passed to hls.js as is. */
  hls: Partial<HlsConfig>;
}

/** How long to wait before network retry number `attempt` (0 first): the base delay, doubled each time. */
export function networkRetryDelayMs(config: Pick<MediaSessionConfig, 'retryBaseDelayMs'>, attempt: number): number {
  return config.retryBaseDelayMs * 2 ** attempt;
}

export const DEFAULT_MEDIA_CONFIG: MediaSessionConfig = {
  maxNetworkRetries: 4,
  retryBaseDelayMs: 1_000,
  maxMediaRecoveries: 2,
  renditionLimits: UNLIMITED,
  engine: 'auto',
  nativeBeforePlaylists: false,
  hlsWorker: false,
  hls: {
    // Start at the lowest rendition: the first frame comes sooner, and ABR climbs once playback runs.
    startLevel: 0,
    // Never pick a rendition larger than the view it is drawn into…
    capLevelToPlayerSize: false,
    // …and step down when the device drops frames (software decode of 4K 360 does).
    capLevelOnFPSDrop: true,
    // Bounded buffers: a TV's MSE quota is ~60–150 MB.
    maxBufferLength: 20,
    maxMaxBufferLength: 30,
    maxBufferSize: 20 * 1000 * 1000,
    backBufferLength: 10,
  },
};
