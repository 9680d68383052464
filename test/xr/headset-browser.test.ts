// Headset browsers open the XR shell; desktops and phones do not.
import { describe, expect, it } from 'vitest';
import { chooseShell } from '../../src/app/shell-choice';
import { readLaunchParams } from '../../src/app/url-params';
import { isHeadsetBrowser } from '../../src/xr/headset-browser';

const QUEST_3 = 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/37.0.0.9.63 SamsungBrowser/4.0 Chrome/132.0.6834.174 VR Safari/537.36';
const PICO_4 = 'Mozilla/5.0 (Linux; Android 10; A8150 Build/QKQ1.200626.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/105.0.5195.136 VR Safari/537.36 PicoBrowser/3.3.41';
const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe('headset browsers', () => {
  it('recognizes Quest and Pico browsers, not desktops or phones', () => {
    expect(isHeadsetBrowser(QUEST_3)).toBe(true);
    expect(isHeadsetBrowser(PICO_4)).toBe(true);
    expect(isHeadsetBrowser(DESKTOP_CHROME)).toBe(false);
    expect(isHeadsetBrowser(IPHONE)).toBe(false);
  });

  it('opens the XR shell in a headset unless the URL asks for another', () => {
    expect(chooseShell({ mode: readLaunchParams('').mode, userAgent: QUEST_3, immersiveVrSupported: isHeadsetBrowser(QUEST_3) })).toBe('xr');
    expect(chooseShell({ mode: readLaunchParams('?mode=desktop').mode, userAgent: QUEST_3, immersiveVrSupported: isHeadsetBrowser(QUEST_3) })).toBe('desktop');
    expect(chooseShell({ mode: readLaunchParams('').mode, userAgent: DESKTOP_CHROME, immersiveVrSupported: isHeadsetBrowser(DESKTOP_CHROME) })).toBe('desktop');
  });
});
