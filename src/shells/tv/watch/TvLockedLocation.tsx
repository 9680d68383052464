// On the TV, the notice shown instead of a location the backer's tier does not open: which tier opens it. It never
// takes the focus (like a toast) and goes by itself; a code typed on the TV's backer-code keypad (Meet-ups) opens it.
import { useEffect } from 'react';
import { useI18n } from '../../../react/AppContext';
import { usePlayerState } from '../../../react/useTourPlayer';
import type { TourPlayer } from '../../../tour/tour-player';

/** Long enough to read from the sofa. */
const LOCK_NOTICE_MS = 8_000;

export function TvLockedLocation({ player }: { player: TourPlayer }) {
  const { locked } = usePlayerState(player);
  const i18n = useI18n();
  useEffect(() => {
    if (!locked) return undefined;
    const timer = setTimeout(() => player.dismissLock(), LOCK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [locked, player]);
  if (!locked) return null;
  const tier = i18n.t(`tier.${locked.tier}`);
  return (
    <div className="watch__notice watch__lock" role="status" data-testid="locked-location" data-location={locked.location.id} data-tier={locked.tier}>
      <strong><svg className="lock-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" /></svg> {i18n.t('tour.lock.title', { location: i18n.pick(locked.location.name), tier })}</strong>
      <br />
      {i18n.t('tour.lock.tvBody', { tier })}
    </div>
  );
}
