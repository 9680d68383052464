// Funding over time as an SVG line (no chart library on the TV's first screen): the funding milestones, then now.
import { useMemo } from 'react';
import type { Milestone, Project } from '../../protocol';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useMinuteClock } from './useMinuteClock';
import { chartCoordinates, fundingSeries, goalLineY } from '../../tv/dashboard/funding-series';

const BOX = { width: 600, height: 200 };

export function FundingChart({ project, milestones }: { project: Project; milestones: readonly Milestone[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { props } = useFocusable<HTMLElement>('tile-chart', { section: 'chart' });
  const now = useMinuteClock();
  const points = useMemo(() => fundingSeries(project, milestones, now), [project, milestones, now]);
  const coordinates = chartCoordinates(points, BOX);
  const goalY = goalLineY(points, BOX);
  const milestonePoints = points.length - 1;
  const nowShare = points[points.length - 1]?.share ?? 0;
  const summary = i18n.plural('tv.chart.summary', milestonePoints, { percent: Math.round(nowShare * 100) });
  return (
    <figure className="tv-chart tv-focusable" {...props} aria-label={summary}>
      <figcaption className="tv-tile__label">{t('tv.chart')}</figcaption>
      <svg viewBox={`-10 -10 ${BOX.width + 20} ${BOX.height + 20}`} className="tv-chart__svg" role="img" aria-label={summary} data-testid="tv-chart" data-points={points.length}>
        <line className="tv-chart__goal" x1={0} x2={BOX.width} y1={goalY} y2={goalY} />
        <text className="tv-chart__label" x={0} y={goalY - 12}>
          100 %
        </text>
        <text className="tv-chart__label" x={BOX.width} y={BOX.height + 4} textAnchor="end">
          {t('tv.chart.now')} · {Math.round(nowShare * 100)} %
        </text>
        <polyline className="tv-chart__line" points={coordinates.map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`).join(' ')} />
        {coordinates.map((c, index) => (
          <circle key={index} className={points[index]?.live ? 'tv-chart__dot tv-chart__dot--now' : 'tv-chart__dot'} cx={c.x} cy={c.y} r={points[index]?.live ? 9 : 6} />
        ))}
      </svg>
      {milestonePoints === 0 && <p className="tv-tile__detail">{t('tv.chart.empty')}</p>}
    </figure>
  );
}
