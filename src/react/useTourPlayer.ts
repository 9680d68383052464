// Owns one TourPlayer (and so its media sessions) for the lifetime of a component.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { TourPlayer, type TourPlayerState } from '../tour/tour-player';
import type { Tour } from '../protocol/tour-schema';
import { useServices } from './AppContext';

export function useTourPlayer(tour: Tour): TourPlayer | null {
  const { store, warmStart, launch } = useServices();
  const [player, setPlayer] = useState<TourPlayer | null>(null);
  useEffect(() => {
    const created = new TourPlayer({ tour, store, engine: launch.hls, adoptSession: warmStart.takeSession });
    // The player holds <video> elements and network work that must be torn down, so it is made in an effect
    // (whose cleanup disposes it) and handed to render through state: one extra render, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlayer(created);
    return () => created.dispose();
  }, [tour, store, warmStart, launch.hls]);
  return player;
}

/** Re-renders when the locations on screen change (not on every frame). */
export function usePlayerState(player: TourPlayer): TourPlayerState {
  return useSyncExternalStore(
    (listener) => player.subscribe(listener),
    () => player.state,
  );
}
