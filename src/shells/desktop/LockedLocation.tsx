// The lock shown instead of a location the viewer's backer tier does not open: which tier opens it, a backer-code
// form (the code goes to Web Storage and the Authorization header, never the URL), and a way to stay put.
import { useState, type FormEvent } from 'react';
import type { TourPlayer } from '../../tour/tour-player';
import { useI18n, useServices } from '../../react/AppContext';
import { usePlayerState } from '../../react/useTourPlayer';
import './locked-location.css';

export function LockedLocation({ player }: { player: TourPlayer }) {
  const { locked } = usePlayerState(player);
  const { signIn } = useServices();
  const i18n = useI18n();
  const [code, setCode] = useState('');
  if (!locked) return null;
  const tier = i18n.t(`tier.${locked.tier}`);
  const location = i18n.pick(locked.location.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A sign-in loads the tour again with a new media pass; the lock lifts if the code's tier opens it.
    if (code.trim()) signIn(code.trim());
  };
  return (
    <div className="overlay overlay--locked" data-testid="locked-location" data-location={locked.location.id} data-tier={locked.tier}>
      <form className="card locked-location" onSubmit={submit} aria-labelledby="locked-location-title">
        <p className="locked-location__badge" aria-hidden="true">
          <LockIcon /> {i18n.t('tour.lock.badge', { tier })}
        </p>
        <h2 id="locked-location-title">{i18n.t('tour.lock.title', { location, tier })}</h2>
        <p>{i18n.t('tour.lock.body', { tier })}</p>
        <label className="field">
          <span>{i18n.t('feed.signIn.label')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
        </label>
        <div className="locked-location__actions">
          <button type="submit" className="button">
            {i18n.t('feed.signIn.submit')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => player.dismissLock()}>
            {i18n.t('tour.lock.close')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A padlock drawn, not typed: TVs and headless browsers often have no emoji font. */
export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true"><path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" /></svg>
  );
}
