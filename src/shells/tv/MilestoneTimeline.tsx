// The milestones, newest first, as a list the D-pad scrolls through one item at a time.
import type { Milestone } from '../../protocol';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useMinuteClock } from './useMinuteClock';

function TimelineItem({ milestone, now }: { milestone: Milestone; now: number }) {
  const i18n = useI18n();
  const { props } = useFocusable<HTMLLIElement>(`milestone-${milestone.seq}`, { section: 'timeline' });
  const at = Date.parse(milestone.occurredAt);
  return (
    <li className={`tv-milestone tv-focusable tv-milestone--${milestone.kind}`} data-seq={milestone.seq} {...props}>
      <span className="tv-milestone__kind">{i18n.t(`milestone.kind.${milestone.kind}`)}</span>
      <span className="tv-milestone__title">{i18n.pick(milestone.title)}</span>
      {/* As people say it ("2 hours ago", "昨天"); the date and clock time for anyone who asks for them. */}
      <time className="tv-milestone__time" dateTime={milestone.occurredAt} title={`${new Date(at).toLocaleDateString(i18n.language)} ${i18n.time(at)}`}>
        {i18n.ago(at, now)}
      </time>
    </li>
  );
}

export function MilestoneTimeline({ milestones }: { milestones: readonly Milestone[] }) {
  const { t } = useI18n();
  const now = useMinuteClock();
  return (
    <section className="tv-timeline" aria-labelledby="tv-timeline-title">
      <h2 id="tv-timeline-title" className="tv-tile__label">
        {t('tv.timeline')}
      </h2>
      {milestones.length === 0 ? (
        <p className="tv-muted" data-testid="tv-timeline-empty">
          {t('milestones.empty')}
        </p>
      ) : (
        <ol className="tv-timeline__list" data-testid="tv-timeline">
          {[...milestones].reverse().map((m) => (
            <TimelineItem key={m.seq} milestone={m} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}
