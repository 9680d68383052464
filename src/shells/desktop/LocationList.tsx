// The tour's locations as a list for direct jumps; the one on screen is marked.
import type { TourPlayer } from '../../tour/tour-player';
import { useI18n } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';

export function LocationList({ player }: { player: TourPlayer }) {
  const i18n = useI18n();
  const { current } = usePlayerState(player);
  return (
    <nav className="locations" aria-label={i18n.t('tour.locations')}>
      {player.tour.locations.map((location) => {
        const here = location.id === current.location.id;
        return (
          <button
            key={location.id}
            type="button"
            className="locations__item"
            aria-current={here ? 'location' : undefined}
            onClick={() => player.goTo(location.id)}
            onFocus={() => player.preload(location.id)}
            onPointerEnter={() => player.preload(location.id)}
          >
            {location.poster && <img src={location.poster} alt="" loading="lazy" />}
            <span>{i18n.pick(location.name)}</span>
          </button>
        );
      })}
    </nav>
  );
}
