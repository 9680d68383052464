// How generated source footage is encoded: near-lossless H.264 + AAC with its colour space stated, so every
// generator hands the ladder the same kind of master file.

export interface SourceEncoding {
  durationSeconds: number;
  fps: number;
  preset?: string | undefined;
  crf?: number | undefined;
  title: string;
  outFile: string;
}

/** The output half of a generator's ffmpeg command: from the duration to the output file. */
export function sourceOutputArgs(options: SourceEncoding): string[] {
  return [
    '-t', String(options.durationSeconds),
    '-r', String(options.fps),
    '-c:v', 'libx264', '-preset', options.preset ?? 'medium', '-crf', String(options.crf ?? 16),
    '-pix_fmt', 'yuv420p', '-g', String(options.fps),
    // The graphs convert RGB to YUV with ffmpeg's default BT.601 matrix: say so, or players guess BT.709.
    '-colorspace', 'smpte170m', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2',
    '-metadata', `title=${options.title}`,
    '-movflags', '+faststart',
    options.outFile,
  ];
}
