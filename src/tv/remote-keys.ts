// RemoteKeyMap: turns a remote's key event (Tizen, webOS, Android/Fire TV, HbbTV, keyboard) into one product action.
export type RemoteCommand =
  | 'up' | 'down' | 'left' | 'right' | 'ok' | 'back'
  | 'play' | 'pause' | 'playPause' | 'stop' | 'rewind' | 'fastForward'
  | 'red' | 'green' | 'yellow' | 'blue';

export type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type RemoteAction =
  | { readonly action: RemoteCommand }
  | { readonly action: 'digit'; readonly digit: Digit };

/** The few members of a KeyboardEvent the map reads; a real KeyboardEvent fits, and so does a test's plain object. */
export interface RemoteKeyEvent {
  key?: string;
  keyCode?: number;
  which?: number;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * Key names to pass to `tizen.tvinputdevice.registerKeyBatch`: on Tizen only arrows, Enter and Back reach the page
 * unless registered. Channel, volume and Exit keys are deliberately absent: registering them would take them away
 * from the TV itself.
 */
export const TIZEN_KEY_NAMES: readonly string[] = [
  'MediaPlayPause', 'MediaPlay', 'MediaPause', 'MediaStop', 'MediaRewind', 'MediaFastForward',
  'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
];

const byKey = new Map<string, RemoteAction>();
const byKeyCode = new Map<number, RemoteAction>();
const byCode = new Map<string, RemoteAction>();

// One shared, frozen action object per command: a held arrow repeats ~30 times a second on a slow TV.
function bind(action: RemoteAction, keys: string[], keyCodes: number[], codes: string[] = []): void {
  const shared = Object.freeze(action);
  for (const key of keys) byKey.set(key, shared);
  for (const keyCode of keyCodes) byKeyCode.set(keyCode, shared);
  for (const code of codes) byCode.set(code, shared);
}

// 'Up', 'Esc'… are the pre-standard names that some older engines still report.
bind({ action: 'up' }, ['ArrowUp', 'Up'], [38], ['ArrowUp']);
bind({ action: 'down' }, ['ArrowDown', 'Down'], [40], ['ArrowDown']);
bind({ action: 'left' }, ['ArrowLeft', 'Left'], [37], ['ArrowLeft']);
bind({ action: 'right' }, ['ArrowRight', 'Right'], [39], ['ArrowRight']);
bind({ action: 'ok' }, ['Enter'], [13], ['Enter', 'NumpadEnter']);
// Tizen Return 10009 (key 'XF86Back'), webOS 461, Fire TV web apps 4, the Windows/Android browser-back code 166.
bind(
  { action: 'back' },
  ['GoBack', 'BrowserBack', 'XF86Back', 'Backspace', 'Escape', 'Esc'],
  [10009, 461, 4, 166, 8, 27],
  ['BrowserBack', 'Backspace', 'Escape'],
);
bind({ action: 'play' }, ['MediaPlay'], [415]);
bind({ action: 'pause' }, ['MediaPause', 'Pause'], [19], ['Pause']);
// Samsung's PlayPause is 10252; Fire TV and Android WebViews send the Windows media key code 179.
bind({ action: 'playPause' }, ['MediaPlayPause'], [10252, 179], ['MediaPlayPause']);
bind({ action: 'stop' }, ['MediaStop'], [413, 178], ['MediaStop']);
// Fire TV web apps report rewind and fast-forward as 227 and 228.
bind({ action: 'rewind' }, ['MediaRewind'], [412, 227]);
bind({ action: 'fastForward' }, ['MediaFastForward'], [417, 228]);
bind({ action: 'red' }, ['ColorF0Red'], [403]);
bind({ action: 'green' }, ['ColorF1Green'], [404]);
bind({ action: 'yellow' }, ['ColorF2Yellow'], [405]);
bind({ action: 'blue' }, ['ColorF3Blue'], [406]);
for (let n = 0; n <= 9; n++) {
  bind({ action: 'digit', digit: n as Digit }, [String(n)], [48 + n, 96 + n], [`Digit${n}`, `Numpad${n}`]);
}

/**
 * The action a key press asks for, or null for keys SetVisit does not use — the shell must leave those alone
 * (no preventDefault), so the TV's own Exit, Home, volume and channel keys keep working.
 *
 * `key` is trusted first; TV engines often report special keys as 'Unidentified', '' or a vendor name such as
 * 'XF86Back', and 2018 engines may omit `key` altogether, so `keyCode`/`which` decide next, then `code`.
 * A printable character the map does not know ('!' from Shift+1, 'a') is a typed character: its keyCode names the
 * physical key, not what the family meant, so it maps to null. Ctrl/Alt/Meta combinations belong to the browser
 * and the OS (Alt+Left is the browser's own Back, which reaches the back stack as a popstate).
 */
export function remoteActionOf(event: RemoteKeyEvent): RemoteAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key;
  if (key) {
    const named = byKey.get(key);
    if (named) return named;
    if (key.length === 1) return null;
  }
  const keyCode = event.keyCode || event.which;
  if (keyCode) {
    const coded = byKeyCode.get(keyCode);
    if (coded) return coded;
  }
  return (event.code && byCode.get(event.code)) || null;
}

/** The four directions hand focus back to 5-way navigation and move it; every other action acts in place. */
export function isArrow(action: RemoteAction | null): boolean {
  const name = action ? action.action : '';
  return name === 'up' || name === 'down' || name === 'left' || name === 'right';
}
