// @vitest-environment happy-dom
// A stream the server refuses (401/403/410) ends on an error that says why, read from the refused address's answer
// (src/protocol/media-refusal.ts): not a network error retried for ever, not a rendition left as dead. An address
// that opens again by the time it is asked (a pass renewed meanwhile) is simply loaded again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorDetails, ErrorTypes } from 'hls.js';
import type { Logger } from '../../src/feed/logger';
import { MediaSession } from '../../src/media/media-session';
import { loadScriptedHls, ScriptedHls, scriptedVideo, settle, withMediaSource, type ScriptedVideo } from './scripted-media';

const SRC = 'http://localhost/media/monitor/master.m3u8';
const LEVEL = 'http://localhost/media/monitor/tv/index.m3u8';
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let video: ScriptedVideo;
let session: MediaSession;
let undoMediaSource: () => void;
let answer: { status: number; code?: string };
const asked: string[] = [];

beforeEach(() => {
  ScriptedHls.instances = [];
  asked.length = 0;
  video = scriptedVideo();
  undoMediaSource = withMediaSource();
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => {
    asked.push(input instanceof Request ? input.url : input.toString());
    const body = answer.code ? JSON.stringify({ error: { code: answer.code, message: 'refused' } }) : '#EXTM3U\n';
    return Promise.resolve(new Response(body, { status: answer.status }));
  });
  session = new MediaSession({ video, loadHls: loadScriptedHls, logger: quiet, config: { retryBaseDelayMs: 10 } });
});

afterEach(() => {
  session.dispose();
  undoMediaSource();
  vi.unstubAllGlobals();
});

const refuse = (status: number) =>
  ScriptedHls.instances.at(-1)!.fail({ type: ErrorTypes.NETWORK_ERROR, details: ErrorDetails.LEVEL_LOAD_ERROR, fatal: false, response: { code: status, text: '', url: LEVEL }, context: { url: LEVEL, level: 0 } as never });

describe('a refused stream', () => {
  for (const [status, code, refusal] of [
    [401, 'media-pass-needed', 'pass'],
    [403, 'media-pass-expired', 'pass'],
    [403, 'stream-key-revoked', 'key'],
    [410, 'stream-ended', 'ended'],
  ] as const) {
    it(`says why: ${status} ${code} is "${refusal}"`, async () => {
      await session.load(SRC);
      answer = { status, code };
      refuse(status);
      const hls = ScriptedHls.instances.at(-1)!;
      // Loading stops at once: every rendition sits behind the same pass.
      expect(hls.stopLoads).toBe(1);
      await settle();
      expect(asked).toEqual([LEVEL]);
      expect(session.current).toMatchObject({ status: 'error', stall: null, error: { kind: 'network', refusal } });
      // Not retried, and no other rendition asked for.
      expect(hls.startLoads).toBe(0);
      expect(ScriptedHls.instances).toHaveLength(1);
    });
  }

  it('loads the stream again when the refused address opens by the time it is asked', async () => {
    await session.load(SRC);
    answer = { status: 200 };
    refuse(403);
    await settle();
    expect(ScriptedHls.instances).toHaveLength(2);
    expect(session.current.status).toBe('loading');
  });
});
