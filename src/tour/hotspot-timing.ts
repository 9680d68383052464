// Whether a time-aware hotspot shows at a moment of the video.
import type { Hotspot } from '../protocol/tour-schema';

export function isHotspotShown(hotspot: Pick<Hotspot, 'start' | 'end'>, videoSeconds: number): boolean {
  return (hotspot.start === undefined || videoSeconds >= hotspot.start) && (hotspot.end === undefined || videoSeconds < hotspot.end);
}
