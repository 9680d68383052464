// Where the page keeps the backer's token between visits: Web Storage, never the URL (URLs end up in
// history, logs and referrers).
const KEY = 'setvisit:backer-token';

export interface BackerTokenStore {
  get(): string | undefined;
  set(token: string | undefined): void;
}

const changeListeners = new Set<() => void>();

/** Told after any store on the page saves or forgets a token (a sign-in), e.g. to ask for a new media pass. */
export function onBackerTokenChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export function createBackerTokenStore(storage: Storage | undefined): BackerTokenStore {
  return {
    get: () => {
      try {
        return storage?.getItem(KEY) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: (token) => {
      try {
        if (token) storage?.setItem(KEY, token);
        else storage?.removeItem(KEY);
      } catch {
        // Storage disabled: the token lasts for this page only.
      }
      for (const listener of changeListeners) listener();
    },
  };
}

/** `localStorage`, or undefined where reading it throws (private modes, sandboxed frames, some TVs). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
