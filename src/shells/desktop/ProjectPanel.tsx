// The right side of the desktop shell: the project's status and latest milestones, straight from the feed.
import type { Milestone, Project } from '../../protocol';
import { useFeed, useI18n, useServices } from '../../react/AppContext';
import { BackerSignIn } from './BackerSignIn';
import { ConnectionBadge } from './ConnectionBadge';
import { MilestoneArrival, useArrivedIds } from './MilestoneArrival';

export function ProjectPanel() {
  const feed = useFeed();
  const { projectId } = useServices();
  const i18n = useI18n();
  const { t } = i18n;

  if (feed.error?.code === 'unauthorized' || feed.error?.code === 'forbidden') {
    return (
      <aside className="panel">
        {/* unauthorized: no code yet; forbidden: the code given is not valid or not for this project. */}
        <BackerSignIn rejected={feed.error.code === 'forbidden'} />
      </aside>
    );
  }
  if (feed.error) {
    const message = feed.error.code === 'not-found' ? t('feed.error.not-found', { projectId }) : t('feed.error.generic', { message: feed.error.message });
    return (
      <aside className="panel">
        <p className="card" role="alert">
          {message}
        </p>
      </aside>
    );
  }
  if (!feed.data) {
    return (
      <aside className="panel" aria-busy="true">
        <ConnectionBadge />
        <p className="muted">{t('project.loading')}</p>
      </aside>
    );
  }
  const { project, milestones } = feed.data;
  return <ProjectStatus project={project} milestones={milestones} cachedAt={feed.cachedAt} />;
}

function ProjectStatus({ project, milestones, cachedAt }: { project: Project; milestones: readonly Milestone[]; cachedAt: number | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const arrived = useArrivedIds();
  const funded = project.fundingGoal > 0 ? Math.min(100, Math.round((project.fundingRaised / project.fundingGoal) * 100)) : 0;
  return (
    <aside className="panel" aria-labelledby="project-title">
      <ConnectionBadge />
      {cachedAt !== null && (
        <p className="cached" data-testid="cached-status">
          {t('feed.cached', { ago: i18n.ago(cachedAt) })}
        </p>
      )}
      <h1 id="project-title" className="panel__title">
        {i18n.pick(project.title)}
      </h1>
      <p className="phase">{t(`project.phase.${project.phase}`)}</p>
      <section className="funding" aria-label={t('project.raised', { goal: '' })}>
        <p className="funding__raised" data-testid="funding-raised">
          {i18n.money(project.fundingRaised, project.currency)}
        </p>
        <p className="muted">{t('project.raised', { goal: i18n.money(project.fundingGoal, project.currency) })}</p>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={funded}>
          <div className="progress__bar" style={{ width: `${funded}%` }} />
        </div>
      </section>
      <dl className="facts">
        <div>
          <dt>{t('project.backers')}</dt>
          <dd data-testid="backers">{i18n.number(project.backers)}</dd>
        </div>
        <div>
          <dt>{t('project.shootingDays')}</dt>
          <dd data-testid="shooting-days">{t('project.shootingDaysValue', { done: project.shootingDays.done, planned: project.shootingDays.planned })}</dd>
        </div>
      </dl>
      <section className="panel__milestones" aria-labelledby="milestones-title">
        <h2 id="milestones-title">{t('milestones.title')}</h2>
        {milestones.length === 0 ? (
          <p className="muted">{t('milestones.empty')}</p>
        ) : (
          <ol className="milestones" data-testid="milestones">
            {[...milestones].reverse().map((m) => (
              <MilestoneItem key={m.seq} milestone={m} arrived={arrived.has(m.id)} />
            ))}
          </ol>
        )}
      </section>
      <MilestoneArrival />
    </aside>
  );
}

/** `arrived`: it came in while the page is open (highlighted until its toast hides); none is at first load. */
function MilestoneItem({ milestone, arrived }: { milestone: Milestone; arrived: boolean }) {
  const i18n = useI18n();
  return (
    <li className={`milestone milestone--${milestone.kind}${arrived ? ' milestone--arrived' : ''}`} data-seq={milestone.seq}>
      <span className="milestone__kind">{i18n.t(`milestone.kind.${milestone.kind}`)}</span>
      <span className="milestone__title">{i18n.pick(milestone.title)}</span>
      <time className="milestone__time muted" dateTime={milestone.occurredAt}>
        {i18n.time(Date.parse(milestone.occurredAt))}
      </time>
    </li>
  );
}
