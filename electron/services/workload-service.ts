import type { WorkloadWeekView } from '../../shared/api/views';
import { capacityHours, weekDays } from '../../shared/domain/capacity';
import { addDays, daysBetween, startOfWeek, type LocalDay } from '../../shared/domain/day';
import type { Settings } from '../../shared/domain/settings';
import type { SqliteDatabase } from '../db/connection';
import { listCategories } from '../repositories/categories';
import { timeOffBetween } from '../repositories/time-off';
import { weeklyCategoryTotals } from '../repositories/workload';

const HOUR = 3_600_000;

/**
 * Her hours, capacity, overtime, after-hours, unplanned and strategic hours, and per category her
 * and the MSP's hours, for every week (by her week start) that holds a day of [from, to]. Summed in
 * SQL from the daily rollup; capacity from her settings and time off; overtime = max(0, her hours −
 * weekly capacity). A running timer counts nowhere.
 */
export function workloadWeeks(db: SqliteDatabase, settings: Settings, from: LocalDay, to: LocalDay): WorkloadWeekView[] {
  const firstWeek = startOfWeek(from, settings.weekStartsOn);
  const lastWeek = startOfWeek(to, settings.weekStartsOn);
  const weekCount = daysBetween(firstWeek, lastWeek) / 7 + 1;
  const strategic = new Set(listCategories(db, true).filter((category) => category.kind === 'strategic').map((category) => category.id));
  // Only the ranges that touch these weeks: her capacity on a day depends on nothing else, and all
  // her time off grows with her history.
  const timeOff = timeOffBetween(db, firstWeek, addDays(lastWeek, 6));

  const weeks: WorkloadWeekView[] = [];
  const perCategory: Map<number, { herMs: number; mspMs: number; afterHoursMs: number; unplannedMs: number }>[] = [];
  for (let index = 0; index < weekCount; index += 1) {
    const weekStart = addDays(firstWeek, 7 * index);
    const capacity = weekDays(weekStart).reduce((total, day) => total + capacityHours(settings, day, timeOff), 0);
    weeks.push({ weekStart, herHours: 0, capacityHours: capacity, overtimeHours: 0, afterHoursHours: 0, unplannedHours: 0, strategicHours: 0, mspHours: 0, categories: [] });
    perCategory.push(new Map());
  }
  for (const row of weeklyCategoryTotals(db, firstWeek, addDays(lastWeek, 6))) {
    const week = weeks[row.weekIndex];
    const categories = perCategory[row.weekIndex];
    if (!week || !categories) continue;
    const category = categories.get(row.categoryId) ?? { herMs: 0, mspMs: 0, afterHoursMs: 0, unplannedMs: 0 };
    if (row.worker === 'me') {
      week.herHours += row.ms / HOUR;
      week.afterHoursHours += row.afterHoursMs / HOUR;
      week.unplannedHours += row.unplannedMs / HOUR;
      if (strategic.has(row.categoryId)) week.strategicHours += row.ms / HOUR;
      category.herMs += row.ms;
      category.afterHoursMs += row.afterHoursMs;
      category.unplannedMs += row.unplannedMs;
    } else {
      week.mspHours += row.ms / HOUR;
      category.mspMs += row.ms;
    }
    categories.set(row.categoryId, category);
  }
  weeks.forEach((week, index) => {
    week.overtimeHours = Math.max(0, week.herHours - week.capacityHours);
    week.categories = [...perCategory[index]!]
      .sort(([a], [b]) => a - b)
      .map(([categoryId, hours]) => ({
        categoryId,
        herHours: hours.herMs / HOUR,
        mspHours: hours.mspMs / HOUR,
        herAfterHoursHours: hours.afterHoursMs / HOUR,
        herUnplannedHours: hours.unplannedMs / HOUR,
      }));
  });
  return weeks;
}
