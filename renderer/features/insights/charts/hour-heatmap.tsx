import { useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Settings } from '../../../../shared/domain/settings';
import { formatHours } from '../../../ui/format-figures';
import { heatLevel } from '../chart-data';

const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const hourName = new Intl.DateTimeFormat(undefined, { hour: 'numeric', timeZone: 'UTC' });
/** Sunday 4 January 2026 + d is weekday d (0 = Sunday), the heatmap's numbering. */
const onWeekday = (weekday: number, hour = 0) => Date.UTC(2026, 0, 4 + weekday, hour);
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * 7. Where her hours sit: weekday × hour of day, as a table (rows her weekdays from her week start,
 * columns the hours) whose cells are shaded by their hours. The hours of her working window are
 * outlined, so the after-hours load — everything outside the outline — shows at a glance. The cells are one tab stop: arrows, Home and
 * End move through them, and the line under the grid reads out the focused or hovered cell. The
 * table view prints the hours in the cells.
 */
export function HourHeatmap({ heatmap, settings, showNumbers }: { heatmap: number[][]; settings: Settings; showNumbers: boolean }) {
  const statusId = useId();
  const weekdays = useMemo(() => Array.from({ length: 7 }, (_, offset) => (settings.weekStartsOn + offset) % 7), [settings.weekStartsOn]);
  const max = Math.max(0, ...heatmap.flat());
  const total = heatmap.flat().reduce((sum, hours) => sum + hours, 0);
  const [active, setActive] = useState({ row: 0, hour: 9 });
  const [shown, setShown] = useState<{ row: number; hour: number } | null>(null);
  const start = minutesOf(settings.workdayStart);
  const end = minutesOf(settings.workdayEnd);
  const outside = (weekday: number, hour: number) => !settings.workingDays.includes(weekday) || hour * 60 < start || (hour + 1) * 60 > end;

  const describe = ({ row, hour }: { row: number; hour: number }) => {
    const weekday = weekdays[row]!;
    const hours = heatmap[weekday]?.[hour] ?? 0;
    const part = total > 0 && hours > 0 ? ` (${Math.round((hours / total) * 100)} % of your hours)` : '';
    return `${weekdayName.format(onWeekday(weekday))}, ${hourName.format(onWeekday(weekday, hour))} – ${hourName.format(onWeekday(weekday, (hour + 1) % 24))}: ${formatHours(hours)}${part}${outside(weekday, hour) ? ', outside your working hours' : ''}`;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, { row: number; hour: number }> = {
      ArrowRight: { row: active.row, hour: Math.min(23, active.hour + 1) },
      ArrowLeft: { row: active.row, hour: Math.max(0, active.hour - 1) },
      ArrowDown: { row: Math.min(6, active.row + 1), hour: active.hour },
      ArrowUp: { row: Math.max(0, active.row - 1), hour: active.hour },
      Home: { row: active.row, hour: 0 },
      End: { row: active.row, hour: 23 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    setActive(next);
    setShown(next);
    const cell = event.currentTarget.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.hour}"]`);
    cell?.focus();
  };

  return (
    <div className="heatmap">
      <div className="table-scroll">
        <table className={`heatmap-grid${showNumbers ? ' with-numbers' : ''}`} aria-label="Your hours by weekday and hour of day" aria-describedby={statusId} onKeyDown={onKeyDown} onMouseLeave={() => setShown(null)}>
          <thead>
            <tr>
              <td />
              {Array.from({ length: 24 }, (_, hour) => (
                <th key={hour} scope="col">
                  {hour % 3 === 0 ? <span aria-hidden="true">{hourName.format(onWeekday(0, hour))}</span> : null}
                  <span className="visually-hidden">{hourName.format(onWeekday(0, hour))}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekdays.map((weekday, row) => (
              <tr key={weekday}>
                <th scope="row">
                  <span aria-hidden="true">{weekdayShort.format(onWeekday(weekday))}</span>
                  <span className="visually-hidden">{weekdayName.format(onWeekday(weekday))}</span>
                </th>
                {Array.from({ length: 24 }, (_, hour) => {
                  const hours = heatmap[weekday]?.[hour] ?? 0;
                  const level = heatLevel(hours, max);
                  const focusable = active.row === row && active.hour === hour;
                  return (
                    <td
                      key={hour}
                      data-cell={`${row}-${hour}`}
                      tabIndex={focusable ? 0 : -1}
                      className={`heat-cell${outside(weekday, hour) ? '' : ' inside'}`}
                      style={{ '--level': `${Math.round(level * 100)}%` } as CSSProperties}
                      onFocus={() => {
                        setActive({ row, hour });
                        setShown({ row, hour });
                      }}
                      onMouseEnter={() => setShown({ row, hour })}
                    >
                      {showNumbers ? (
                        <span className="heat-number">{hours > 0 ? Math.round(hours * 10) / 10 : ''}</span>
                      ) : null}
                      <span className="visually-hidden">{formatHours(hours)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={statusId} className="heatmap-status muted" aria-live="polite">
        {shown ? describe(shown) : `Hover over a cell, or focus the grid and use the arrow keys. The fullest hour holds ${formatHours(max)}.`}
      </p>
      <ul className="chart-legend" aria-label="Legend">
        <li>
          <span className="heat-scale" aria-hidden="true" />
          From nothing to {formatHours(max)} in an hour of the week
        </li>
        <li>
          <span className="heat-window" aria-hidden="true" />
          Your working window ({settings.workdayStart}–{settings.workdayEnd} on working days); every hour outside it is after-hours
        </li>
      </ul>
    </div>
  );
}
