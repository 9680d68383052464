// How the server lets caches keep its media: segments and playlists may be rewritten (a file served while still
// being written, a live playlist), so caches keep them but ask each time, and the ETag makes an unchanged answer a
// bodiless 304; only the hashed app bundles are immutable.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, startTestServer, type TestServer } from '../helpers/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ serveApp: true });
});
afterAll(() => server?.dispose());

describe('cache headers for media', () => {
  it.each(['/media/backlot/tv/seg_00000.m4s', '/media/backlot/tv/init.mp4', '/media/backlot/master.m3u8', '/media/backlot/tv/index.m3u8'])(
    '%s: kept but revalidated, never immutable, and an unchanged file answers 304',
    async (path) => {
      const first = await fetch(`${server.url}${path}`);
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      expect(first.headers.get('cache-control')).toBe('public, no-cache');
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      const again = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
    },
  );

  it('hashed app bundles stay immutable', async () => {
    const bundle = readdirSync(join(APP_DIR, 'assets')).find((name) => name.endsWith('.js'));
    expect(bundle).toBeDefined();
    const response = await fetch(`${server.url}/assets/${bundle}`);
    await response.arrayBuffer();
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
