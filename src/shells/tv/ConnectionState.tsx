// The feed's state in the home screen's corner: live, connecting, reconnecting (attempt), offline since, and the
// age of a status shown from the offline cache.
import { useFeed, useI18n } from '../../react/AppContext';

export function ConnectionState() {
  const feed = useFeed();
  const i18n = useI18n();
  const { t } = i18n;
  let text: string;
  switch (feed.status) {
    case 'connecting':
      text = t('feed.connecting');
      break;
    case 'reconnecting':
      text = feed.attempt > 0 ? t('feed.reconnecting', { attempt: feed.attempt }) : t('feed.reconnectingFirst');
      break;
    case 'offline':
      text = t('feed.offline', { time: i18n.time(feed.since) });
      break;
    case 'refused':
      text = t('feed.refused');
      break;
    case 'live':
      text = t('feed.live');
      break;
  }
  return (
    <div className="tv-connection" role="status" aria-live="polite" data-status={feed.status} data-testid="tv-connection">
      <span className={`tv-connection__dot tv-connection__dot--${feed.status}`} aria-hidden="true" />
      <span>{text}</span>
      {feed.cachedAt !== null && (
        <span className="tv-connection__cached" data-testid="tv-cached">
          {t('feed.cached', { ago: i18n.ago(feed.cachedAt) })}
        </span>
      )}
    </div>
  );
}
