// A TV remote for browser tests: real key events through the DevTools protocol (Input.dispatchKeyEvent), with the
// key codes and names Samsung (Tizen) and LG (webOS) sets send. Media keys go as keyCode-only ('Unidentified'),
// the hardest case the key map must handle. Nothing here touches the mouse.
import type { CDPSession, Page } from 'playwright-core';

export const TIZEN_UA = 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36';
export const WEBOS_UA = 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager';

export type RemoteButton = 'left' | 'right' | 'up' | 'down' | 'ok' | 'back' | 'play' | 'pause' | 'playPause' | 'stop' | 'rewind' | 'fastForward';

interface KeyDef {
  key: string;
  code?: string;
  keyCode: number;
}

const COMMON: Record<Exclude<RemoteButton, 'back'>, KeyDef> = {
  left: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  right: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  up: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  down: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  ok: { key: 'Enter', code: 'Enter', keyCode: 13 },
  play: { key: 'Unidentified', keyCode: 415 },
  pause: { key: 'Unidentified', keyCode: 19 },
  playPause: { key: 'Unidentified', keyCode: 10252 },
  stop: { key: 'Unidentified', keyCode: 413 },
  rewind: { key: 'Unidentified', keyCode: 412 },
  fastForward: { key: 'Unidentified', keyCode: 417 },
};

const BACK: Record<'tizen' | 'webos', KeyDef> = {
  tizen: { key: 'XF86Back', keyCode: 10009 },
  webos: { key: 'GoBack', keyCode: 461 },
};

export class TvRemote {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly platform: 'tizen' | 'webos',
  ) {}

  static async for(page: Page, platform: 'tizen' | 'webos' = 'tizen'): Promise<TvRemote> {
    return new TvRemote(await page.context().newCDPSession(page), platform);
  }

  private def(button: RemoteButton): KeyDef {
    return button === 'back' ? BACK[this.platform] : COMMON[button];
  }

  private async send(type: 'rawKeyDown' | 'keyUp', def: KeyDef, autoRepeat = false): Promise<void> {
    await this.cdp.send('Input.dispatchKeyEvent', {
      type,
      key: def.key,
      code: def.code ?? '',
      windowsVirtualKeyCode: def.keyCode,
      nativeVirtualKeyCode: def.keyCode,
      autoRepeat,
    });
  }

  async press(button: RemoteButton): Promise<void> {
    const def = this.def(button);
    await this.send('rawKeyDown', def);
    await this.send('keyUp', def);
  }

  /** Holds a button for `ms`, with auto-repeat keydowns every `repeatMs` (50 ms: a fast remote; many repeat slower). */
  async hold(button: RemoteButton, ms: number, repeatMs = 50): Promise<void> {
    const def = this.def(button);
    const until = Date.now() + ms;
    await this.send('rawKeyDown', def);
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(repeatMs, Math.max(0, until - Date.now()))));
      await this.send('rawKeyDown', def, true);
    }
    await this.send('keyUp', def);
  }
}
