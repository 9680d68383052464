// `npm run media` as users run it: the real CLI in a child process, on a tiny generated stereo clip.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../../src/tools/media-pipeline/ffmpeg';
import { TourLocation } from '../../../src/protocol/tour-schema';
import { REPO_ROOT } from '../../helpers/test-server';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/tools/media-pipeline/cli.ts', ...args],
      { cwd: REPO_ROOT, timeout: 30_000, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let work = '';
let input = '';
let videoOnly = '';
let out = '';
let run: Run;

const RENDITIONS = ['tv', 'desktop', 'headset'] as const;
const durations = (playlist: string): string[] => playlist.match(/#EXTINF:[\d.]+/g) ?? [];
const segments = (playlist: string): string[] => playlist.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('npm run media (cli.ts)', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-cli-test-'));
    input = path.join(work, 'stage-tb.mp4');
    videoOnly = path.join(work, 'silent-tb.mp4');
    out = path.join(work, 'media');
    // 512x512 top-bottom 360 (each eye 512x256), 3 s, with a 44.1 kHz tone the ladder must resample to 48 kHz.
    await runFfmpeg([
      '-y', '-loglevel', 'error',
      '-f', 'lavfi', '-i', 'testsrc2=s=512x512:r=25:d=3',
      '-f', 'lavfi', '-i', 'sine=f=440:r=44100:d=3',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', input,
    ]);
    await runFfmpeg(['-y', '-loglevel', 'error', '-i', input, '-an', '-c:v', 'copy', videoOnly]);
    await writeFile(path.join(work, 'en.vtt'), 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nStage A — scene 45, take 3\n');
    await writeFile(path.join(work, 'zh.vtt'), 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\n一号棚——第 45 场第 3 条\n');
    run = await runCli([
      input,
      '--projection', 'equirect360', '--stereo', 'top-bottom', '--id', 'stage-a',
      '--name-en', 'Stage A', '--name-zh', '一号棚',
      '--captions-en', path.join(work, 'en.vtt'), '--captions-zh', path.join(work, 'zh.vtt'),
      '--out', out, '--ladder', 'demo', '--preset', 'veryfast',
    ]);
  }, 60_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('exits 0 and prints a location stub that the tour schema accepts', async () => {
    expect(run.code, run.stderr).toBe(0);
    const printed: unknown = JSON.parse(run.stdout);
    const written: unknown = JSON.parse(await readFile(path.join(out, 'stage-a/location.json'), 'utf8'));
    expect(written).toEqual(printed);
    const location = TourLocation.parse(written);
    expect(location).toMatchObject({
      id: 'stage-a',
      name: { en: 'Stage A', 'zh-CN': '一号棚' },
      stream: '/media/stage-a/master.m3u8',
      projection: 'equirect360',
      stereo: 'top-bottom',
      initialView: { yaw: 0, pitch: 0 },
      poster: '/media/stage-a/poster.jpg',
      captions: [
        { language: 'en', src: '/media/stage-a/captions.en.vtt' },
        { language: 'zh-CN', src: '/media/stage-a/captions.zh-CN.vtt' },
      ],
      hotspots: [],
    });
    expect(await readFile(path.join(out, 'stage-a/captions.zh-CN.vtt'), 'utf8')).toContain('第 45 场');
    expect((await stat(path.join(out, 'stage-a/poster.jpg'))).size).toBeGreaterThan(1000);
  });

  it('writes three renditions, tv < desktop < headset, all 1:1 like the top-bottom source, H.264 High + AAC', async () => {
    const master = await readFile(path.join(out, 'stage-a/master.m3u8'), 'utf8');
    const variants = master.split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants).toHaveLength(3);
    const uris = segments(master);
    expect(uris).toEqual(RENDITIONS.map((r) => `${r}/index.m3u8`));
    const resolutions = variants.map((v) => /RESOLUTION=(\d+)x(\d+)/.exec(v)?.slice(1).map(Number) ?? []);
    for (const [w, h] of resolutions) expect(w).toBe(h);
    const widths = resolutions.map(([w]) => w ?? 0);
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(3);
    // The source is only 512 wide: the ladder is scaled down to it, never up.
    expect(widths.at(-1)).toBeLessThanOrEqual(512);
    for (const v of variants) expect(v).toMatch(/CODECS="avc1\.64[0-9a-f]{4},mp4a\.40\.2"/);
  });

  it('cuts every rendition at the same keyframes: same segment count and durations (2 s)', async () => {
    const playlists = await Promise.all(RENDITIONS.map((r) => readFile(path.join(out, 'stage-a', r, 'index.m3u8'), 'utf8')));
    const [first, ...rest] = playlists.map(durations);
    expect(first).toEqual(['#EXTINF:2.000000', '#EXTINF:1.000000']);
    for (const other of rest) expect(other).toEqual(first);
    for (const [i, r] of RENDITIONS.entries()) {
      for (const s of segments(playlists[i] ?? '')) expect((await stat(path.join(out, 'stage-a', r, s))).size).toBeGreaterThan(0);
    }
  });

  it('resamples the audio to 48 kHz AAC', async () => {
    const dir = path.join(out, 'stage-a/tv');
    const joined = path.join(work, 'tv-first-segment.mp4');
    await writeFile(joined, Buffer.concat([await readFile(path.join(dir, 'init.mp4')), await readFile(path.join(dir, 'seg_00000.m4s'))]));
    const { stderr } = await runFfmpeg(['-i', joined, '-f', 'null', '-']);
    expect(stderr).toMatch(/Audio: aac \(LC\)[^\n]*48000 Hz/);
    expect(stderr).toMatch(/Video: h264 \(High\)/);
  });

  it('handles video-only footage (no audio in the ladder)', async () => {
    const silent = await runCli([videoOnly, '--projection', 'equirect360', '--stereo', 'top-bottom', '--id', 'silent', '--out', out, '--ladder', 'demo', '--preset', 'ultrafast']);
    expect(silent.code, silent.stderr).toBe(0);
    const master = await readFile(path.join(out, 'silent/master.m3u8'), 'utf8');
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(3);
    expect(master).not.toContain('mp4a');
    expect(TourLocation.parse(JSON.parse(silent.stdout))).toMatchObject({ id: 'silent', name: { en: 'silent' }, captions: [] });
  });

  describe.concurrent('refuses bad input with exit status 2 and a message naming the problem', () => {
    it('a file that is not a video', async () => {
      const notes = path.join(work, 'call-sheet.mp4');
      await writeFile(notes, 'call sheet: stage A, 07:00\n');
      const r = await runCli([notes, '--projection', 'equirect360', '--stereo', 'mono', '--id', 'notes', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/call-sheet\.mp4 is not a video/);
    });

    it('a frame whose aspect does not match the declared layout', async () => {
      const r = await runCli([input, '--projection', 'equirect360', '--stereo', 'mono', '--id', 'wrong-shape', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is 512x512 \(1:1\), but equirect360 mono needs 2:1/);
    });

    it('an id the tour schema would refuse', async () => {
      const r = await runCli([input, '--projection', 'equirect360', '--stereo', 'top-bottom', '--id', 'Stage_A', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--id "Stage_A" is not a location id/);
    });

    it('an output folder that exists, without --force', async () => {
      const r = await runCli([input, '--projection', 'equirect360', '--stereo', 'top-bottom', '--id', 'stage-a', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/stage-a already exists: pass --force to replace it/);
    });

    it('an unknown flag, with the usage text', async () => {
      const r = await runCli([input, '--projection', 'equirect360', '--stereo', 'top-bottom', '--id', 'x', '--fps', '60']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Unknown option '--fps'/);
      expect(r.stderr).toContain('Usage: npm run media');
    });

    it('a layout that does not exist', async () => {
      const r = await runCli([input, '--projection', 'equirect360', '--stereo', 'side-by-side', '--id', 'x']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--stereo must be one of mono, top-bottom, left-right/);
    });
  });

  it('prints the usage text on --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--projection <p>\s+equirect360 \| equirect180/);
  });
});
