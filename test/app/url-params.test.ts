// The launch parameters, parsed once: each parameter, its default, and values that mean nothing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_ID, homeHref, readLaunchParams } from '../../src/app/url-params';

describe('launch parameters', () => {
  it('has a default for everything when the URL says nothing', () => {
    expect(readLaunchParams('')).toEqual({
      mode: undefined,
      projectId: DEFAULT_PROJECT_ID,
      hostConsole: false,
      phonePairing: false,
      meetupId: undefined,
      language: undefined,
      tv360: undefined,
      stats: false,
      hls: 'auto',
    });
  });

  it('reads every parameter the app knows', () => {
    expect(readLaunchParams('?mode=tv&project=p1&lang=zh-CN&meetup=m1&tv360=flat&stats=1&hls=native')).toEqual({
      mode: 'tv',
      projectId: 'p1',
      hostConsole: false,
      phonePairing: false,
      meetupId: 'm1',
      language: 'zh-CN',
      tv360: 'flat',
      stats: true,
      hls: 'native',
    });
    expect(readLaunchParams('?mode=host').hostConsole).toBe(true);
    expect(readLaunchParams('?mode=host').mode).toBeUndefined();
    // The phone page that pairs with a TV: its own page, no shell forced.
    expect(readLaunchParams('?mode=pair').phonePairing).toBe(true);
    expect(readLaunchParams('?mode=pair').mode).toBeUndefined();
    expect(readLaunchParams('?mode=tv').phonePairing).toBe(false);
  });

  it('takes ?hls=js and ?hls=hls.js alike, and ignores values it does not know', () => {
    expect(readLaunchParams('?hls=js').hls).toBe('hls.js');
    expect(readLaunchParams('?hls=hls.js').hls).toBe('hls.js');
    expect(readLaunchParams('?hls=flash').hls).toBe('auto');
    expect(readLaunchParams('?tv360=cardboard').tv360).toBeUndefined();
    expect(readLaunchParams('?stats=yes').stats).toBe(false);
    expect(readLaunchParams('?mode=kiosk').mode).toBeUndefined();
  });
});

describe('the way home from a project that cannot be shown', () => {
  it('keeps the language and a forced shell, and drops the project and meet-up', () => {
    expect(homeHref(readLaunchParams('?project=no-such&lang=zh-CN&mode=tv&meetup=m1&stats=1'))).toBe('./?mode=tv&lang=zh-CN');
    expect(homeHref(readLaunchParams('?project=no-such'))).toBe('./');
    // Whatever the launch holds, the address stays relative and its values encoded.
    expect(homeHref({ mode: undefined, language: 'en&project=x' })).toBe('./?lang=en%26project%3Dx');
  });
});
