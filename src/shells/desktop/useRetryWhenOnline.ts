// Playback that the network stopped (a fatal network error, or a stall on a stream that cannot be reached) starts
// again by itself when the browser says the connection is back (the `online` event), instead of leaving "cannot be
// reached / Retry" on screen beside a feed that is live again. Other stops (a stream that cannot be decoded, a
// missing stream) are not the network's and keep waiting for the person.
import { useEffect, useSyncExternalStore } from 'react';
import type { MediaState } from '../../media/media-state';
import { useServices } from '../../react/AppContext';

/** After `online`, tries now and again a little later: the event can come before requests get through (the link
 * is up, the route or DNS not yet), and a try in that gap fails like the ones before. */
export const ONLINE_RETRY_AFTER_MS = [0, 1_000, 3_000, 7_000] as const;

export function stoppedByNetwork(media: Pick<MediaState, 'status' | 'error' | 'stall'>): boolean {
  return (media.status === 'error' && media.error?.kind === 'network') || media.stall?.cause === 'unreachable';
}

/** `onRetry` must be stable (a useCallback): a new one re-subscribes and drops the tries still to come. */
export function useRetryWhenOnline(onRetry: () => void): void {
  const { store } = useServices();
  useEffect(() => {
    let timers: ReturnType<typeof setTimeout>[] = [];
    const onOnline = () => {
      timers.forEach(clearTimeout);
      timers = ONLINE_RETRY_AFTER_MS.map((ms) =>
        setTimeout(() => {
          if (stoppedByNetwork(store.getState().media)) onRetry();
        }, ms),
      );
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      timers.forEach(clearTimeout);
    };
  }, [store, onRetry]);
}

/** Whether the browser thinks it is online, following its online and offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}
