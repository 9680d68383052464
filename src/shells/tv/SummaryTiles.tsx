// The project's figures as four focusable tiles: funding raised against the goal, backers, phase, shooting days.
import type { ReactNode } from 'react';
import type { Project } from '../../protocol';
import { useI18n } from '../../react/AppContext';
import { shortMoney } from '../../tv/dashboard/amounts';
import { useFocusable } from './useFocusable';

function Tile({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const { props } = useFocusable<HTMLDivElement>(id, { section: 'summary' });
  return (
    <div className="tv-tile tv-focusable" {...props}>
      <p className="tv-tile__label">{label}</p>
      {children}
    </div>
  );
}

export function SummaryTiles({ project }: { project: Project }) {
  const i18n = useI18n();
  const { t } = i18n;
  const percent = project.fundingGoal > 0 ? Math.round((project.fundingRaised / project.fundingGoal) * 100) : 0;
  // Short figures from the sofa ("¥261万", "CN¥2.61M"); the exact ones for screen readers.
  const zero = i18n.money(0, project.currency);
  const money = (value: number) => shortMoney(value, i18n.language, i18n.number, zero);
  return (
    <div className="tv-tiles">
      <Tile id="tile-funding" label={t('tv.funding')}>
        <p className="tv-tile__value" data-testid="tv-funding-raised" aria-label={i18n.money(project.fundingRaised, project.currency)}>
          {money(project.fundingRaised)}
        </p>
        <p className="tv-tile__detail">{t('tv.funding.share', { percent, goal: money(project.fundingGoal) })}</p>
        <div className="tv-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(100, percent)}>
          <div className="tv-progress__bar" style={{ width: `${Math.min(100, percent)}%` }} />
        </div>
      </Tile>
      <Tile id="tile-backers" label={t('tv.backers')}>
        <p className="tv-tile__value" data-testid="tv-backers">
          {i18n.number(project.backers)}
        </p>
      </Tile>
      <Tile id="tile-phase" label={t('tv.phase')}>
        <p className="tv-tile__value tv-tile__value--text" data-testid="tv-phase">
          {t(`project.phase.${project.phase}`)}
        </p>
      </Tile>
      <Tile id="tile-days" label={t('tv.days')}>
        <p className="tv-tile__value" data-testid="tv-shooting-days">
          {t('project.shootingDaysValue', { done: project.shootingDays.done, planned: project.shootingDays.planned })}
        </p>
      </Tile>
    </div>
  );
}
