// The media states over the view at 10-foot size: loading with progress, buffering, and the error (whose Retry is
// a control in the bar, so the D-pad reaches it like every other action).
import { useI18n, useMedia } from '../../../react/AppContext';

export function WatchMediaStatus({ poster }: { poster: string | undefined }) {
  const media = useMedia();
  const { t } = useI18n();
  if (media.status === 'error' && media.error) {
    return (
      <div className="watch__status watch__status--error" role="alert">
        <div className="watch__card">
          <h2>{t('media.error.title')}</h2>
          <p>{t(`media.error.${media.error.kind}`)}</p>
        </div>
      </div>
    );
  }
  if (media.status === 'idle' || media.status === 'loading') {
    const percent = Math.round(media.progress * 100);
    return (
      <div className="watch__status watch__status--loading" style={poster ? { backgroundImage: `url(${poster})` } : undefined}>
        <div className="watch__card" role="status" aria-live="polite">
          <p>{t('media.loading', { percent })}</p>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="progress__bar" style={{ width: `${percent}%` }} />
          </div>
          {media.stage && <p className="muted">{t(`media.stage.${media.stage}`)}</p>}
        </div>
      </div>
    );
  }
  if (media.status === 'stalled') {
    return (
      <div className="watch__status watch__status--stalled" role="status">
        <p className="pill">{t('media.stalled')}</p>
      </div>
    );
  }
  return null;
}
