// The loading card every shell shows over its 360 view until the first frame: percent, bar and the current stage,
// and, when the stream cannot be reached, that reason (with Retry where the shell offers it in the card).
// Shells differ only in the card's frame (`className`), so the progress semantics live once.
import { retryHelps } from '../media/stall-watch';
import { useI18n, useMedia } from './AppContext';

export function MediaLoadingCard({ className, onRetry }: { className: string; onRetry?: () => void }) {
  const media = useMedia();
  const { t } = useI18n();
  const percent = Math.round(media.progress * 100);
  return (
    <div className={className} role="status" aria-live="polite">
      <p>{t('media.loading', { percent })}</p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {media.stall ? (
        <p className="media-stall" data-stall={media.stall.cause}>
          {t(`media.stall.${media.stall.cause}`)}
        </p>
      ) : (
        media.stage && <p className="muted">{t(`media.stage.${media.stage}`)}</p>
      )}
      {onRetry && retryHelps(media.stall) && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('media.retry')}
        </button>
      )}
    </div>
  );
}
