// Whether the family is pointing (LG Magic Remote cursor, an air mouse, a mouse) or using the 5-way D-pad,
// so the shell can let hover move the one focus and hand it back to spatial navigation on the next arrow key.
import { isArrow, remoteActionOf, type RemoteKeyEvent } from './remote-keys';

export type RemoteInputMode = 'pointer' | 'five-way';

type Listener = (event: Event) => void;

/** `document` fits; so does any EventTarget in a test. */
export interface PointerModeTarget {
  addEventListener(type: string, listener: Listener, options?: { capture?: boolean }): void;
  removeEventListener(type: string, listener: Listener, options?: { capture?: boolean }): void;
}

export interface PointerMode {
  readonly mode: RemoteInputMode;
  /** Called on every change of mode; returns the unsubscribe function. */
  subscribe(listener: (mode: RemoteInputMode) => void): () => void;
  /** Removes every DOM listener and subscriber. */
  dispose(): void;
}

/** Listens on `document`, where webOS dispatches `cursorStateChange`. Starts in 5-way mode: a TV has no cursor until one moves. */
export function createPointerMode(doc: PointerModeTarget, initial: RemoteInputMode = 'five-way'): PointerMode {
  let mode = initial;
  const subscribers = new Set<(mode: RemoteInputMode) => void>();
  let lastX: number | undefined;
  let lastY: number | undefined;

  const set = (next: RemoteInputMode): void => {
    if (next === mode) return;
    mode = next;
    subscribers.forEach((subscriber) => subscriber(next));
  };

  // webOS shows the Magic Remote cursor when the remote moves and hides it after a pause or on a D-pad key.
  const onCursorState: Listener = (event) => {
    const detail = (event as Event & { detail?: unknown }).detail;
    if (typeof detail !== 'object' || detail === null) return;
    const visibility = (detail as { visibility?: unknown }).visibility;
    if (typeof visibility === 'boolean') set(visibility ? 'pointer' : 'five-way');
  };

  // Chromium sends a synthetic mousemove at the same screen position after scrolling or layout changes under a
  // resting mouse; spatial navigation scrolls all the time, so only a move to a new position counts as pointing.
  const onMove: Listener = (event) => {
    const { screenX: x, screenY: y } = event as Event & { screenX?: unknown; screenY?: unknown };
    if (typeof x === 'number' && typeof y === 'number') {
      if (x === lastX && y === lastY) return;
      lastX = x;
      lastY = y;
    }
    set('pointer');
  };

  // Capture phase: the mode is already 5-way when spatial navigation handles the same arrow key. (An options object,
  // not `true`: every engine reads it the same way when adding and removing.)
  const capture = { capture: true };
  const onKey: Listener = (event) => {
    if (isArrow(remoteActionOf(event as Event & RemoteKeyEvent))) set('five-way');
  };

  doc.addEventListener('cursorStateChange', onCursorState);
  doc.addEventListener('mousemove', onMove);
  doc.addEventListener('pointermove', onMove);
  doc.addEventListener('keydown', onKey, capture);

  return {
    get mode() {
      return mode;
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    dispose() {
      doc.removeEventListener('cursorStateChange', onCursorState);
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('pointermove', onMove);
      doc.removeEventListener('keydown', onKey, capture);
      subscribers.clear();
    },
  };
}
