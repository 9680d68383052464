// The engine policy and the master-playlist reading it rests on: pure functions, no browser.
import { describe, expect, it } from 'vitest';
import { ASSUMED_MAX_TEXTURE_SIZE, decideEngine, ladderFitsNative, nativeServes, needsHlsPlayer, readEnginePreference } from '../../src/media/playback-engine';
import { UNLIMITED } from '../../src/media/rendition-cap';
import { isLivePlaylist, parseLadder, readStreamFacts, rungForHeight, topRung } from '../../src/media/stream-ladder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE_MASTER = readFileSync(join(import.meta.dirname, '../../public/media/backlot/master.m3u8'), 'utf8');
const SAMPLE_MEDIA = readFileSync(join(import.meta.dirname, '../../public/media/backlot/tv/index.m3u8'), 'utf8');
const LIVE_MEDIA = '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:40\n#EXTINF:2.0,\nseg_00040.m4s\n';
/** A server holding the sample master and `media` as every rendition's playlist; counts requests. */
function playlists(media: string): { fetchImpl: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const fetchImpl: typeof fetch = (input) => {
    const url = input instanceof Request ? input.url : input.toString();
    requests.push(url);
    return Promise.resolve(new Response(url.endsWith('master.m3u8') ? SAMPLE_MASTER : media, { status: 200 }));
  };
  return { fetchImpl, requests };
}
const both = { mse: true, native: true };

describe('reading a master playlist', () => {
  it('lists every rendition of the sample stream with its size and bitrate', () => {
    expect(parseLadder(SAMPLE_MASTER)).toEqual([
      { width: 1024, height: 512, bitrate: 389_400 },
      { width: 1536, height: 768, bitrate: 796_400 },
      { width: 2048, height: 1024, bitrate: 1_357_400 },
    ]);
    expect(topRung(parseLadder(SAMPLE_MASTER))).toEqual({ width: 2048, height: 1024, bitrate: 1_357_400 });
    expect(rungForHeight(parseLadder(SAMPLE_MASTER), 770)?.bitrate).toBe(796_400);
  });

  it('marks a rendition without RESOLUTION as of unknown size, and a media playlist as having no ladder', () => {
    expect(parseLadder('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=100\na.m3u8\n')).toEqual([{ width: 0, height: 0, bitrate: 100 }]);
    expect(parseLadder('#EXTM3U\n#EXTINF:2.0,\nseg0.m4s\n')).toEqual([]);
  });

  it('tells a live playlist (no end marker) from a VOD one', () => {
    expect(isLivePlaylist(SAMPLE_MEDIA)).toBe(false);
    expect(isLivePlaylist(LIVE_MEDIA)).toBe(true);
    expect(isLivePlaylist('#EXTM3U\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:2.0,\na.m4s\n')).toBe(false);
  });

  it('reads the ladder from the master and liveness from the first rendition, resolved against the master', async () => {
    const { fetchImpl, requests } = playlists(LIVE_MEDIA);
    expect(await readStreamFacts('/live/x/master.m3u8', fetchImpl)).toEqual({ ladder: parseLadder(SAMPLE_MASTER), live: true });
    expect(requests).toEqual(['/live/x/master.m3u8', 'http://localhost/live/x/tv/index.m3u8']);
  });

  it('reads nothing from a 404, a non-playlist or a failed request, without throwing', async () => {
    expect(await readStreamFacts('/a', () => Promise.resolve(new Response('gone', { status: 404 })))).toBeNull();
    expect(await readStreamFacts('/b', () => Promise.resolve(new Response('<html>', { status: 200 })))).toBeNull();
    expect(await readStreamFacts('/c', () => Promise.reject(new TypeError('offline')))).toBeNull();
  });
});

describe('choosing the engine', () => {
  const ladder = parseLadder(SAMPLE_MASTER);

  it('plays natively where the browser can and the top rendition fits the texture and decode limits', () => {
    expect(decideEngine(both, 'auto', () => ladderFitsNative(ladder, UNLIMITED))).toBe('native');
    expect(decideEngine(both, 'auto', () => ladderFitsNative(ladder, { maxTextureSize: 8192, maxHeight: 1080 }))).toBe('native');
  });

  it('keeps hls.js, with its rendition cap, where the top rendition is larger than the device takes', () => {
    expect(decideEngine(both, 'auto', () => ladderFitsNative(ladder, { maxTextureSize: 1536, maxHeight: Infinity }))).toBe('hls.js');
    expect(decideEngine(both, 'auto', () => ladderFitsNative(ladder, { maxTextureSize: Infinity, maxHeight: 720 }))).toBe('hls.js');
    const eightK = [{ width: 8192, height: 4096, bitrate: 1 }];
    // The renderer has not said its limit yet: the assumed one applies.
    expect(ladderFitsNative(eightK, UNLIMITED)).toBe(8192 <= ASSUMED_MAX_TEXTURE_SIZE);
  });

  it('keeps hls.js for live streams, whose live edge native HLS does not expose', () => {
    expect(nativeServes({ ladder, live: false }, UNLIMITED)).toBe(true);
    expect(nativeServes({ ladder, live: true }, UNLIMITED)).toBe(false);
    expect(nativeServes(null, UNLIMITED)).toBe(false);
  });

  it('keeps hls.js where the ladder is unknown: an unreadable master or a rendition without a size', () => {
    expect(decideEngine(both, 'auto', () => ladderFitsNative(null, UNLIMITED))).toBe('hls.js');
    expect(decideEngine(both, 'auto', () => ladderFitsNative([], UNLIMITED))).toBe('hls.js');
    expect(decideEngine(both, 'auto', () => ladderFitsNative([{ width: 0, height: 0, bitrate: 1 }], UNLIMITED))).toBe('hls.js');
  });

  it('uses the only engine there is, whatever the stream or the preference', () => {
    expect(decideEngine({ mse: false, native: true }, 'hls.js', () => false)).toBe('native');
    expect(decideEngine({ mse: true, native: false }, 'native', () => true)).toBe('hls.js');
    expect(decideEngine({ mse: false, native: false }, 'auto', () => true)).toBe('none');
  });

  it('follows ?hls=js|native where both exist, and reads anything else as auto', () => {
    expect(readEnginePreference('?hls=js')).toBe('hls.js');
    expect(readEnginePreference('?project=x&hls=native')).toBe('native');
    expect(readEnginePreference('?hls=flash')).toBe('auto');
    expect(readEnginePreference('')).toBe('auto');
    expect(decideEngine(both, 'hls.js', () => true)).toBe('hls.js');
    expect(decideEngine(both, 'native', () => false)).toBe('native');
  });

  it('downloads hls.js ahead only where it will certainly play', () => {
    expect(needsHlsPlayer(both, 'auto')).toBe(false);
    expect(needsHlsPlayer(both, 'hls.js')).toBe(true);
    expect(needsHlsPlayer({ mse: true, native: false }, 'auto')).toBe(true);
    expect(needsHlsPlayer({ mse: false, native: true }, 'hls.js')).toBe(false);
  });
});
