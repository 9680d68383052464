// The circle's and its presence's snapshots for the parts in the room (each re-renders only when its own changes).
import { useSyncExternalStore } from 'react';
import type { CircleClient, CirclePresence, CircleSnapshot, PresenceSnapshot } from '../../../circles';

export function useCircleSnapshot(client: CircleClient): CircleSnapshot {
  return useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.current,
  );
}

export function usePresenceSnapshot(presence: CirclePresence): PresenceSnapshot {
  return useSyncExternalStore(
    (listener) => presence.subscribe(listener),
    () => presence.current,
  );
}
