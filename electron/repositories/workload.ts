import { addDays, dayOfWeek, daysBetween, type LocalDay } from '../../shared/domain/day';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';
import { weeklyRollupWeekStart } from './weekly-rollup';

/** Logged time per worker, category and week, summed in SQL from the daily rollup. */
export interface WeekCategoryRow {
  /** Whole weeks since the first week asked for. */
  weekIndex: number;
  worker: Owner;
  categoryId: number;
  ms: number;
  afterHoursMs: number;
  unplannedMs: number;
}

const statements = preparedFor((db) => ({
  byWeek: db.prepare<[{ first_week: string; from: string; to: string }], { week_index: number; worker: Owner; category_id: number; ms: number; after_hours_ms: number; unplanned_ms: number }>(
    `SELECT CAST((julianday(day) - julianday(:first_week)) / 7 AS INTEGER) AS week_index, worker, category_id,
       sum(ms) AS ms, sum(after_hours_ms) AS after_hours_ms, sum(unplanned_ms) AS unplanned_ms
     FROM daily_rollup WHERE day BETWEEN :from AND :to AND entries > 0
     GROUP BY week_index, worker, category_id`,
  ),
  // The weekly rollup, when it is built for the week start asked for: about 950 rows for a year.
  fromWeeks: db.prepare<[{ first_week: string; last_week: string }], { week: string; worker: Owner; category_id: number; ms: number; after_hours_ms: number; unplanned_ms: number }>(
    `SELECT week, worker, category_id, ms, after_hours_ms, unplanned_ms FROM weekly_rollup WHERE week BETWEEN :first_week AND :last_week`,
  ),
  byDay: db.prepare<[{ worker: Owner; from: string; to: string }], { day: string; ms: number; unplanned_ms: number }>(
    `SELECT day, sum(ms) AS ms, sum(unplanned_ms) AS unplanned_ms FROM daily_rollup
     WHERE worker = :worker AND day BETWEEN :from AND :to AND entries > 0 GROUP BY day`,
  ),
  byDayAndCategory: db.prepare<[{ worker: Owner; from: string; to: string }], { day: string; category_id: number; ms: number }>(
    `SELECT day, category_id, ms FROM daily_rollup WHERE worker = :worker AND day BETWEEN :from AND :to AND entries > 0`,
  ),
}));

/**
 * Her and the MSP's time per category for each week from `firstWeek` (a week start, on the weekday
 * her weeks start) through the week that holds `to`: read from the weekly rollup when it is built
 * for that week start, otherwise summed from the days.
 */
export function weeklyCategoryTotals(db: SqliteDatabase, firstWeek: LocalDay, to: LocalDay): WeekCategoryRow[] {
  const lastDay = addDays(firstWeek, Math.floor(daysBetween(firstWeek, to) / 7) * 7 + 6);
  if (weeklyRollupWeekStart(db) !== dayOfWeek(firstWeek)) return weeklyCategoryTotalsFromDays(db, firstWeek, lastDay);
  return statements(db)
    .fromWeeks.all({ first_week: firstWeek, last_week: addDays(lastDay, -6) })
    .map((row) => ({
      weekIndex: daysBetween(firstWeek, row.week) / 7,
      worker: row.worker,
      categoryId: row.category_id,
      ms: row.ms,
      afterHoursMs: row.after_hours_ms,
      unplannedMs: row.unplanned_ms,
    }));
}

/** The same, summed from the daily rollup (while the weekly one is built for another week start). */
export function weeklyCategoryTotalsFromDays(db: SqliteDatabase, firstWeek: LocalDay, to: LocalDay): WeekCategoryRow[] {
  return statements(db)
    .byWeek.all({ first_week: firstWeek, from: firstWeek, to })
    .map((row) => ({
      weekIndex: row.week_index,
      worker: row.worker,
      categoryId: row.category_id,
      ms: row.ms,
      afterHoursMs: row.after_hours_ms,
      unplannedMs: row.unplanned_ms,
    }));
}

/** Logged and unplanned minutes per local day, for one worker. */
export function dailyMinutes(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): Map<LocalDay, { minutes: number; unplannedMinutes: number }> {
  return new Map(
    statements(db)
      .byDay.all({ worker, from, to })
      .map((row) => [row.day, { minutes: row.ms / 60_000, unplannedMinutes: row.unplanned_ms / 60_000 }]),
  );
}

/** Logged minutes per local day and category, for one worker. */
export function dailyCategoryMinutes(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): { day: LocalDay; categoryId: number; minutes: number }[] {
  return statements(db)
    .byDayAndCategory.all({ worker, from, to })
    .map((row) => ({ day: row.day, categoryId: row.category_id, minutes: row.ms / 60_000 }));
}
