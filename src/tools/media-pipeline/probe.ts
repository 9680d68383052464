// Owns asking ffmpeg what streams a media file has (so callers can fail early with a clear message).
import { runFfmpeg } from './ffmpeg';

export interface MediaInfo {
  /** `fps` is the stream's frame rate as ffmpeg reports it (null if it does not say). */
  video: { width: number; height: number; fps: number | null } | null;
  hasAudio: boolean;
  durationSeconds: number | null;
}

/**
 * Reads the stream layout from ffmpeg's own input report instead of requiring ffprobe,
 * so the pipeline depends on exactly one binary. Rejects (FfmpegError) if ffmpeg cannot read the file.
 */
export async function probeMedia(file: string): Promise<MediaInfo> {
  // Copying zero seconds to the null muxer exits 0 for any readable file and prints the input report.
  const { stderr } = await runFfmpeg(['-i', file, '-map', '0', '-c', 'copy', '-t', '0', '-f', 'null', '-']);
  return parseInputReport(stderr);
}

export function parseInputReport(stderr: string): MediaInfo {
  // Only the "Input #0" block describes the file; the "Output #0" block repeats the streams.
  const start = stderr.indexOf('Input #0');
  const endCandidates = [stderr.indexOf('Output #0'), stderr.indexOf('Stream mapping:')].filter((i) => i > start);
  const report = stderr.slice(Math.max(start, 0), endCandidates.length > 0 ? Math.min(...endCandidates) : undefined);

  let video: MediaInfo['video'] = null;
  let hasAudio = false;
  for (const match of report.matchAll(/^\s*Stream #0:\d+\S*: (Video|Audio): (.*)$/gm)) {
    const [, kind, details = ''] = match;
    if (kind === 'Audio') hasAudio = true;
    // Cover art in an .m4a shows up as a one-frame "video" stream; it is not footage.
    if (kind === 'Video' && video === null && !details.includes('attached pic')) {
      const size = /\b(\d{2,5})x(\d{2,5})\b/.exec(details);
      const rate = /, (\d+(?:\.\d+)?) fps\b/.exec(details) ?? /, (\d+(?:\.\d+)?) tbr\b/.exec(details);
      if (size) video = { width: Number(size[1]), height: Number(size[2]), fps: rate ? Number(rate[1]) : null };
    }
  }

  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(report);
  const durationSeconds = duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null;
  return { video, hasAudio, durationSeconds };
}
