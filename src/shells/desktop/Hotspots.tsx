// The hotspots of the location on screen as real buttons pinned over the 360 view: click, tap, or Tab + Enter
// moves there; focus or hover starts preloading that location.
import { useEffect, useRef } from 'react';
import type { HotspotProjector } from '../../panorama/hotspot-projector';
import type { TourPlayer } from '../../tour/tour-player';
import type { Hotspot } from '../../tour/tour-schema';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';

export function Hotspots({ player, projector }: { player: TourPlayer; projector: HotspotProjector }) {
  const { current } = usePlayerState(player);
  return (
    <div className="hotspots">
      {current.location.hotspots.map((hotspot, i) => (
        <HotspotButton key={`${current.location.id}-${i}`} hotspot={hotspot} player={player} projector={projector} />
      ))}
    </div>
  );
}

function HotspotButton({ hotspot, player, projector }: { hotspot: Hotspot; player: TourPlayer; projector: HotspotProjector }) {
  const i18n = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => (ref.current ? projector.pin(ref.current, hotspot) : undefined), [projector, hotspot]);
  const preload = () => player.preload(hotspot.target);
  return (
    <button
      ref={ref}
      type="button"
      className="hotspot"
      hidden
      data-target={hotspot.target}
      onClick={() => player.goTo(hotspot.target)}
      onFocus={preload}
      onPointerEnter={preload}
    >
      <span className="hotspot__dot" aria-hidden="true" />
      <span className="hotspot__label">{i18n.pick(hotspot.label)}</span>
    </button>
  );
}
