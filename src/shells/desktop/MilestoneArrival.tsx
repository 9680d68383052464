// A milestone arriving while the page is open, announced: a toast that fades by itself, read out by screen readers
// (a polite live region that is always in the page, so its change is what gets announced), and the milestone's
// card highlighted in the list until it hides. What counts as an arrival, and for how long, is the one toast
// policy's (src/feed/milestone-arrivals.ts): nothing shows for the milestones a page loads with.
import { useI18n } from '../../react/AppContext';
import { useMilestoneArrivals } from '../../react/useMilestoneArrivals';

export function MilestoneArrival() {
  const i18n = useI18n();
  const { toasts, count } = useMilestoneArrivals();
  const newest = toasts[toasts.length - 1];
  return (
    <div className="arrival" role="status" aria-live="polite" aria-atomic="true" data-testid="milestone-arrival">
      {newest && (
        <p className="arrival__toast" key={newest.milestone.id} data-arrival-seq={newest.milestone.seq} style={{ animationDuration: `${Math.max(0, newest.hidesAt - newest.shownAt)}ms` }}>
          <span className="arrival__kind">{i18n.t(`milestone.kind.${newest.milestone.kind}`)}</span>
          <span>{i18n.t('milestones.arrived', { title: i18n.pick(newest.milestone.title) })}</span>
          {count > 1 && <span className="muted">{i18n.t('milestones.arrivedMore', { count: count - 1 })}</span>}
        </p>
      )}
    </div>
  );
}

/** The ids of the milestones on show as arrivals: the list highlights their cards. */
export function useArrivedIds(): ReadonlySet<string> {
  const { toasts } = useMilestoneArrivals();
  return new Set(toasts.map((toast) => toast.milestone.id));
}
