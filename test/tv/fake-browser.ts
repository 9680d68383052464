// Minimal stand-ins for the browser members the TV core touches: a window with a session history that fires
// popstate asynchronously like a browser, and event helpers for key, mouse and webOS cursor events.

export interface FakeWindow {
  history: {
    readonly state: unknown;
    pushState(data: unknown, unused: string): void;
    replaceState(data: unknown, unused: string): void;
    back(): void;
    go(delta: number): void;
  };
  addEventListener(type: 'popstate', listener: (event: { state: unknown }) => void): void;
  removeEventListener(type: 'popstate', listener: (event: { state: unknown }) => void): void;
  /** Every history entry's state, oldest first, and which one is current. */
  readonly entries: unknown[];
  readonly index: number;
  readonly pushes: number;
}

/** `before` are entries of pages visited before SetVisit loaded (same document, for simplicity). */
export function createFakeWindow(before: unknown[] = []): FakeWindow {
  const target = new EventTarget();
  const entries: unknown[] = [...before, null];
  let index = entries.length - 1;
  let pushes = 0;
  const listeners = new Map<(event: { state: unknown }) => void, EventListener>();

  const go = (delta: number): void => {
    const next = index + delta;
    if (delta === 0 || next < 0 || next >= entries.length) return;
    index = next;
    const state = structuredClone(entries[index]);
    // Browsers traverse history in a later task, never inside the call.
    setTimeout(() => target.dispatchEvent(Object.assign(new Event('popstate'), { state })), 0);
  };

  return {
    history: {
      get state() {
        return structuredClone(entries[index]);
      },
      pushState(data) {
        entries.length = index + 1;
        entries.push(structuredClone(data));
        index++;
        pushes++;
      },
      replaceState(data) {
        entries[index] = structuredClone(data);
      },
      back: () => go(-1),
      go,
    },
    addEventListener(type, listener) {
      const wrapped: EventListener = (event) => listener(event as Event & { state: unknown });
      listeners.set(listener, wrapped);
      target.addEventListener(type, wrapped);
    },
    removeEventListener(type, listener) {
      const wrapped = listeners.get(listener);
      if (wrapped) target.removeEventListener(type, wrapped);
    },
    get entries() {
      return entries;
    },
    get index() {
      return index;
    },
    get pushes() {
      return pushes;
    },
  };
}

/** Lets queued popstate events run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

export function keyEvent(fields: { key?: string; keyCode?: number; code?: string }): Event {
  return Object.assign(new Event('keydown'), fields);
}

export function mouseEvent(type: 'mousemove' | 'pointermove', screenX: number, screenY: number): Event {
  return Object.assign(new Event(type), { screenX, screenY });
}

export function cursorStateEvent(detail: unknown): Event {
  return new CustomEvent('cursorStateChange', { detail });
}
