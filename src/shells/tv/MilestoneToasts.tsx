// New milestones as toasts in a live region: announced, never focusable, gone by themselves. Which ones and until
// when is the shared toast policy's (src/feed/milestone-arrivals.ts); this only renders them.
import { useSyncExternalStore } from 'react';
import { useI18n, useServices } from '../../react/AppContext';

export function MilestoneToasts({ notice }: { notice: string | null }) {
  const { arrivals } = useServices();
  const { t, pick } = useI18n();
  const list = useSyncExternalStore(
    (onChange) => arrivals.subscribe(onChange),
    () => arrivals.toasts,
  );
  return (
    <div className="tv-toasts" role="status" aria-live="polite" data-testid="tv-toasts">
      {notice && <p className="tv-toast tv-toast--notice">{notice}</p>}
      {list.map(({ milestone }) => (
        <p key={milestone.id} className="tv-toast" data-seq={milestone.seq}>
          <span className="tv-toast__label">{t('tv.toast.new')} · {t(`milestone.kind.${milestone.kind}`)}</span>
          <span className="tv-toast__title">{pick(milestone.title)}</span>
        </p>
      ))}
    </div>
  );
}
