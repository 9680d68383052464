// Funding over time as an SVG line (no chart library on the TV's first screen): the recorded totals, then now.
import { useMemo } from 'react';
import type { Project } from '../../protocol';
import { useI18n } from '../../react/AppContext';
import { useFocusable } from './useFocusable';
import { useMinuteClock } from './useMinuteClock';
import { chartCoordinates, fundingSeries, goalLineY } from '../../tv/dashboard/funding-series';

const BOX = { width: 600, height: 200 };
/** Room under the line for the date and "now" labels, and above it for "100 %" when the goal line is at the top. */
const LABELS = 40;
const ABOVE = 50;

export function FundingChart({ project }: { project: Project }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { props } = useFocusable<HTMLElement>('tile-chart', { section: 'chart' });
  const now = useMinuteClock();
  const points = useMemo(() => fundingSeries(project, now), [project, now]);
  const coordinates = chartCoordinates(points, BOX);
  const goalY = goalLineY(points, BOX);
  const first = points[0];
  const nowShare = points[points.length - 1]?.share ?? 0;
  const percent = (share: number) => Math.round(share * 100);
  // Month and day only: a campaign's line spans weeks, and the year would crowd the axis.
  const since = first && points.length > 1 ? new Date(first.at).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric' }) : null;
  const summary = t(since && first ? 'tv.chart.summary' : 'tv.chart.summary.now', { percent: percent(nowShare), start: percent(first?.share ?? 0), date: since ?? '' });
  return (
    <figure className="tv-chart tv-focusable" {...props} aria-label={summary}>
      <figcaption className="tv-tile__label">{t('tv.chart')}</figcaption>
      {/* Below the line's box: the axis labels, clear of the first and last dots. */}
      <svg viewBox={`-10 ${-ABOVE} ${BOX.width + 20} ${BOX.height + ABOVE + 10 + LABELS}`} className="tv-chart__svg" role="img" aria-label={summary} data-testid="tv-chart" data-points={points.length}>
        <line className="tv-chart__goal" x1={0} x2={BOX.width} y1={goalY} y2={goalY} />
        <text className="tv-chart__label" x={0} y={goalY - 12}>
          100 %
        </text>
        {since && (
          <text className="tv-chart__label" x={0} y={BOX.height + LABELS} data-testid="tv-chart-since">
            {since}
          </text>
        )}
        <text className="tv-chart__label" x={BOX.width} y={BOX.height + LABELS} textAnchor="end">
          {t('tv.chart.now')} · {percent(nowShare)} %
        </text>
        <polyline className="tv-chart__line" points={coordinates.map((c) => `${c.x.toFixed(1)},${c.y.toFixed(1)}`).join(' ')} />
        {coordinates.map((c, index) => (
          <circle key={index} className={points[index]?.live ? 'tv-chart__dot tv-chart__dot--now' : 'tv-chart__dot'} cx={c.x} cy={c.y} r={points[index]?.live ? 9 : 6} />
        ))}
      </svg>
      {!since && <p className="tv-tile__detail">{t('tv.chart.empty')}</p>}
    </figure>
  );
}
