// Short HLS ladders made at test time with the product's own media pipeline (src/tools/media-pipeline), served from a
// loopback server of their own with CORS (the 360 view's <video> is crossorigin): the presentation-cap browser test
// and the bench play them. Kept short and small: a couple of seconds of test pattern at a low bitrate.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { encodeHlsLadder, type Rendition } from '../../src/tools/media-pipeline/encode-hls';
import { runFfmpeg } from '../../src/tools/media-pipeline/ffmpeg';

export interface ServedLadder {
  /** The master playlist's absolute URL. */
  master: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.mp4': 'video/mp4', '.m4s': 'video/iso.segment' };

/** Encodes `renditions` (a moving test pattern, `seconds` long at `fps`) and serves the ladder. */
export async function serveTestLadder(renditions: readonly { width: number; height: number; videoKbps: number }[], { seconds = 4, fps = 15 } = {}): Promise<ServedLadder> {
  const dir = mkdtempSync(join(tmpdir(), 'setvisit-ladder-'));
  const top = renditions.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const source = join(dir, 'source.mp4');
  await runFfmpeg(['-y', '-f', 'lavfi', '-i', `testsrc2=size=${top.width}x${top.height}:rate=${fps}`, '-t', String(seconds), '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '35', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', source]);
  const ladder: Rendition[] = renditions.map((r) => ({ name: `r${r.width}x${r.height}`, width: r.width, height: r.height, videoKbps: r.videoKbps, audioKbps: 32 }));
  await encodeHlsLadder({ input: source, outDir: join(dir, 'hls'), renditions: ladder, segmentSeconds: 1, fps, preset: 'ultrafast' });
  const root = join(dir, 'hls');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    res.setHeader('access-control-allow-origin', '*');
    try {
      if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    master: `http://127.0.0.1:${port}/master.m3u8`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}
