// @vitest-environment happy-dom
// Which terminals are asked for keys, and how: Tizen registration, the OIPF keyset on HbbTV/OIPF browsers of any
// brand, nothing added to an ordinary page.
import { afterEach, describe, expect, it } from 'vitest';
import { OIPF_APPLICATION_MANAGER, SETVISIT_KEYSET } from '../../src/tv/oipf-keys';
import type { OipfKeyset } from '../../src/tv/platform-apis';
import { isOipfTerminal, requestRemoteKeys } from '../../src/tv/remote-key-access';
import { TIZEN_KEY_NAMES } from '../../src/tv/remote-keys';
import { TV_USER_AGENTS } from './tv-user-agents';

const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const LG_HBBTV =
  'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 HbbTV/1.4.1 (+DRM; LGE; 65UK6300PLB; WEBOS4.0 04.10.10; W4_LM18A;)';

function bindKeyset(keyset: OipfKeyset): void {
  Object.defineProperty(HTMLObjectElement.prototype, 'getOwnerApplication', {
    configurable: true,
    value: () => ({ privateData: { keyset } }),
  });
}

afterEach(() => {
  delete (HTMLObjectElement.prototype as { getOwnerApplication?: unknown }).getOwnerApplication;
  document.body.innerHTML = '';
});

describe('remote key access', () => {
  it('takes every HbbTV user agent for an OIPF terminal, whichever brand claims it first', () => {
    const hbbtv = TV_USER_AGENTS.filter(([platform]) => platform === 'hbbtv');
    expect(hbbtv.length).toBeGreaterThanOrEqual(2);
    for (const [, , userAgent] of hbbtv) expect(isOipfTerminal({ userAgent })).toBe(true);
    expect(isOipfTerminal({ userAgent: LG_HBBTV })).toBe(true);
  });

  it('takes an operator box for an OIPF terminal when its browser lists the application manager type', () => {
    const ua = 'Opera/9.80 (Linux mips; U; CE-HTML/1.0 STB; en) Presto/2.12';
    expect(isOipfTerminal({ userAgent: ua, mimeTypes: { [OIPF_APPLICATION_MANAGER]: { type: OIPF_APPLICATION_MANAGER } } })).toBe(true);
    expect(isOipfTerminal({ userAgent: ua, mimeTypes: {} })).toBe(false);
    expect(isOipfTerminal({ userAgent: DESKTOP, mimeTypes: navigator.mimeTypes })).toBe(false);
  });

  it('sets the keyset on an HbbTV set (no Tizen there)', async () => {
    const calls: number[] = [];
    bindKeyset({ setValue: (mask) => void calls.push(mask) });
    const access = await requestRemoteKeys({}, document, { userAgent: LG_HBBTV });
    expect(calls).toEqual([SETVISIT_KEYSET]);
    expect(access.oipf?.method).toBe('keyset');
    expect(access.tizen.method).toBe('unavailable');
  });

  it('registers Tizen keys on a Tizen app and adds no OIPF object', async () => {
    const registered: string[][] = [];
    const tizenUa = TV_USER_AGENTS.find(([platform]) => platform === 'tizen')?.[2] ?? '';
    const access = await requestRemoteKeys(
      { tizen: { tvinputdevice: { registerKeyBatch: (keys, ok) => (registered.push(keys), ok?.()) } } },
      document,
      { userAgent: tizenUa },
    );
    expect(registered).toEqual([[...TIZEN_KEY_NAMES]]);
    expect(access).toEqual({ tizen: { method: 'batch', registered: [...TIZEN_KEY_NAMES], failed: [] }, oipf: null });
    expect(document.querySelectorAll('object')).toHaveLength(0);
  });

  it('touches nothing in an ordinary browser', async () => {
    const access = await requestRemoteKeys(window, document, navigator);
    expect(access).toEqual({ tizen: { method: 'unavailable', registered: [], failed: [] }, oipf: null });
    expect(document.querySelectorAll('object')).toHaveLength(0);
  });
});
