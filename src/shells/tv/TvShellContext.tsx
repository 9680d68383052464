// What the TV shell gives its screens: the one focus, the key router, and the way back (the same as the Back key).
// The "Watch the set" screen (src/shells/tv/watch/WatchScreen.tsx, default export, no props) reads it with
// useTvShell(): useRemoteKeys() to take arrows and media keys before the focus navigation does, useFocusable() for
// its hotspots and controls, and back() for an on-screen Back button.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { FocusManager } from '../../tv/focus';
import type { KeyRouter, RemoteKeyHandler } from '../../tv/key-router';
import type { TvPlatform } from '../../tv/device';

/** home; watch: "Watch the set"; meetups: the list of star meet-ups; meetup: one meet-up's room (over the list); pairing: "Pair a phone". */
export type TvScreenId = 'home' | 'watch' | 'meetups' | 'meetup' | 'pairing';

const SCREENS: readonly string[] = ['home', 'watch', 'meetups', 'meetup', 'pairing'] satisfies readonly TvScreenId[];

export function isTvScreen(id: string): id is TvScreenId {
  return SCREENS.includes(id);
}

export interface TvShellApi {
  focus: FocusManager;
  keys: KeyRouter;
  /** Opens a screen over the current one (a history entry, so webOS's history Back works). */
  open: (screen: TvScreenId) => void;
  /** An on-screen Back control: what the remote's Back key does, for remotes and pointers alike. */
  back: () => void;
  /** Null off a TV (?mode=tv on a laptop). */
  platform: TvPlatform | null;
}

const TvShellContext = createContext<TvShellApi | null>(null);

export function TvShellProvider({ api, children }: { api: TvShellApi; children: ReactNode }) {
  return <TvShellContext.Provider value={api}>{children}</TvShellContext.Provider>;
}

export function useTvShell(): TvShellApi {
  const api = useContext(TvShellContext);
  if (!api) throw new Error('useTvShell outside the TV shell');
  return api;
}

/**
 * Gives `handler` the remote's keys before the screens below it and the focus navigation, while mounted (and
 * `active`). Return true for keys it used. The latest handler is called; changing it does not re-register.
 */
export function useRemoteKeys(handler: RemoteKeyHandler, active = true): void {
  const { keys } = useTvShell();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!active) return;
    return keys.push((input) => latest.current(input));
  }, [keys, active]);
}
