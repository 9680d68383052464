// The tour player of "Watch the set", with the TV's media settings: byte-capped buffers, quota recovery, and a
// 1080-line cap that rises only when the set proves it decodes more.
import { useEffect, useState } from 'react';
import { consoleLogger } from '../../../feed/logger';
import { MediaSession } from '../../../media/media-session';
import { useServices } from '../../../react/AppContext';
import { TourPlayer, type SessionSettings } from '../../../tour/tour-player';
import type { Tour } from '../../../protocol/tour-schema';
import { provenDecodeHeight, recoverFromQuotaErrors, tvMediaConfig, type DecodeCapabilities, type QuotaRecoveryTarget } from '../../../tv/media';

function createTvSession(settings: SessionSettings): MediaSession {
  return new MediaSession({
    ...settings,
    config: tvMediaConfig(),
    // hls.js's typed `on` is generic over every event; the recovery needs only its error event and live config.
    onHlsCreated: (hls) => void recoverFromQuotaErrors(hls as unknown as QuotaRecoveryTarget, consoleLogger),
  });
}

export function useTvTourPlayer(tour: Tour): TourPlayer | null {
  const { store, launch: { hls } } = useServices();
  const [player, setPlayer] = useState<TourPlayer | null>(null);
  useEffect(() => {
    const created = new TourPlayer({ tour, store, engine: hls, createSession: createTvSession });
    let live = true;
    // Same pattern as useTourPlayer: the player owns <video> elements, so an effect makes and disposes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPlayer(created);
    const capabilities = (navigator as { mediaCapabilities?: DecodeCapabilities }).mediaCapabilities;
    void provenDecodeHeight(capabilities).then((maxHeight) => live && created.setRenditionLimits({ maxHeight }));
    return () => {
      live = false;
      created.dispose();
    };
  }, [tour, store, hls]);
  return player;
}
