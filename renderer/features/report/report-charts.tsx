import { useId } from 'react';
import type { LeadershipReport, WorkloadCategoryHours } from '../../../shared/api/views';
import type { Category } from '../../../shared/domain/types';
import { formatHours } from '../../ui/format-figures';
import { axisLabel, labelStep } from '../insights/chart-data';
import { niceTicks } from './report-figures';

/**
 * The report's compact charts as static SVG: vector in the PDF, no script needed to draw them, and
 * coloured by the stylesheet's --chart-* variables (print colours included). Each names itself
 * with a <title> and says its main figures in a <desc>.
 */

type Week = LeadershipReport['weeks'][number];

const WIDTH = 340;
const HEIGHT = 168;
const PLOT = { left: 34, right: 8, top: 10, bottom: 22 };

interface Frame {
  x: (index: number) => number;
  slot: number;
  y: (value: number) => number;
  ticks: number[];
}

function frame(bars: number, min: number, max: number): Frame {
  const ticks = niceTicks(Math.max(max, 0.1));
  const low = min < 0 ? -niceTicks(-min, 2).at(-1)! : 0;
  const high = ticks.at(-1)!;
  const width = WIDTH - PLOT.left - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = width / Math.max(bars, 1);
  return {
    x: (index) => PLOT.left + slot * (index + 0.5),
    slot,
    y: (value) => PLOT.top + height * (1 - (value - low) / (high - low)),
    ticks: low < 0 ? [low, ...ticks] : ticks,
  };
}

