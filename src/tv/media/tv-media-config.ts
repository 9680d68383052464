// The media session's settings on a TV: smaller, byte-capped buffers and a decode cap, on top of the shared
// defaults. hls.js itself is pinned to an exact version in package.json ("1.7.4", no ^ or ~): a minor release has
// broken playback on webOS before (hls.js #8014, where 1.6.15 worked), so a TV build only moves to a new hls.js on
// purpose, after the TV tests pass on it.
import { DEFAULT_MEDIA_CONFIG, type MediaSessionConfig } from '../../media/media-config';
import type { RenditionLimits } from '../../media/rendition-cap';

/** Lines a TV is trusted to decode and upload smoothly until it proves more (see provenDecodeHeight). */
export const TV_DEFAULT_MAX_HEIGHT = 1080;

/**
 * Buffers bounded in bytes as well as seconds: a TV's MSE quota is about 60–150 MB for the whole page (hls.js
 * #876, #6529), and a 360 stream's bitrate is high, so seconds alone can overrun it. 20 MB forward plus a short
 * back buffer leaves room for the next location's preload.
 */
export const TV_BUFFER_BYTES = 20 * 1000 * 1000;

export function tvMediaConfig(limits: Partial<RenditionLimits> = {}): Partial<MediaSessionConfig> {
  return {
    renditionLimits: { maxTextureSize: limits.maxTextureSize ?? Infinity, maxHeight: limits.maxHeight ?? TV_DEFAULT_MAX_HEIGHT },
    // hls.js, not the set's own HLS, until native playback has been tried on real sets: the quota recovery and the
    // pinned version above are hls.js's, and video in WebGL is where TVs misbehave (FIELD-NOTES).
    engine: 'hls.js',
    hls: {
      ...DEFAULT_MEDIA_CONFIG.hls,
      maxBufferSize: TV_BUFFER_BYTES,
      maxBufferLength: 15,
      maxMaxBufferLength: 20,
      backBufferLength: 5,
      // The set's own decoder tells when it cannot keep up; step down rather than show 8 frames a second.
      capLevelOnFPSDrop: true,
      // Quota errors come back as non-fatal BUFFER_FULL_ERRORs; give the recovery a few goes before giving up.
      appendErrorMaxRetry: 5,
    },
  };
}

/** What a set must report to be trusted with 2160-line footage: smooth and power-efficient (hardware) decode. */
const UHD_PROBE = {
  type: 'media-source' as const,
  video: { contentType: 'video/mp4; codecs="avc1.640033"', width: 3840, height: 2160, bitrate: 20_000_000, framerate: 30 },
};

/** The `navigator.mediaCapabilities` member used; absent on 2018–2019 engines, which then stay at 1080. */
export interface DecodeCapabilities {
  decodingInfo(config: typeof UHD_PROBE): Promise<{ supported: boolean; smooth: boolean; powerEfficient: boolean }>;
}

/**
 * 2160 when the device proves it decodes UHD H.264 in hardware, else 1080. Never above the texture limit either:
 * the caller still passes MAX_TEXTURE_SIZE, and rendition-cap takes the smaller.
 */
export async function provenDecodeHeight(capabilities: DecodeCapabilities | undefined): Promise<number> {
  if (!capabilities || typeof capabilities.decodingInfo !== 'function') return TV_DEFAULT_MAX_HEIGHT;
  try {
    const info = await capabilities.decodingInfo(UHD_PROBE);
    return info.supported && info.smooth && info.powerEfficient ? 2160 : TV_DEFAULT_MAX_HEIGHT;
  } catch {
    return TV_DEFAULT_MAX_HEIGHT;
  }
}
