/**
 * The naive versions the issue measures the real calls against, in the same run: what each figure
 * would cost without the rollups — a raw GROUP BY over every entry, or loading entries and summing
 * them in JavaScript. They compute the same figures by the same pure rules.
 */
import type { SqliteDatabase } from '../electron/db/connection';
import { listDelegations } from '../electron/repositories/delegations';
import { daysBetween, startOfWeek, type LocalDay } from '../shared/domain/day';
import { hoursReclaimed, type DailyMinutes } from '../shared/domain/hours-reclaimed';
import type { Settings } from '../shared/domain/settings';

const lookup = (rows: [number, string, number][]): DailyMinutes => {
  const byCategory = new Map<number, Map<string, number>>();
  for (const [categoryId, day, ms] of rows) {
    let days = byCategory.get(categoryId);
    if (!days) byCategory.set(categoryId, (days = new Map<string, number>()));
    days.set(day, ms / 60_000);
  }
  return (categoryId, day) => byCategory.get(categoryId)?.get(day) ?? 0;
};

/** Hours reclaimed from a GROUP BY over her and the MSP's raw entries, through the same domain function. */
export function naiveReclaimed(db: SqliteDatabase, settings: Settings, today: LocalDay) {
  const perDay = db.prepare<[string], [number, string, number]>(
    `SELECT category_id, start_day, sum(end_at - start_at) FROM time_entries
     WHERE worker = ? AND end_at IS NOT NULL GROUP BY category_id, start_day`,
  ).raw(true);
  const first = db.prepare<[], { day: string | null }>("SELECT min(start_day) AS day FROM time_entries WHERE worker = 'me'").get();
  return hoursReclaimed({
    delegations: listDelegations(db),
    settings,
    today,
    firstEntryDay: first?.day ?? null,
    herMinutes: lookup(perDay.all('me')),
    mspMinutes: lookup(perDay.all('msp')),
  });
}

/** The weekly workload (per week, worker and category: ms, after-hours) by loading each entry and summing in JS. */
export function naiveWeeklyWorkload(db: SqliteDatabase, settings: Settings, from: LocalDay, to: LocalDay) {
  const firstWeek = startOfWeek(from, settings.weekStartsOn);
  const rows = db
    .prepare<[string, string], [string, number, string, number, number]>(
      `SELECT worker, category_id, start_day, end_at - start_at, after_hours_ms FROM time_entries
       WHERE start_day BETWEEN ? AND ? AND end_at IS NOT NULL`,
    )
    .raw(true)
    .all(firstWeek, to);
  const weeks = new Map<string, { ms: number; afterHoursMs: number }>();
  const weekOfDay = new Map<string, number>();
  for (const [worker, categoryId, day, ms, afterHoursMs] of rows) {
    let week = weekOfDay.get(day);
    if (week === undefined) weekOfDay.set(day, (week = Math.floor(daysBetween(firstWeek, day) / 7)));
    const key = `${week}|${worker}|${categoryId}`;
    const sum = weeks.get(key) ?? { ms: 0, afterHoursMs: 0 };
    sum.ms += ms;
    sum.afterHoursMs += afterHoursMs;
    weeks.set(key, sum);
  }
  return weeks;
}
