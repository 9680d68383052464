// Owns picking the lowest H.264 level a rendition fits in, so players are not asked for more than needed.

interface LevelLimits {
  level: string;
  /** Max frame size, macroblocks. */
  maxFs: number;
  /** Max macroblocks per second. */
  maxMbps: number;
  /** Max video bitrate for High profile, kbit/s (1.25 × the Baseline/Main figure). */
  maxHighKbps: number;
}

// ITU-T H.264 Table A-1 (levels below 3 are too small for 360° video, 4.1 only differs in bitrate).
const LEVELS: readonly LevelLimits[] = [
  { level: '3.0', maxFs: 1620, maxMbps: 40500, maxHighKbps: 12500 },
  { level: '3.1', maxFs: 3600, maxMbps: 108000, maxHighKbps: 17500 },
  { level: '3.2', maxFs: 5120, maxMbps: 216000, maxHighKbps: 25000 },
  { level: '4.0', maxFs: 8192, maxMbps: 245760, maxHighKbps: 25000 },
  { level: '4.1', maxFs: 8192, maxMbps: 245760, maxHighKbps: 62500 },
  { level: '4.2', maxFs: 8704, maxMbps: 522240, maxHighKbps: 62500 },
  { level: '5.0', maxFs: 22080, maxMbps: 589824, maxHighKbps: 168750 },
  { level: '5.1', maxFs: 36864, maxMbps: 983040, maxHighKbps: 300000 },
  { level: '5.2', maxFs: 36864, maxMbps: 2073600, maxHighKbps: 300000 },
];

/**
 * Without an explicit level x264 sizes the level from its reference-frame count, so a slow preset
 * turns 2048x1024@30 (which fits 4.0) into level 5.0 — which some TV and headset decoders refuse.
 * Given a level, x264 instead caps its reference frames to fit.
 */
export function h264LevelFor(width: number, height: number, fps: number, maxKbps: number): string {
  const frameMbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const fits = LEVELS.find(
    (l) =>
      frameMbs <= l.maxFs &&
      frameMbs * fps <= l.maxMbps &&
      maxKbps <= l.maxHighKbps &&
      // Neither side may exceed sqrt(8 × MaxFS) macroblocks.
      Math.max(Math.ceil(width / 16), Math.ceil(height / 16)) <= Math.sqrt(8 * l.maxFs),
  );
  if (!fits) throw new Error(`no H.264 level fits ${width}x${height}@${fps} at ${maxKbps} kbit/s`);
  return fits.level;
}
