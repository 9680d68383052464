// The tour's locations as a list for direct jumps; the one on screen is marked, a locked one names its tier.
import type { TourPlayer } from '../../tour/tour-player';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';
import { LockIcon } from './LockedLocation';

export function LocationList({ player }: { player: TourPlayer }) {
  const i18n = useI18n();
  const { current } = usePlayerState(player);
  return (
    <nav className="locations" aria-label={i18n.t('tour.locations')}>
      {player.tour.locations.map((location) => {
        const here = location.id === current.location.id;
        const lock = player.lockOf(location.id);
        return (
          <button
            key={location.id}
            type="button"
            className={lock ? 'locations__item locations__item--locked' : 'locations__item'}
            aria-current={here ? 'location' : undefined}
            data-locked={lock}
            onClick={() => player.goTo(location.id)}
            onFocus={() => player.preload(location.id)}
            onPointerEnter={() => player.preload(location.id)}
          >
            {/* A locked location's poster is gated like its stream: a lock stands in for it. */}
            {lock ? <span className="locations__lock" aria-hidden="true"><LockIcon /></span> : location.poster && <img src={location.poster} alt="" loading="lazy" />}
            <span>{i18n.pick(location.name)}</span>
            {lock && <span className="locations__tier">{i18n.t('tour.lock.badge', { tier: i18n.t(`tier.${lock}`) })}</span>}
          </button>
        );
      })}
    </nav>
  );
}
