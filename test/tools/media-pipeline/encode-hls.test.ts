// Checks the media pipeline end to end on a tiny clip: generated source → fMP4 HLS ladder, plus ffmpeg error reporting.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlsLadder, type HlsLadder, type Rendition } from '../../../src/tools/media-pipeline/encode-hls';
import { runFfmpeg } from '../../../src/tools/media-pipeline/ffmpeg';
import { generateSourceFootage } from '../../../src/tools/media-pipeline/generate-source';

const LADDER: readonly Rendition[] = [
  { name: 'small', width: 256, height: 128, videoKbps: 300, audioKbps: 48 },
  { name: 'tiny', width: 128, height: 64, videoKbps: 120, audioKbps: 32 },
];

let work = '';
let ladder: HlsLadder;

async function segmentsOf(playlist: string): Promise<string[]> {
  const text = await readFile(playlist, 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

describe('encodeHlsLadder', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'setvisit-hls-test-'));
    const source = path.join(work, 'source.mp4');
    await generateSourceFootage({
      outFile: source,
      width: 256,
      height: 128,
      durationSeconds: 4,
      fps: 30,
      title: 'TEST',
      preset: 'ultrafast',
      crf: 23,
    });
    ladder = await encodeHlsLadder({
      input: source,
      outDir: path.join(work, 'hls'),
      renditions: LADDER,
      segmentSeconds: 1,
      fps: 30,
      preset: 'ultrafast',
    });
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes a master playlist with one variant per rendition, with resolution and codecs', async () => {
    const master = await readFile(ladder.masterPlaylist, 'utf8');
    const variants = master.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants).toHaveLength(2);
    for (const [i, line] of variants.entries()) {
      const r = LADDER[i];
      expect(line).toMatch(/BANDWIDTH=\d+/);
      expect(line).toContain(`RESOLUTION=${r?.width}x${r?.height}`);
      expect(line).toMatch(/CODECS="[^"]*avc1\.[^"]*"/);
      expect(line).toMatch(/CODECS="[^"]*mp4a\.[^"]*"/);
    }
    expect(master).toContain('small/index.m3u8');
    expect(master).toContain('tiny/index.m3u8');
  });

  it('writes VOD fMP4 variant playlists whose init segment and media segments exist', async () => {
    for (const { playlist } of ladder.variants) {
      const text = await readFile(playlist, 'utf8');
      expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(text).toContain('#EXT-X-ENDLIST');
      expect(text).toContain('#EXT-X-MAP:URI="init.mp4"');

      const dir = path.dirname(playlist);
      expect((await stat(path.join(dir, 'init.mp4'))).size).toBeGreaterThan(0);
      const segments = await segmentsOf(playlist);
      expect(segments.length).toBeGreaterThanOrEqual(3);
      for (const segment of segments) {
        expect(segment).toMatch(/^seg_\d{5}\.m4s$/);
        expect((await stat(path.join(dir, segment))).size).toBeGreaterThan(0);
      }
    }
  });

  it('cuts every rendition at the same keyframes (same segment count and durations)', async () => {
    const [a, b] = await Promise.all(ladder.variants.map(async ({ playlist }) => readFile(playlist, 'utf8')));
    const durations = (text: string | undefined): string[] => (text ?? '').match(/#EXTINF:[\d.]+/g) ?? [];
    expect(durations(a).length).toBeGreaterThan(0);
    expect(durations(a)).toEqual(durations(b));
  });

  it('rejects a file that is not video with a clear error', async () => {
    const notVideo = path.join(work, 'notes.mp4');
    await writeFile(notVideo, 'these are call sheet notes, not a video\n');
    await expect(
      encodeHlsLadder({ input: notVideo, outDir: path.join(work, 'bad'), renditions: LADDER, segmentSeconds: 1 }),
    ).rejects.toThrow(/notes\.mp4" is not a readable video file/);
  });

  it('rejects a missing input with a clear error', async () => {
    const missing = path.join(work, 'missing.mp4');
    await expect(
      encodeHlsLadder({ input: missing, outDir: path.join(work, 'bad'), renditions: LADDER, segmentSeconds: 1 }),
    ).rejects.toThrow(`input file not found: ${missing}`);
  });
});

describe('runFfmpeg', () => {
  it('rejects with the failing command and ffmpeg’s reason when the input does not exist', async () => {
    const missing = path.join(os.tmpdir(), `setvisit-no-such-file-${process.pid}.mp4`);
    const run = runFfmpeg(['-i', missing, '-f', 'null', '-']);
    await expect(run).rejects.toThrow(missing);
    await expect(run).rejects.toThrow(/No such file or directory/);
  });

  it('explains how to install ffmpeg when the binary is missing', async () => {
    const previous = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = path.join(os.tmpdir(), 'setvisit-no-such-ffmpeg');
    try {
      await expect(runFfmpeg(['-version'])).rejects.toThrow(/ffmpeg not found: install it with `apt-get install ffmpeg` or set FFMPEG_PATH/);
    } finally {
      if (previous === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = previous;
    }
  });
});
