// Owns `npm run media -- <input.mp4> …`: bring your own 360°/180° footage into a tour location folder.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECTIONS, STEREO_LAYOUTS, type Projection, type StereoLayout } from '../../protocol/tour-schema';
import { importFootage, InputError, LOCATION_FILE, X264_PRESETS, type ImportFootageOptions } from './import-footage';
import { LADDERS, type LadderName } from './ladder';

/** public/media of this checkout, wherever the command is run from. */
export const DEFAULT_OUT = fileURLToPath(new URL('../../../public/media', import.meta.url));

export const USAGE = `Usage: npm run media -- <input.mp4> --projection <p> --stereo <s> --id <location-id> [options]

Turns your own 360°/180° footage into <out>/<id>/: an HLS ladder (tv, desktop, headset), poster.jpg,
captions and location.json (a scene-file location stub, also printed on stdout).

Required:
  <input.mp4>              the footage (any container and codec ffmpeg reads)
  --projection <p>         equirect360 | equirect180
  --stereo <s>             mono | top-bottom (left eye on top) | left-right (left eye on the left)
                           the frame must be: 360 mono 2:1, 360 top-bottom 1:1, 180 left-right 2:1, 180 mono 1:1
  --id <location-id>       lowercase letters, digits and dashes, e.g. stage-a

Options:
  --name-en <text>         the location's name in English
  --name-zh <text>         the location's name in Chinese (zh-CN)
  --captions-en <file.vtt> English captions (WebVTT), copied in
  --captions-zh <file.vtt> Chinese captions (WebVTT), copied in
  --out <dir>              where location folders go (default: public/media)
  --ladder <l>             standard (default) | demo (small, for the committed sample)
  --preset <p>             x264 preset, ${X264_PRESETS[0]} … ${X264_PRESETS.at(-1) ?? ''} (default: medium)
  --force                  replace <out>/<id>/ if it exists
  -h, --help               this text

Exit status: 0 done, 2 bad arguments or input (the message says which), 1 encoding failed.
See docs/media-pipeline.md.`;

/** Bad arguments: the message goes out with the usage text and exit status 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliIo {
  /** The location stub (JSON). */
  stdout: (text: string) => void;
  /** Progress and errors. */
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`${flag} is required (one of ${allowed.join(', ')})`);
  }
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Parses argv (without node and the script) into import options; throws UsageError, or returns 'help'. */
export function parseCliArgs(argv: readonly string[]): ImportFootageOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        projection: { type: 'string' },
        stereo: { type: 'string' },
        id: { type: 'string' },
        'name-en': { type: 'string' },
        'name-zh': { type: 'string' },
        out: { type: 'string' },
        'captions-en': { type: 'string' },
        'captions-zh': { type: 'string' },
        ladder: { type: 'string' },
        preset: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // node:util's messages name the flag ("Unknown option '--fps'"); keep them, minus its own advice.
    throw new UsageError((err instanceof Error ? err.message : String(err)).replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('missing <input.mp4>');
  if (positionals.length > 1) throw new UsageError(`one input at a time (got ${positionals.length}: ${positionals.join(' ')})`);
  if (values.id === undefined) throw new UsageError('--id is required');

  return {
    input: positionals[0] ?? '',
    projection: oneOf<Projection>('--projection', values.projection, PROJECTIONS),
    stereo: oneOf<StereoLayout>('--stereo', values.stereo, STEREO_LAYOUTS),
    id: values.id,
    name: { en: values['name-en'], 'zh-CN': values['name-zh'] },
    outRoot: path.resolve(values.out ?? DEFAULT_OUT),
    captions: {
      ...(values['captions-en'] !== undefined ? { en: path.resolve(values['captions-en']) } : {}),
      ...(values['captions-zh'] !== undefined ? { 'zh-CN': path.resolve(values['captions-zh']) } : {}),
    },
    ladder: oneOf<LadderName>('--ladder', values.ladder, LADDERS, 'standard'),
    force: values.force,
    preset: values.preset ?? 'medium',
  };
}

/** Runs the command; resolves with the exit status instead of exiting, so make-sample and tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let options: ImportFootageOptions | 'help';
  try {
    options = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`error: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    const result = await importFootage({ ...options, log: (line) => io.stderr(`${line}\n`) });
    io.stderr(`wrote ${result.dir}/ — the location stub (${LOCATION_FILE}) follows on stdout\n`);
    io.stdout(`${JSON.stringify(result.location, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`error: ${err.message}\n`);
      return 2;
    }
    io.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
