// The loading card every shell shows over its 360 view until the first frame: percent, bar and the current stage.
// Shells differ only in the card's frame (`className`), so the progress semantics live once.
import { useI18n, useMedia } from './AppContext';

export function MediaLoadingCard({ className }: { className: string }) {
  const media = useMedia();
  const { t } = useI18n();
  const percent = Math.round(media.progress * 100);
  return (
    <div className={className} role="status" aria-live="polite">
      <p>{t('media.loading', { percent })}</p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {media.stage && <p className="muted">{t(`media.stage.${media.stage}`)}</p>}
    </div>
  );
}
