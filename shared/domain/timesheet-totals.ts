import type { Owner } from './types';

/** What categoryTotals reads of a timesheet row (see shared/api/contract-timesheet.ts). */
export interface CategoryRow {
  worker: Owner;
  categoryId: number;
  minutesByDay: readonly number[];
  minutes: number;
}

export interface CategoryTotal {
  categoryId: number;
  minutesByDay: number[];
  herMinutes: number;
  mspMinutes: number;
  minutes: number;
}

/**
 * A week's rows (one per worker, technician, category and task) added up by category, most hours
 * first, then by category id; categories with no finished minutes are left out.
 */
export function categoryTotals(rows: readonly CategoryRow[]): CategoryTotal[] {
  const byCategory = new Map<number, CategoryTotal>();
  for (const row of rows) {
    let total = byCategory.get(row.categoryId);
    if (!total) {
      total = { categoryId: row.categoryId, minutesByDay: row.minutesByDay.map(() => 0), herMinutes: 0, mspMinutes: 0, minutes: 0 };
      byCategory.set(row.categoryId, total);
    }
    row.minutesByDay.forEach((minutes, index) => (total.minutesByDay[index] = (total.minutesByDay[index] ?? 0) + minutes));
    if (row.worker === 'me') total.herMinutes += row.minutes;
    else total.mspMinutes += row.minutes;
    total.minutes += row.minutes;
  }
  return [...byCategory.values()].filter((total) => total.minutes > 0).sort((a, b) => b.minutes - a.minutes || a.categoryId - b.categoryId);
}
