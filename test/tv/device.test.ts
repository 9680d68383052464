// TV detection from real user-agent strings (test/tv/tv-user-agents.ts says where they come from).
import { describe, expect, it } from 'vitest';
import { detectTvPlatform, type TvPlatform } from '../../src/tv/device';
import { NOT_TV_USER_AGENTS, TV_USER_AGENTS } from './tv-user-agents';

describe('TV platform detection', () => {
  it.each(TV_USER_AGENTS)('detects %s: %s', (platform, _name, userAgent) => {
    expect(detectTvPlatform(userAgent)).toBe(platform);
  });

  it('has at least two samples for every platform', () => {
    const platforms: TvPlatform[] = ['tizen', 'webos', 'androidtv', 'firetv', 'hbbtv', 'stb'];
    for (const platform of platforms) {
      expect(TV_USER_AGENTS.filter(([p]) => p === platform).length, platform).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(NOT_TV_USER_AGENTS)('does not take %s for a TV', (_name, userAgent) => {
    expect(detectTvPlatform(userAgent)).toBeNull();
  });
});
