// The one engine decision (chooseEngine), branch by branch: what the browser supports, what the page asked for,
// whether native HLS already failed on the stream, what its playlists say and what the renderer can take.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseEngine, needsHlsPlayer, readsPlaylists, type EngineKnowledge } from '../../src/media/playback-engine';
import { UNLIMITED } from '../../src/media/rendition-cap';
import { parseLadder } from '../../src/media/stream-ladder';

const ladder = parseLadder(readFileSync(join(import.meta.dirname, '../../public/media/backlot/master.m3u8'), 'utf8'));
const vod = { ladder, live: false };
const both = { mse: true, native: true };

function known(overrides: Partial<EngineKnowledge> = {}): EngineKnowledge {
  return { support: both, preference: 'auto', nativeRuledOut: false, facts: vod, limits: UNLIMITED, nativeBeforePlaylists: false, ...overrides };
}

describe('choosing the engine from everything known', () => {
  it('plays with the only engine a browser has, whatever the stream, the page or earlier failures say', () => {
    expect(chooseEngine(known({ support: { mse: false, native: false } }))).toBe('none');
    expect(chooseEngine(known({ support: { mse: true, native: false }, preference: 'native' }))).toBe('hls.js');
    expect(chooseEngine(known({ support: { mse: false, native: true }, preference: 'hls.js', facts: { ladder, live: true } }))).toBe('native');
    // Native failed, but there is nothing to hand over to: native is retried.
    expect(chooseEngine(known({ support: { mse: false, native: true }, nativeRuledOut: true }))).toBe('native');
  });

  it('follows the page’s preference where both exist', () => {
    expect(chooseEngine(known({ preference: 'hls.js' }))).toBe('hls.js');
    expect(chooseEngine(known({ preference: 'native', facts: { ladder, live: true } }))).toBe('native');
    expect(chooseEngine(known({ preference: 'native', nativeRuledOut: true }))).toBe('native');
  });

  it('keeps hls.js for a stream native HLS already failed on or was ruled out for', () => {
    expect(chooseEngine(known({ nativeRuledOut: true }))).toBe('hls.js');
    expect(chooseEngine(known({ nativeRuledOut: true, facts: undefined, nativeBeforePlaylists: true }))).toBe('hls.js');
  });

  it('waits for the playlists, or starts native on trust where configured', () => {
    expect(chooseEngine(known({ facts: undefined }))).toBe('read-playlists');
    expect(chooseEngine(known({ facts: undefined, nativeBeforePlaylists: true }))).toBe('native');
  });

  it('plays a VOD whose top rendition fits natively; a live, oversize or unreadable stream through hls.js', () => {
    expect(chooseEngine(known())).toBe('native');
    expect(chooseEngine(known({ facts: { ladder, live: true } }))).toBe('hls.js');
    expect(chooseEngine(known({ limits: { maxTextureSize: 1536, maxHeight: Infinity } }))).toBe('hls.js');
    expect(chooseEngine(known({ limits: { maxTextureSize: Infinity, maxHeight: 720 } }))).toBe('hls.js');
    expect(chooseEngine(known({ facts: null }))).toBe('hls.js');
  });

  it('reads the playlists only where native HLS may play', () => {
    expect(readsPlaylists('read-playlists')).toBe(true);
    expect(readsPlaylists('native')).toBe(true);
    expect(readsPlaylists('hls.js')).toBe(false);
    expect(readsPlaylists('none')).toBe(false);
    expect(needsHlsPlayer(both, 'auto')).toBe(false);
    expect(needsHlsPlayer(both, 'hls.js')).toBe(true);
    expect(needsHlsPlayer({ mse: true, native: false }, 'native')).toBe(true);
  });
});