function Axes({ frame: f, weeks }: { frame: Frame; weeks: readonly Week[] }) {
  const step = labelStep(weeks.length, WIDTH - PLOT.left - PLOT.right, 46);
  return (
    <g className="svg-axis">
      {f.ticks.map((tick) => (
        <g key={tick}>
          <line className="svg-grid" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={f.y(tick)} y2={f.y(tick)} />
          <text x={PLOT.left - 4} y={f.y(tick) + 3} textAnchor="end">
            {Math.round(tick * 10) / 10} h
          </text>
        </g>
      ))}
      {weeks.map((week, index) =>
        (weeks.length - 1 - index) % step === 0 ? (
          <text key={week.start} x={f.x(index)} y={HEIGHT - 6} textAnchor="middle">
            {axisLabel(week.start, 'week', null).replace(/,? \d{4}$/, '')}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Net hours reclaimed, week by week through the period. */
export function NetReclaimedSvg({ weeks }: { weeks: readonly Week[] }) {
  const titleId = useId();
  const values = weeks.map((week) => week.netReclaimedHours);
  const f = frame(weeks.length, Math.min(0, ...values), Math.max(0, ...values));
  const width = Math.min(f.slot * 0.62, 28);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="report-svg" role="img" aria-labelledby={titleId}>
      <title id={titleId}>Net hours reclaimed per week</title>
      <desc>{weeks.map((week) => `${week.start}: ${formatHours(week.netReclaimedHours)}`).join('; ')}</desc>
      <Axes frame={f} weeks={weeks} />
      {weeks.map((week, index) => {
        const top = f.y(Math.max(0, week.netReclaimedHours));
        const bottom = f.y(Math.min(0, week.netReclaimedHours));
        return <rect key={week.start} className="svg-net" x={f.x(index) - width / 2} y={top} width={width} height={Math.max(0, bottom - top)} />;
      })}
    </svg>
  );
}

/** Her weeks: hours within capacity and over it, capacity as a dashed line, after-hours as a line of dots. */
export function WeeksSvg({ weeks }: { weeks: readonly Week[] }) {
  const titleId = useId();
  const f = frame(weeks.length, 0, Math.max(1, ...weeks.map((week) => Math.max(week.herHours, week.capacityHours))));
  const width = Math.min(f.slot * 0.62, 28);
  const path = (pick: (week: Week) => number) => weeks.map((week, index) => `${index === 0 ? 'M' : 'L'}${f.x(index).toFixed(1)},${f.y(pick(week)).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="report-svg" role="img" aria-labelledby={titleId}>
      <title id={titleId}>Your hours per week against capacity, with overtime and after-hours</title>
      <desc>
        {weeks
          .map((week) => `${week.start}: ${formatHours(week.herHours)} of ${formatHours(week.capacityHours)}, overtime ${formatHours(week.overtimeHours)}, after-hours ${formatHours(week.afterHoursHours)}`)
          .join('; ')}
      </desc>
      <Axes frame={f} weeks={weeks} />
      {weeks.map((week, index) => {
        const within = week.herHours - week.overtimeHours;
        return (
          <g key={week.start}>
            <rect className="svg-her" x={f.x(index) - width / 2} y={f.y(within)} width={width} height={f.y(0) - f.y(within)} />
            {week.overtimeHours > 0 && <rect className="svg-overtime" x={f.x(index) - width / 2} y={f.y(week.herHours)} width={width} height={f.y(within) - f.y(week.herHours)} />}
          </g>
        );
      })}
      {weeks.length > 0 && <path className="svg-capacity" d={path((week) => week.capacityHours)} />}
      {weeks.length > 0 && <path className="svg-after-hours" d={path((week) => week.afterHoursHours)} />}
      {weeks.map((week, index) => (
        <circle key={week.start} className="svg-after-hours-dot" cx={f.x(index)} cy={f.y(week.afterHoursHours)} r={2.2} />
      ))}
    </svg>
  );
}

/** Hours by category in the period, hers solid and the MSP's striped, the largest first. */
export function CategoriesSvg({ categories, byId }: { categories: readonly WorkloadCategoryHours[]; byId: ReadonlyMap<number, Category> }) {
  const titleId = useId();
  const patternId = useId();
  const rows = [...categories]
    .filter((category) => category.herHours + category.mspHours > 0)
    .sort((a, b) => b.herHours + b.mspHours - (a.herHours + a.mspHours))
    .slice(0, 9);
  const width = 700;
  const rowHeight = 15;
  const label = 150;
  const valueRoom = 120;
  const height = 6 + rows.length * rowHeight;
  const max = Math.max(1, ...rows.map((row) => row.herHours + row.mspHours));
  const scale = (hours: number) => ((width - label - valueRoom) * hours) / max;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="report-svg report-svg-wide" role="img" aria-labelledby={titleId}>
      <title id={titleId}>Hours by category in the period: yours and the MSP’s</title>
      <desc>
        {rows.map((row) => `${byId.get(row.categoryId)?.name ?? 'Category'}: you ${formatHours(row.herHours)}, MSP ${formatHours(row.mspHours)}`).join('; ')}
      </desc>
      <defs>
        {rows.map((row) => {
          const colour = byId.get(row.categoryId)?.color ?? '#64748b';
          return (
            <pattern key={row.categoryId} id={`${patternId}-${row.categoryId}`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="5" height="5" fill={colour} fillOpacity="0.3" />
              <rect width="2" height="5" fill={colour} />
            </pattern>
          );
        })}
      </defs>
      {rows.map((row, index) => {
        const y = 3 + index * rowHeight;
        const colour = byId.get(row.categoryId)?.color ?? '#64748b';
        return (
          <g key={row.categoryId} className="svg-axis">
            <text x={label - 6} y={y + 10} textAnchor="end">
              {byId.get(row.categoryId)?.name ?? `Category ${row.categoryId}`}
            </text>
            <rect x={label} y={y + 1} width={scale(row.herHours)} height={rowHeight - 4} fill={colour} />
            <rect x={label + scale(row.herHours)} y={y + 1} width={scale(row.mspHours)} height={rowHeight - 4} fill={`url(#${patternId}-${row.categoryId})`} />
            <text x={label + scale(row.herHours + row.mspHours) + 5} y={y + 10}>
              {formatHours(row.herHours)}
              {row.mspHours > 0 ? ` · MSP ${formatHours(row.mspHours)}` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
