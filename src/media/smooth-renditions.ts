// Which renditions this device is known to present smoothly, from what it showed before (presentation-memory.ts) and
// what the browser's MediaCapabilities says. The engine choice asks it (the browser's own HLS cannot be capped, so it
// plays only a ladder whose top rendition is known to be smooth), and the presentation watch starts below a size that
// dropped before.
import type { PresentationRecord } from './presentation-memory';

export interface FrameSize {
  width: number;
  height: number;
}

/**
 * Sizes presumed smooth on every device the product targets without having seen them: a 2048-wide equirect frame (or
 * 1080p). Larger ones (a 4096×2048 rendition) must have been presented smoothly on this device first: software decode
 * of 4K 360 gives 6–9 frames a second in every viewer measured (docs/benchmarks.md).
 */
export const PRESUMED_SMOOTH_PIXELS = 2048 * 1152;

export const pixelsOf = (size: FrameSize): number => Math.max(0, size.width) * Math.max(0, size.height);

/** Whether this device is known to present frames of `size` smoothly. */
export function knownSmooth(size: FrameSize, record: PresentationRecord): boolean {
  const pixels = pixelsOf(size);
  if (pixels <= 0) return false;
  if (record.droppedAt !== null && pixels >= record.droppedAt) return false;
  return pixels <= PRESUMED_SMOOTH_PIXELS || (record.smoothAt !== null && pixels <= record.smoothAt);
}

/** The largest size allowed under a record's dropped size (Infinity where nothing dropped). */
export function pixelCapOf(record: PresentationRecord): number {
  return record.droppedAt === null ? Infinity : record.droppedAt - 1;
}

/**
 * What MediaCapabilities says of decoding `size` (H.264 in MSE, as both engines decode it here): false when the
 * browser says it is not smooth, true when it says smooth, null when it cannot say. A "smooth" here is weak (Chromium
 * answers it for anything supported until its own history shows drops); a "not smooth" is taken at its word.
 */
export async function capabilitiesSaySmooth(size: FrameSize & { bitrate: number; frameRate?: number; codecs?: string }): Promise<boolean | null> {
  const capabilities = (globalThis.navigator as Navigator | undefined)?.mediaCapabilities;
  if (!capabilities || typeof capabilities.decodingInfo !== 'function' || pixelsOf(size) <= 0) return null;
  const video = size.codecs?.split(',').find((codec) => /^(avc|hvc|hev|av01|vp0?9)/.test(codec.trim()))?.trim() ?? 'avc1.640033';
  try {
    const info = await capabilities.decodingInfo({
      type: 'media-source',
      video: { contentType: `video/mp4; codecs="${video}"`, width: size.width, height: size.height, bitrate: Math.max(1, size.bitrate), framerate: size.frameRate ?? 30 },
    });
    // "Not supported" says nothing here: the engines play what Chromium's MediaCapabilities calls unsupported headless.
    return info.supported ? info.smooth : null;
  } catch {
    return null;
  }
}
