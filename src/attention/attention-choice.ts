// The viewer's choice about attention sampling, remembered on this device (localStorage) so every shell on it
// honours it: the desktop and phone notice, the TV and headset settings all read and write this one key.
const KEY = 'setvisit:attention:off';

export interface AttentionChoice {
  /** True while the viewer has switched sampling off. */
  readonly optedOut: boolean;
  setOptedOut(off: boolean): void;
  subscribe(listener: (optedOut: boolean) => void): () => void;
}

/** The choice kept in `storage` (localStorage by default); without storage it lasts for the page's life. */
export function createAttentionChoice(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage()): AttentionChoice {
  const listeners = new Set<(optedOut: boolean) => void>();
  let optedOut = read(storage);
  return {
    get optedOut() {
      return optedOut;
    },
    setOptedOut(off) {
      if (off === optedOut) return;
      optedOut = off;
      try {
        if (off) storage?.setItem(KEY, '1');
        else storage?.removeItem(KEY);
      } catch {
        // Storage full or disabled: the choice holds for this page, and the notice shows it.
      }
      listeners.forEach((listener) => listener(off));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function read(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const ATTENTION_CHOICE_KEY = KEY;
