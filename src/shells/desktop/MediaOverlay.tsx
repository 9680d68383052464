// Everything drawn over the 360 view about the video itself: loading progress, a stall with its cause (and Retry
// where fetching again helps), and the error card (a refused stream says why: useRefusalMessage); playback the
// network stopped starts again when it is back.
import { retryHelps } from '../../media/stall-watch';
import { useI18n, useMedia } from '../../react/AppContext';
import { MediaLoadingCard } from '../../react/MediaLoadingCard';
import { refusalRetryHelps, useRefusalMessage, type PassRecheck } from '../../react/useRefusalMessage';
import { useOnline, useRetryWhenOnline } from './useRetryWhenOnline';

/** `recheckPass`: where the stream is a tour's footage, how to ask its media pass again (a meet-up's stage has its
 * own stream pass keeper). */
export function MediaOverlay({ onRetry, poster, recheckPass }: { onRetry: () => void; poster: string | undefined; recheckPass?: PassRecheck }) {
  const media = useMedia();
  const { t } = useI18n();
  const online = useOnline();
  useRetryWhenOnline(onRetry);
  const refusal = useRefusalMessage(media.status === 'error' ? media.error : null, recheckPass, onRetry);
  if (media.status === 'error' && media.error) {
    // Offline, the network error says so, and that the video comes back by itself (useRetryWhenOnline).
    const offline = media.error.kind === 'network' && !online;
    return (
      <div className="overlay overlay--error" role="alert" data-refusal={media.error.refusal}>
        <div className="card">
          <h2>{t('media.error.title')}</h2>
          <p data-testid="media-error">{offline ? t('media.offlineWillRetry') : t(refusal ?? `media.error.${media.error.kind}`)}</p>
          {refusalRetryHelps(media.error) && (
            <button type="button" className="button" onClick={onRetry} autoFocus>
              {t('media.retry')}
            </button>
          )}
        </div>
      </div>
    );
  }
  if (media.status === 'idle' || media.status === 'loading') {
    return (
      <div className="overlay overlay--loading" style={poster ? { backgroundImage: `url(${poster})` } : undefined}>
        <MediaLoadingCard className="card" onRetry={onRetry} />
      </div>
    );
  }
  if (media.status === 'stalled') {
    return (
      <div className="overlay overlay--stalled" role="status" data-stall={media.stall?.cause}>
        <p className="pill">
          {t(media.stall ? `media.stall.${media.stall.cause}` : 'media.stalled')}
          {retryHelps(media.stall) && (
            <button type="button" className="button button--small overlay__retry" onClick={onRetry}>
              {t('media.retry')}
            </button>
          )}
        </p>
      </div>
    );
  }
  return null;
}
