import { addDays, dayOfWeek, daysBetween, daysInMonth, type LocalDay } from '../../shared/domain/day';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';
import { weeklyRollupWeekStart } from './weekly-rollup';

const statements = preparedFor((db) => ({
  // Her pieces of the days [:from, :to] (a part-month), from her entries that start on them or the day
  // before (a finished entry lasts at most a day), along time_entries_by_day (worker, start_day, …);
  // summed per day and hour first, so the weekday is worked out once per day and hour, not per piece.
  heatmapDays: db.prepare<[{ from: string; to: string; all: number; ids: string }], { weekday: number; hour: number; ms: number }>(
    `SELECT CAST(strftime('%w', day) AS INTEGER) AS weekday, hour, sum(ms) AS ms FROM (
       SELECT p.value ->> 0 AS day, p.value ->> 1 AS hour, sum(p.value ->> 2) AS ms
       FROM time_entries AS e, json_each(e.hour_spread) AS p
       WHERE e.worker = 'me' AND e.start_day BETWEEN date(:from, '-1 day') AND :to AND e.end_at IS NOT NULL
         AND (:all = 1 OR e.category_id IN (SELECT value FROM json_each(:ids)))
         AND p.value ->> 0 BETWEEN :from AND :to
       GROUP BY day, hour)
     GROUP BY weekday, hour`,
  ),
  // Whole months [:first_month, :last_month] from the monthly cells, grouped by one integer per cell:
  // ten years are 37,002 cells to sort, 6.2 ms on one integer key against 8.5 ms on two columns.
  heatmapMonths: db.prepare<[{ first_month: string; last_month: string; all: number; ids: string }], { cell: number; ms: number }>(
    `SELECT weekday * 24 + hour AS cell, sum(ms) AS ms FROM hour_month_rollup
     WHERE month BETWEEN :first_month AND :last_month AND (:all = 1 OR category_id IN (SELECT value FROM json_each(:ids)))
     GROUP BY cell`,
  ),
  byMonth: db.prepare<[{ from: string; to: string }], { month: string; worker: Owner; category_id: number; ms: number; after_hours_ms: number; unplanned_ms: number }>(
    `SELECT substr(day, 1, 7) AS month, worker, category_id, sum(ms) AS ms, sum(after_hours_ms) AS after_hours_ms,
       sum(unplanned_ms) AS unplanned_ms
     FROM daily_rollup WHERE day BETWEEN :from AND :to AND entries > 0 GROUP BY month, worker, category_id`,
  ),
  // Whole months from the monthly rollup, in the order the grouped days come in.
  wholeMonths: db.prepare<[{ from: string; to: string }], { month: string; worker: Owner; category_id: number; ms: number; after_hours_ms: number; unplanned_ms: number }>(
    `SELECT month, worker, category_id, ms, after_hours_ms, unplanned_ms FROM monthly_rollup
     WHERE month BETWEEN :from AND :to ORDER BY month, worker, category_id`,
  ),
  // Her days first, along the (worker, day) index, then each day's week: one julianday per day, not per row.
  herWeeks: db.prepare<[{ first_week: string; from: string; to: string }], { week_index: number; ms: number }>(
    `SELECT CAST((julianday(day) - julianday(:first_week)) / 7 AS INTEGER) AS week_index, sum(ms) AS ms FROM (
       SELECT day, sum(ms) AS ms FROM daily_rollup WHERE worker = 'me' AND day BETWEEN :from AND :to GROUP BY day)
     GROUP BY week_index`,
  ),
  // The same from the weekly rollup (primary key week, worker, category): grouped in key order, no sort.
  herWeeksFromRollup: db.prepare<[{ first_week: string; last_week: string }], { week: string; ms: number }>(
    `SELECT week, sum(ms) AS ms FROM weekly_rollup WHERE week BETWEEN :first_week AND :last_week AND worker = 'me' GROUP BY week`,
  ),
  mspCompleted: db.prepare<[{ from: number; to: number }], { category_id: number | null; completed: number }>(
    `SELECT category_id, count(*) AS completed FROM tasks
     WHERE deleted_at IS NULL AND status = 'done' AND owner = 'msp' AND completed_at >= :from AND completed_at < :to
     GROUP BY category_id`,
  ),
  mspResponses: db.prepare<[{ from: number; to: number }], { category_id: number | null; minutes: number }>(
    `SELECT category_id, (responded_at - max(created_at, coalesce(msp_since, created_at))) / 60000.0 AS minutes FROM tasks
     WHERE deleted_at IS NULL AND owner = 'msp' AND responded_at >= :from AND responded_at < :to
       AND responded_at >= max(created_at, coalesce(msp_since, created_at))`,
  ),
}));

