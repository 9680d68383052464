// The Back model of the TV shell: its screens as history entries, so Back works the same whether it arrives as a
// key (Tizen, HbbTV, keyboards) or as history.back() (webOS, Fire TV web apps, the browser's own Back button).
//
// Only Back is handled here. Long presses and the Exit/Home keys belong to the TV: the shell must not
// preventDefault any key that remoteActionOf() maps to null, or the family loses the way out of the app.

export interface BackStackHistory {
  pushState(data: unknown, unused: string): void;
  replaceState(data: unknown, unused: string): void;
  back(): void;
}

export interface PopStateLike {
  state: unknown;
}

/** The members of `window` the stack uses; `window` itself fits, and so does a test's fake. */
export interface BackStackWindow {
  history: BackStackHistory;
  addEventListener(type: 'popstate', listener: (event: PopStateLike) => void): void;
  removeEventListener(type: 'popstate', listener: (event: PopStateLike) => void): void;
}

export interface BackStackOptions {
  /** The entry screen, where Back asks before exiting. Default 'home'. */
  homeScreen?: string;
  /**
   * The one place the shell switches screens: after open(), after Back, after the browser's Back/Forward.
   * `restoreFocusKey` is the focus key remembered for that screen (undefined for a newly opened one), so focus
   * returns to where the family was instead of the first item.
   */
  onScreen(screenId: string, restoreFocusKey: string | undefined): void;
  /** Back on the home screen: the shell asks "exit SetVisit?" and calls exitApp() only on "yes". */
  onExitRequested(): void;
  /**
   * True where the platform itself turns the Back key into history.back(): webOS (unless appinfo.json sets
   * disableBackHistoryAPI) and Fire TV's web app platform. back('key') then does nothing and the popstate that
   * follows does the work; acting on the key too would go back two screens.
   */
  platformBackMovesHistory?: boolean;
}

/** 'key': the remote's Back key (or Escape/Backspace). 'control': an on-screen Back button the family selected. */
export type BackOrigin = 'key' | 'control';

export interface BackStack {
  readonly screen: string;
  /** 0 on the home screen. */
  readonly depth: number;
  /** Opens a screen over the current one; `focusKeyHere` is what to focus when the family comes back. */
  open(screenId: string, focusKeyHere?: string): void;
  /** Updates the focus key to restore when the family comes back to the current screen. */
  rememberFocus(focusKey: string): void;
  /** What Back does: leave the open screen, or on home ask to exit. Returns whether it acted (then preventDefault). */
  back(origin?: BackOrigin): boolean;
  dispose(): void;
}

interface Entry {
  screenId: string;
  focusKey: string | undefined;
}

const STATE_KEY = 'setVisitBackStack';
/** The history index of the exit guard, the entry behind home. */
const GUARD = -1;

export function createBackStack(win: BackStackWindow, options: BackStackOptions): BackStack {
  const home = options.homeScreen || 'home';
  // Entries from an earlier page load (before a reload) must not be mistaken for this session's screens.
  const session = Date.now().toString(36) + Math.random().toString(36).slice(2);
  const entries: Entry[] = [{ screenId: home, focusKey: undefined }];
  let position = 0;

  const stateFor = (index: number) => ({ [STATE_KEY]: { session, index } });
  const show = (entry: Entry) => options.onScreen(entry.screenId, entry.focusKey);

  function indexIn(state: unknown): number | null {
    if (typeof state !== 'object' || state === null) return null;
    const mark: unknown = (state as Record<string, unknown>)[STATE_KEY];
    if (typeof mark !== 'object' || mark === null) return null;
    const { session: from, index } = mark as { session?: unknown; index?: unknown };
    return from === session && typeof index === 'number' ? index : null;
  }

  // The entry the page loaded on becomes an exit guard and home is pushed after it, so Back on home lands on the
  // guard and SetVisit can ask first, instead of webOS quitting to its launcher or a browser leaving the page.
  // (Desktop Chrome's back button may skip entries pushed before any user input; on a TV, and for Back keys, it
  // does not matter: key Back on home never touches history.)
  win.history.replaceState(stateFor(GUARD), '');
  win.history.pushState(stateFor(0), '');

  function onPopState(event: PopStateLike): void {
    const index = indexIn(event.state);
    const entry = index === null ? undefined : entries[index];
    if (index !== null && entry) {
      position = index;
      show(entry);
      return;
    }
    // Back past home, onto the guard or a page before SetVisit: stay, re-arm the guard, and ask.
    win.history.pushState(stateFor(0), '');
    entries.length = 1; // the push dropped every forward entry
    const wasHome = position === 0;
    position = 0;
    if (!wasHome) show(entries[0] as Entry);
    options.onExitRequested();
  }
  win.addEventListener('popstate', onPopState);

  const current = (): Entry => entries[position] as Entry;

  return {
    get screen() {
      return current().screenId;
    },
    get depth() {
      return position;
    },
    open(screenId, focusKeyHere) {
      if (focusKeyHere !== undefined) current().focusKey = focusKeyHere;
      entries.length = position + 1;
      entries.push({ screenId, focusKey: undefined });
      position++;
      win.history.pushState(stateFor(position), '');
      options.onScreen(screenId, undefined);
    },
    rememberFocus(focusKey) {
      current().focusKey = focusKey;
    },
    back(origin = 'key') {
      if (origin === 'key' && options.platformBackMovesHistory) return false;
      // The popstate that follows history.back() shows the previous screen, so every way back takes one path.
      if (position > 0) win.history.back();
      else options.onExitRequested();
      return true;
    },
    dispose() {
      win.removeEventListener('popstate', onPopState);
    },
  };
}
