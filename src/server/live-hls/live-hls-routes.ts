// Serves each meet-up's demo stream: /live/<key>/… while live (a sliding window over the looped footage) and
// /replay/<key>/… once ended (every segment that was live, as VOD). The key is the meet-up's secret stream key,
// and every request must carry a media pass (a signed cookie scoped to /live/<key>/ or /replay/<key>/) that the
// server hands only to viewers let in, for a short time, and only while the session lasts (docs/deploy.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaRefusalCode } from '../../protocol/media-refusal';
import type { MeetupRecord } from '../storage/meetup-storage';
import { createLoopTimeline, liveWindow, publishedCount, renderMediaPlaylist, replayPlaylist, sourceIndex, type LoopTimeline } from './live-timeline';
import type { SourceStream } from './source-stream';

export interface LiveHlsOptions {
  source: SourceStream;
  findByStreamKey(streamKey: string): Promise<MeetupRecord | undefined>;
  now?: () => number;
  /**
   * Checks the request's media pass for a stream's path scope ("/live/<key>/"); without it the key alone opens
   * the stream (a server with no media passes configured).
   */
  verify?: (req: IncomingMessage, scope: string) => StreamPassCheck;
}

export type StreamPassCheck = { ok: true } | { ok: false; status: 401 | 403; code: MediaRefusalCode; message: string };

/** How long after the end the live path still answers, so players finish the final window and see its end. */
export const LIVE_GRACE_AFTER_END_MS = 60_000;

/** The playlist a meet-up's audience opens: live while live, the replay once ended, none while scheduled. */
export function streamUrlOf(meetup: MeetupRecord): string | undefined {
  if (meetup.state === 'live') return `/live/${meetup.streamKey}/master.m3u8`;
  if (meetup.state === 'ended') return `/replay/${meetup.streamKey}/master.m3u8`;
  return undefined;
}

const PATH = /^\/(live|replay)\/([A-Za-z0-9_-]{16,64})\/(?:master\.m3u8|([a-z0-9-]+)\/(index\.m3u8|init\.mp4|(\d{1,9})\.m4s))$/;

/** Returns a handler that answers /live/ and /replay/ requests and reports whether it did. */
export function createLiveHlsRoutes(options: LiveHlsOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const timeline = createLoopTimeline(options.source.durationsSeconds, options.source.targetDurationSeconds);
  const renditions = new Map(options.source.renditions.map((r) => [r.name, r]));
  const now = options.now ?? Date.now;
  const master = Buffer.from(['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS', ...options.source.renditions.flatMap((r) => [r.streamInf, `${r.name}/index.m3u8`])].join('\n') + '\n');

  return async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!pathname.startsWith('/live/') && !pathname.startsWith('/replay/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, req, 405, 'text/plain; charset=utf-8', Buffer.from('use GET\n'), { allow: 'GET, HEAD' });
      return true;
    }
    const match = PATH.exec(pathname);
    // One answer for a wrong key, a stream not started and a path that does not exist: nothing to learn by probing.
    const notFound = () => send(res, req, 404, 'text/plain; charset=utf-8', Buffer.from('no such stream\n'));
    if (!match) return notFound(), true;
    const kind = match[1] as 'live' | 'replay';
    // The pass is checked before the key is looked up: without one, every key (right, wrong, revoked) answers alike.
    const pass = options.verify?.(req, `/${kind}/${match[2]}/`);
    if (pass && !pass.ok) {
      send(res, req, pass.status, 'application/json; charset=utf-8', Buffer.from(JSON.stringify({ error: { code: pass.code, message: pass.message } })), { 'cache-control': 'no-store' });
      return true;
    }
    const meetup = await options.findByStreamKey(match[2]!);
    if (pass && !meetup) {
      // A genuine pass for a key no meet-up has any more: the host revoked it.
      send(res, req, 403, 'application/json; charset=utf-8', Buffer.from(JSON.stringify({ error: { code: 'stream-key-revoked' satisfies MediaRefusalCode, message: 'the host revoked this stream key: get a new pass' } })), { 'cache-control': 'no-store' });
      return true;
    }
    if (!meetup?.startedAt) return notFound(), true;
    const startedAtMs = Date.parse(meetup.startedAt);
    const endedAtMs = meetup.endedAt ? Date.parse(meetup.endedAt) : undefined;
    if (kind === 'replay' && endedAtMs === undefined) return notFound(), true;
    if (pass && kind === 'live' && endedAtMs !== undefined && now() - endedAtMs > LIVE_GRACE_AFTER_END_MS) {
      send(res, req, 410, 'application/json; charset=utf-8', Buffer.from(JSON.stringify({ error: { code: 'stream-ended' satisfies MediaRefusalCode, message: 'the live session has ended: the replay has its own pass' } })), { 'cache-control': 'no-store' });
      return true;
    }
    const [, , , renditionName, file, segment] = match;
    if (!renditionName) {
      send(res, req, 200, PLAYLIST_TYPE, master, { 'cache-control': kind === 'live' ? 'no-cache' : 'private, max-age=3600' });
      return true;
    }
    const rendition = renditions.get(renditionName);
    if (!rendition) return notFound(), true;
    if (file === 'init.mp4') {
      send(res, req, 200, 'video/mp4', rendition.init, { 'cache-control': 'private, max-age=86400' });
      return true;
    }
    if (file === 'index.m3u8') {
      const request = kind === 'live' ? liveWindow(timeline, startedAtMs, now(), endedAtMs) : replayPlaylist(timeline, startedAtMs, endedAtMs!);
      send(res, req, 200, PLAYLIST_TYPE, Buffer.from(renderMediaPlaylist(timeline, request)), { 'cache-control': 'no-cache' });
      return true;
    }
    const k = Number(segment);
    if (k >= published(timeline, startedAtMs, endedAtMs ?? now())) return notFound(), true;
    // A numbered segment's bytes never change: caches may keep it.
    send(res, req, 200, 'video/mp4', rendition.segments[sourceIndex(timeline, k)]!.data, { 'cache-control': 'private, max-age=86400' });
    return true;
  };
}

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';

function published(timeline: LoopTimeline, startedAtMs: number, untilMs: number): number {
  return publishedCount(timeline, untilMs - startedAtMs);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': body.length, 'x-content-type-options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}