/**
 * Her logged milliseconds by weekday (0 = Sunday) and local hour over [from, to], optionally for
 * some categories: the months [from, to] covers whole from `hour_month_rollup`, the part-months at
 * either end from her entries of those days.
 */
export function hourHeatmap(db: SqliteDatabase, from: LocalDay, to: LocalDay, categoryIds: readonly number[] | null): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const filter = { all: categoryIds === null ? 1 : 0, ids: JSON.stringify(categoryIds ?? []) };
  const { heatmapDays, heatmapMonths } = statements(db);
  const { firstWhole, lastWhole } = wholeMonthsOf(from, to);
  const rows =
    firstWhole > lastWhole
      ? heatmapDays.all({ ...filter, from, to })
      : [
          ...(from < `${firstWhole}-01` ? heatmapDays.all({ ...filter, from, to: `${previousMonth(firstWhole)}-31` }) : []),
          ...heatmapMonths.all({ ...filter, first_month: firstWhole, last_month: lastWhole }).map(({ cell, ms }) => ({ weekday: Math.floor(cell / 24), hour: cell % 24, ms })),
          ...(to > lastDayOf(lastWhole) ? heatmapDays.all({ ...filter, from: `${nextMonth(lastWhole)}-01`, to }) : []),
        ];
  for (const row of rows) grid[row.weekday]![row.hour]! += row.ms;
  return grid;
}

export interface MonthCategoryRow {
  month: string;
  worker: Owner;
  categoryId: number;
  ms: number;
  afterHoursMs: number;
  unplannedMs: number;
}

/**
 * Her and the MSP's time per calendar month and category over [from, to], by month, worker and
 * category: the months [from, to] covers whole from `monthly_rollup` (a few hundred rows for ten
 * years), the part-months at either end summed from the days.
 */
export function monthlyCategoryTotals(db: SqliteDatabase, from: LocalDay, to: LocalDay): MonthCategoryRow[] {
  const { byMonth, wholeMonths } = statements(db);
  const { firstWhole, lastWhole } = wholeMonthsOf(from, to);
  const rows =
    firstWhole > lastWhole
      ? byMonth.all({ from, to })
      : [
          ...(from < `${firstWhole}-01` ? byMonth.all({ from, to: `${previousMonth(firstWhole)}-31` }) : []),
          ...wholeMonths.all({ from: firstWhole, to: lastWhole }),
          ...(to > lastDayOf(lastWhole) ? byMonth.all({ from: `${nextMonth(lastWhole)}-01`, to }) : []),
        ];
  return rows.map((row) => ({ month: row.month, worker: row.worker, categoryId: row.category_id, ms: row.ms, afterHoursMs: row.after_hours_ms, unplannedMs: row.unplanned_ms }));
}

/** The first and last calendar months [from, to] covers whole (firstWhole > lastWhole: none). */
function wholeMonthsOf(from: LocalDay, to: LocalDay): { firstWhole: string; lastWhole: string } {
  return {
    firstWhole: from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7)),
    lastWhole: to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : previousMonth(to.slice(0, 7)),
  };
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): LocalDay {
  return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
}

/**
 * Her logged milliseconds per week from `firstWeek` (whose weeks start that weekday) through `to`, by
 * whole weeks since it: from the weekly rollup when `to` ends a week and the rollup is built for that
 * week start (520 rows for ten years, not 15,000 days), otherwise summed from the days.
 */
export function herWeeklyMs(db: SqliteDatabase, firstWeek: LocalDay, to: LocalDay): Map<number, number> {
  const span = daysBetween(firstWeek, to);
  if (span >= 0 && span % 7 === 6 && weeklyRollupWeekStart(db) === dayOfWeek(firstWeek)) {
    const rows = statements(db).herWeeksFromRollup.all({ first_week: firstWeek, last_week: addDays(to, -6) });
    return new Map(rows.map((row) => [daysBetween(firstWeek, row.week) / 7, row.ms]));
  }
  return new Map(statements(db).herWeeks.all({ first_week: firstWeek, from: firstWeek, to }).map((row) => [row.week_index, row.ms]));
}

/** The MSP's tasks completed in [from, to) (instants), per category. */
export function mspCompleted(db: SqliteDatabase, from: number, to: number): { categoryId: number | null; completed: number }[] {
  return statements(db).mspCompleted.all({ from, to }).map((row) => ({ categoryId: row.category_id, completed: row.completed }));
}

/** How long the MSP took to respond to each task it responded to in [from, to): from when it became theirs. */
export function mspResponseTimes(db: SqliteDatabase, from: number, to: number): { categoryId: number | null; minutes: number }[] {
  return statements(db).mspResponses.all({ from, to }).map((row) => ({ categoryId: row.category_id, minutes: row.minutes }));
}
