// The TV's one pairing for the page: made when the family first opens "Pair a phone" and kept while the pairing
// lives, so the phones keep working while the TV shows the set or a meet-up; disposed once it ends with no pairing
// screen open. Other TV screens find it here without loading pairing code: this module imports types only.
import { useSyncExternalStore } from 'react';
import type { TvPairing } from '../../../pairing';

let current: TvPairing | null = null;
let screensOpen = 0;
let unwatch: (() => void) | undefined;
const listeners = new Set<() => void>();

/** The page's pairing client, if the family has paired (or is pairing) a phone. */
export function pairedTv(): TvPairing | null {
  return current;
}

/** Keeps `client` as the page's pairing (the pairing screen made it). */
export function holdPairedTv(client: TvPairing): TvPairing {
  if (current === client) return client;
  release();
  current = client;
  // An ended pairing (expired, or unpaired from the phone side's expiry) is let go once no screen shows it.
  unwatch = client.subscribe((s) => {
    if ((s.status === 'ended' || s.status === 'refused') && screensOpen === 0) queueMicrotask(releaseIfOver);
  });
  listeners.forEach((l) => l());
  return client;
}

/** The pairing screen is open (its return closes it): while it is, an ended pairing stays to offer a new code. */
export function pairingScreenOpen(): () => void {
  screensOpen++;
  return () => {
    screensOpen--;
    releaseIfOver();
  };
}

function releaseIfOver(): void {
  const status = current?.current.status;
  if (screensOpen === 0 && (status === 'ended' || status === 'refused')) release();
}

function release(): void {
  unwatch?.();
  unwatch = undefined;
  current?.dispose();
  current = null;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page's pairing client for a view (null when none): re-renders when one is made or let go. */
export function usePairedTv(): TvPairing | null {
  return useSyncExternalStore(subscribe, pairedTv);
}
