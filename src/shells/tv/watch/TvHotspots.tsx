// The location's hotspots as pins over the view (either view: the projector knows which projection), each one a
// focusable the D-pad reaches while the overlay shows. Selecting one goes there; focusing one preloads it.
import { useCallback, useEffect, useRef } from 'react';
import type { HotspotProjector } from '../../../panorama/hotspot-projector';
import { useI18n } from '../../../react/AppContext';
import { usePlayerState } from '../../../react/useTourPlayer';
import type { TourPlayer } from '../../../tour/tour-player';
import type { Hotspot } from '../../../protocol/tour-schema';
import { useFocusable } from '../useFocusable';
import { FOCUS, WATCH_OVERLAY } from './focus-ids';

export function TvHotspots({ player, projector, onGo }: { player: TourPlayer; projector: HotspotProjector; onGo: () => void }) {
  const { current } = usePlayerState(player);
  const id = current.location.id;
  return (
    <div className="hotspots">
      {current.location.hotspots.map((hotspot, i) => (
        <TvHotspot key={`${id}-${i}`} focusId={FOCUS.hotspot(id, i)} hotspot={hotspot} player={player} projector={projector} onGo={onGo} />
      ))}
    </div>
  );
}

function TvHotspot(props: { focusId: string; hotspot: Hotspot; player: TourPlayer; projector: HotspotProjector; onGo: () => void }) {
  const { focusId, hotspot, player, projector, onGo } = props;
  const i18n = useI18n();
  const { props: focusProps, focused } = useFocusable<HTMLButtonElement>(focusId, {
    section: WATCH_OVERLAY,
    onSelect: () => {
      onGo();
      player.goTo(hotspot.target);
    },
  });
  const register = focusProps.ref;
  const unpin = useRef<(() => void) | null>(null);
  const ref = useCallback(
    (element: HTMLButtonElement | null) => {
      register(element);
      unpin.current?.();
      unpin.current = element ? projector.pin(element, hotspot) : null;
    },
    [register, projector, hotspot],
  );
  useEffect(() => {
    if (focused) player.preload(hotspot.target);
  }, [focused, player, hotspot.target]);
  const lock = player.lockOf(hotspot.target);
  return (
    <button {...focusProps} ref={ref} type="button" className="hotspot watch-hotspot" hidden data-target={hotspot.target} data-locked={lock}>
      <span className="hotspot__dot" aria-hidden="true" />
      <span className="hotspot__label">
        {i18n.pick(hotspot.label)}
        {lock && ` · ${i18n.t('tour.lock.badge', { tier: i18n.t(`tier.${lock}`) })}`}
      </span>
    </button>
  );
}
