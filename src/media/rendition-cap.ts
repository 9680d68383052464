// Which renditions a device may play: never larger than the GPU can take as one texture, never above what
// it decodes smoothly (a TV: 1080 lines). On loopback, ABR would otherwise climb straight to the largest.
export interface RenditionLimits {
  /** The renderer's MAX_TEXTURE_SIZE: a frame wider or taller cannot be uploaded. */
  maxTextureSize: number;
  /** Most lines the device decodes smoothly. */
  maxHeight: number;
  /** Largest frame (width × height) the device presents without dropping frames (presentation-watch.ts); none when absent. */
  maxPixels?: number;
}

export const UNLIMITED: RenditionLimits = { maxTextureSize: Infinity, maxHeight: Infinity };

/** The index of the highest level within the limits; the lowest level if none fits (something must play). */
export function highestAllowedLevel(levels: readonly { width: number; height: number }[], limits: RenditionLimits): number {
  let best = -1;
  let bestPixels = -1;
  levels.forEach((level, index) => {
    const fits =
      level.width <= limits.maxTextureSize && level.height <= limits.maxTextureSize && level.height <= limits.maxHeight && level.width * level.height <= (limits.maxPixels ?? Infinity);
    const pixels = level.width * level.height;
    if (fits && pixels > bestPixels) {
      best = index;
      bestPixels = pixels;
    }
  });
  if (best >= 0) return best;
  let smallest = 0;
  levels.forEach((level, index) => {
    const min = levels[smallest];
    if (min && level.width * level.height < min.width * min.height) smallest = index;
  });
  return smallest;
}
