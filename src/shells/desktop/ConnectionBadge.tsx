// The feed's connection state, always visible: live, connecting, reconnecting (with attempt), offline (since when).
import { useEffect, useState } from 'react';
import { useFeed, useI18n } from '../../react/AppContext';

/** How long "caught up" shows after a reconnect. */
const CAUGHT_UP_MS = 4_000;

export function ConnectionBadge() {
  const feed = useFeed();
  const { t, time } = useI18n();
  const recentlyCaughtUp = useRecentReconnect(feed.lastResync?.at ?? null, feed.status === 'live');
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
    case 'live':
      text = recentlyCaughtUp ? t('feed.caughtUp') : t('feed.live');
      break;
  }
  return (
    <p className={`connection connection--${feed.status}`} role="status" aria-live="polite" data-status={feed.status}>
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/** True for a few seconds after a resync that followed a lost connection (not after the first connect). */
function useRecentReconnect(resyncAt: number | null, live: boolean): boolean {
  const [firstResync] = useState(() => ({ at: resyncAt }));
  const [visibleUntil, setVisibleUntil] = useState(0);
  useEffect(() => {
    if (resyncAt === null) return;
    if (firstResync.at === null) {
      firstResync.at = resyncAt;
      return;
    }
    if (resyncAt === firstResync.at) return;
    setVisibleUntil(resyncAt + CAUGHT_UP_MS);
    const timer = setTimeout(() => setVisibleUntil(0), CAUGHT_UP_MS);
    return () => clearTimeout(timer);
  }, [resyncAt, firstResync]);
  return live && visibleUntil > 0;
}
