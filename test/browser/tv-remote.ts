// A TV remote for browser tests: key events as Samsung (Tizen) and LG (webOS) sets send them, through CDP so the
// platform key codes (Back 10009 / 461, Play 415) reach the page exactly; and a reading of the shell's focus.
import type { CDPSession, Page } from 'playwright-core';

export type RemoteKey = 'up' | 'down' | 'left' | 'right' | 'ok' | 'back' | 'play';

export interface TvProfile {
  name: 'tizen' | 'webos';
  userAgent: string;
  keys: Record<RemoteKey, { key: string; keyCode: number; code?: string }>;
}

const ARROWS = {
  up: { key: 'ArrowUp', keyCode: 38, code: 'ArrowUp' },
  down: { key: 'ArrowDown', keyCode: 40, code: 'ArrowDown' },
  left: { key: 'ArrowLeft', keyCode: 37, code: 'ArrowLeft' },
  right: { key: 'ArrowRight', keyCode: 39, code: 'ArrowRight' },
  ok: { key: 'Enter', keyCode: 13, code: 'Enter' },
};

/** Samsung 2018 (Tizen 4, Chromium 56): Return reports key 'XF86Back', keyCode 10009. */
export const TIZEN: TvProfile = {
  name: 'tizen',
  userAgent: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 4.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/2.1 Chrome/56.0.2924.0 TV Safari/537.36',
  keys: { ...ARROWS, back: { key: 'XF86Back', keyCode: 10009 }, play: { key: 'MediaPlay', keyCode: 415 } },
};

/** LG 2018 (webOS 4, Chromium 53): Back arrives as keyCode 461 with no useful `key`. */
export const WEBOS: TvProfile = {
  name: 'webos',
  userAgent: 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/53.0.2785.34 Safari/537.36 WebAppManager',
  keys: { ...ARROWS, back: { key: 'Unidentified', keyCode: 461 }, play: { key: 'Unidentified', keyCode: 415 } },
};

export async function pressKey(cdp: CDPSession, profile: TvProfile, name: RemoteKey): Promise<void> {
  const { key, keyCode, code } = profile.keys[name];
  const event = { key, code: code ?? '', windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...event });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
}

export interface FocusState {
  /** data-focus-id of document.activeElement, or null when the DOM focus is on the body (on nothing). */
  activeId: string | null;
  /** The element the shell marks as focused (data-focused=true). */
  focusedId: string | null;
  /** How many elements are marked focused: exactly one, always. */
  focusedCount: number;
}

export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const marked = document.querySelectorAll<HTMLElement>('[data-focused=true]');
    return {
      activeId: active && active !== document.body ? (active.getAttribute('data-focus-id') ?? null) : null,
      focusedId: marked[0]?.getAttribute('data-focus-id') ?? null,
      focusedCount: marked.length,
    };
  });
}
