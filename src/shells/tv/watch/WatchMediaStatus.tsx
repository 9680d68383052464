// The media states over the view at 10-foot size: loading with progress, a stall with its cause, and the error
// (Retry is a control in the bar, so the D-pad reaches it like every other action).
import { useI18n, useMedia } from '../../../react/AppContext';
import { MediaLoadingCard } from '../../../react/MediaLoadingCard';
import { useRefusalMessage, type PassRecheck } from '../../../react/useRefusalMessage';

/** `recheckPass` and `reload`: where the stream is a tour's footage, a refused pass is asked for again and the
 * stream loaded again when it comes (useRefusalMessage). */
export function WatchMediaStatus({ poster, recheckPass, reload }: { poster: string | undefined; recheckPass?: PassRecheck; reload?: () => void }) {
  const media = useMedia();
  const { t } = useI18n();
  const refusal = useRefusalMessage(media.status === 'error' ? media.error : null, recheckPass, reload ?? (() => undefined));
  if (media.status === 'error' && media.error) {
    return (
      <div className="watch__status watch__status--error" role="alert" data-refusal={media.error.refusal}>
        <div className="watch__card">
          <h2>{t('media.error.title')}</h2>
          <p>{t(refusal ?? `media.error.${media.error.kind}`)}</p>
        </div>
      </div>
    );
  }
  if (media.status === 'idle' || media.status === 'loading') {
    return (
      <div className="watch__status watch__status--loading" style={poster ? { backgroundImage: `url(${poster})` } : undefined}>
        <MediaLoadingCard className="watch__card" />
      </div>
    );
  }
  if (media.status === 'stalled') {
    return (
      <div className="watch__status watch__status--stalled" role="status" data-stall={media.stall?.cause}>
        <p className="pill">{t(media.stall ? `media.stall.${media.stall.cause}` : 'media.stalled')}</p>
      </div>
    );
  }
  return null;
}
