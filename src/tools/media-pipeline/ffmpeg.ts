// Owns spawning the ffmpeg binary and turning its failures into readable errors.
import { spawn } from 'node:child_process';

export interface RunFfmpegOptions {
  /** Working directory for ffmpeg (relative paths in args resolve against it). */
  cwd?: string;
  /** Aborting kills ffmpeg and rejects the promise. */
  signal?: AbortSignal;
}

export interface FfmpegResult {
  stderr: string;
}

/** How many trailing stderr lines an error carries: enough for ffmpeg's reason, not its whole banner. */
const STDERR_TAIL_LINES = 20;
/** Keep memory bounded on long encodes; the interesting part of a failure is at the end. */
const STDERR_MAX_CHARS = 1_000_000;

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export function ffmpegBinary(): string {
  const fromEnv = process.env.FFMPEG_PATH;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : 'ffmpeg';
}

/** Quote only what a shell would need quoted, so the command in an error can be pasted into a terminal. */
export function formatCommand(binary: string, args: readonly string[]): string {
  return [binary, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replaceAll("'", `'\\''`)}'`)).join(' ');
}

function tailLines(text: string, count: number): string {
  // ffmpeg's progress line is redrawn with \r, so treat it as a line break too.
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}

/**
 * Runs ffmpeg with `args` (prefixed with -hide_banner -nostdin so it never waits on the terminal).
 * Resolves with the collected stderr on exit code 0, rejects with an FfmpegError otherwise.
 */
export function runFfmpeg(args: readonly string[], opts: RunFfmpegOptions = {}): Promise<FfmpegResult> {
  const binary = ffmpegBinary();
  const fullArgs = ['-hide_banner', '-nostdin', ...args];
  const command = formatCommand(binary, fullArgs);

  return new Promise<FfmpegResult>((resolve, reject) => {
    let stderr = '';
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
    };

    const child = spawn(binary, fullArgs, {
      cwd: opts.cwd,
      signal: opts.signal,
      stdio: ['ignore', 'ignore', 'pipe'],
    });

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > STDERR_MAX_CHARS) stderr = stderr.slice(-STDERR_MAX_CHARS / 2);
    });

    child.on('error', (err: NodeJS.ErrnoException) => {
      settle(() => {
        if (err.code === 'ENOENT') {
          reject(
            new FfmpegError(
              `ffmpeg not found: install it with \`apt-get install ffmpeg\` or set FFMPEG_PATH (tried "${binary}")`,
              command,
              null,
              '',
            ),
          );
        } else if (err.name === 'AbortError') {
          reject(new FfmpegError(`ffmpeg was aborted: ${command}`, command, null, tailLines(stderr, STDERR_TAIL_LINES)));
        } else {
          reject(new FfmpegError(`could not run ffmpeg (${err.message}): ${command}`, command, null, ''));
        }
      });
    });

    child.on('close', (code, signal) => {
      settle(() => {
        if (code === 0) {
          resolve({ stderr });
          return;
        }
        const tail = tailLines(stderr, STDERR_TAIL_LINES);
        const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
        reject(new FfmpegError(`ffmpeg ${how}: ${command}\n--- last lines of ffmpeg stderr ---\n${tail}`, command, code, tail));
      });
    });
  });
}
