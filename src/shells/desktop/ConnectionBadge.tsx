// The feed's connection state, always visible: live, connecting, reconnecting (with attempt), offline (since when),
// and for a few seconds after an outage, that the page caught up.
import { useEffect, useState } from 'react';
import { useFeed, useI18n } from '../../react/AppContext';

/** How long "caught up" shows after a reconnect. */
const CAUGHT_UP_MS = 4_000;

export function ConnectionBadge() {
  const feed = useFeed();
  const { t, time } = useI18n();
  const caughtUpAt = feed.status === 'live' && feed.lastResync?.afterOutage ? feed.lastResync.at : null;
  const showCaughtUp = useShownFor(caughtUpAt, CAUGHT_UP_MS);
  let text: string;
  switch (feed.status) {
    case 'connecting':
      text = t('feed.connecting');
      break;
    case 'reconnecting':
      text = feed.attempt > 0 ? t('feed.reconnecting', { attempt: feed.attempt }) : t('feed.reconnectingFirst');
      break;
    case 'offline':
      text = t('feed.offline', { time: time(feed.since) });
      break;
    case 'refused':
      text = t('feed.refused');
      break;
    case 'live':
      text = showCaughtUp ? t('feed.caughtUp') : t('feed.live');
      break;
  }
  return (
    <p className={`connection connection--${feed.status}`} role="status" aria-live="polite" data-status={feed.status}>
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/** True from moment `at` until `durationMs` later. */
function useShownFor(at: number | null, durationMs: number): boolean {
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(() => setExpired(at), Math.max(0, at + durationMs - Date.now()));
    return () => clearTimeout(timer);
  }, [at, durationMs]);
  return at !== null && expired !== at;
}
