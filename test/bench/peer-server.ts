// Serves the peers' builds on loopback with the same sample media and tour file SetVisit plays: the peer pages at
// /psv/, /aframe/ and /three/, the footage at /media/, the tour at /scenes/.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { REPO_ROOT } from '../helpers/test-server';

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export interface PeerServerOptions {
  /** Tour files at /scenes/ (the repo's scenes/ by default). */
  scenesDir?: string;
  /** Extra media folders: URL prefix under /media/ (e.g. 'ladder-4k') → folder. */
  media?: Record<string, string>;
}

export async function startPeerServer(peersDist: string, options: PeerServerOptions = {}): Promise<PeerServer> {
  const pages = sirv(peersDist, { dev: false, etag: true });
  const media = sirv(join(REPO_ROOT, 'public'), { dev: false, etag: true });
  const extraMedia = Object.entries(options.media ?? {}).map(([prefix, dir]) => ({ prefix: `/media/${prefix}/`, serve: sirv(dir, { dev: false, etag: true }) }));
  const scenes = sirv(options.scenesDir ?? join(REPO_ROOT, 'scenes'), { dev: false, etag: true });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.end('not found');
  };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const extra = extraMedia.find((m) => url.startsWith(m.prefix));
    if (extra) {
      req.url = url.slice(extra.prefix.length - 1);
      return extra.serve(req, res, () => notFound(res));
    }
    if (url.startsWith('/media/')) return media(req, res, () => notFound(res));
    if (url.startsWith('/scenes/')) {
      req.url = url.slice('/scenes'.length);
      return scenes(req, res, () => notFound(res));
    }
    return pages(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
