// Leaving SetVisit after the family said "yes" to "exit SetVisit?", the way each TV platform expects.
import type { TvPlatformWindow } from './platform-apis';

export type ExitPath = 'tizen' | 'webos' | 'window-close' | 'stayed';

export interface ExitWindow extends TvPlatformWindow {
  close?(): void;
  readonly closed?: boolean;
}

/**
 * Tizen: `tizen.application.getCurrentApplication().exit()` (Samsung's Return policy). webOS: `webOS.platformBack()`
 * when webOSTV.js is loaded, else `PalmSystem.platformBack()`. Elsewhere `window.close()`, which browsers honour only for windows a script opened:
 * then SetVisit simply stays, and the shell closes its prompt. A platform call that throws (a missing privilege,
 * an old firmware) falls through to the next way out. Only ever call this after an explicit "yes".
 */
export function exitApp(win: ExitWindow): ExitPath {
  const tizen = win.tizen && win.tizen.application;
  if (tizen) {
    try {
      tizen.getCurrentApplication().exit();
      return 'tizen';
    } catch {
      // fall through
    }
  }
  // webOSTV.js's wrapper where a page loads it, else the runtime's own PalmSystem (the packaged app's hosted page).
  for (const webOS of [win.webOS, win.PalmSystem]) {
    if (!webOS || !webOS.platformBack) continue;
    try {
      webOS.platformBack();
      return 'webos';
    } catch {
      // fall through
    }
  }
  if (win.close) {
    win.close();
    // `closed` turns true at once when the browser accepts the close (the window is "closing").
    if (win.closed) return 'window-close';
  }
  return 'stayed';
}
