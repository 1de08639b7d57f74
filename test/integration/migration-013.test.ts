import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { keepWeeklyRollupCurrent, weeklyRollupWeekStart } from '../../electron/repositories/weekly-rollup';
import { weeklyCategoryTotals, weeklyCategoryTotalsFromDays } from '../../electron/repositories/workload';
import { insertImportedTimeEntry, writeEntriesInBulk } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { databaseWithUnplannedTask, entriesAcrossMonths } from '../support/rollup-fixtures';
import { databaseAtVersion, rawEntryWriter } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;
const ZONE = 'America/Chicago';

/** What the weekly rollup must hold: the days with entries, grouped by the week (starting on `weekStartsOn`) that holds them. */
const groupedDays = (db: SqliteDatabase, weekStartsOn: number) =>
  db
    .prepare(
      `SELECT date(day, '-6 days', 'weekday ${weekStartsOn}') AS week, worker, category_id, sum(entries) AS entries, sum(ms) AS ms,
         sum(after_hours_ms) AS after_hours_ms, sum(unplanned_ms) AS unplanned_ms
       FROM daily_rollup WHERE entries > 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
const weekly = (db: SqliteDatabase) => db.prepare('SELECT * FROM weekly_rollup ORDER BY week, worker, category_id').all();

describe('migration 013: the weekly rollup', () => {
  it('is filled with Monday weeks from the days already rolled up, in a database migrated from version 12', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 12);
    const insert = rawEntryWriter(old);
    // Sunday 2026-11-15 belongs to the week of Monday 2026-11-09; Monday 2026-11-16 starts the next.
    insert('me', 0, HOUR, '2026-11-15');
    insert('me', HOUR, 3 * HOUR, '2026-11-16');
    insert('me', 0, HOUR, '2026-11-22');
    insert('msp', 0, HOUR, '2026-11-16');
    // A day whose only entry was deleted keeps a row with no entries: no week for it.
    insert('me', 0, HOUR, '2026-03-05');
    old.prepare("DELETE FROM time_entries WHERE start_day = '2026-03-05'").run();
    old.close();
    const db = openDatabase(file);
    expect(weeklyRollupWeekStart(db)).toBe(1);
    expect(weekly(db)).toStrictEqual([
      { week: '2026-11-09', worker: 'me', category_id: 2, entries: 1, ms: HOUR, after_hours_ms: 0, unplanned_ms: 0 },
      { week: '2026-11-16', worker: 'me', category_id: 2, entries: 2, ms: 3 * HOUR, after_hours_ms: 0, unplanned_ms: 0 },
      { week: '2026-11-16', worker: 'msp', category_id: 2, entries: 1, ms: HOUR, after_hours_ms: 0, unplanned_ms: 0 },
    ]);
    db.close();
  });

  it('follows every write of the days: entries logged, imported in bulk, moved, re-categorised, made unplanned and deleted', () => {
    const { db, taskId } = databaseWithUnplannedTask();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const entry of entriesAcrossMonths(taskId, 'one').slice(0, 30)) insertImportedTimeEntry(db, entry, calendar, 1);
    db.transaction(() => writeEntriesInBulk(db, () => entriesAcrossMonths(taskId, 'bulk').filter((entry) => insertImportedTimeEntry(db, entry, calendar, 2)).length))();
    expect(weekly(db)).toStrictEqual(groupedDays(db, 1));
    expect(weekly(db).length).toBeGreaterThan(20);

    db.prepare('UPDATE time_entries SET category_id = 3 WHERE id % 4 = 0').run();
    db.prepare("UPDATE time_entries SET start_day = '2026-12-01' WHERE id % 9 = 0").run();
    db.prepare('UPDATE time_entries SET end_at = end_at + 600000 WHERE id % 5 = 0').run();
    db.prepare('UPDATE tasks SET unplanned = 0').run();
    expect(weekly(db)).toStrictEqual(groupedDays(db, 1));

    db.prepare("DELETE FROM time_entries WHERE worker = 'msp' OR id % 2 = 0").run();
    expect(weekly(db)).toStrictEqual(groupedDays(db, 1));
    db.prepare('DELETE FROM time_entries').run();
    expect(weekly(db)).toStrictEqual([]);
    db.close();
  });

  it('is rebuilt for another week start, and keeps following writes in those weeks', () => {
    const { db, taskId } = databaseWithUnplannedTask();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const entry of entriesAcrossMonths(taskId, 'one').slice(0, 30)) insertImportedTimeEntry(db, entry, calendar, 1);
    expect(keepWeeklyRollupCurrent(db, 1)).toBe(false);
    expect(keepWeeklyRollupCurrent(db, 0)).toBe(true);
    expect(weeklyRollupWeekStart(db)).toBe(0);
    expect(weekly(db)).toStrictEqual(groupedDays(db, 0));
    // Every week is named by a Sunday now.
    expect(new Set(weekly(db).map((row) => new Date(`${(row as { week: string }).week}T00:00:00Z`).getUTCDay()))).toStrictEqual(new Set([0]));

    for (const entry of entriesAcrossMonths(taskId, 'two').slice(30)) insertImportedTimeEntry(db, entry, calendar, 2);
    db.prepare("UPDATE time_entries SET start_day = '2026-10-04' WHERE id % 6 = 0").run();
    expect(weekly(db)).toStrictEqual(groupedDays(db, 0));
    db.close();
  });

  it('gives the workload the same weeks as summing the days, and the days answer for a week start it was not built for', () => {
    const { db, taskId } = databaseWithUnplannedTask();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const entry of entriesAcrossMonths(taskId, 'one')) insertImportedTimeEntry(db, entry, calendar, 1);
    const sorted = (rows: ReturnType<typeof weeklyCategoryTotals>) =>
      [...rows].sort((a, b) => a.weekIndex - b.weekIndex || a.worker.localeCompare(b.worker) || a.categoryId - b.categoryId);
    const ranges: [string, string][] = [
      ['2026-09-28', '2026-11-29'],
      ['2026-10-05', '2026-10-11'],
      ['2026-10-12', '2026-12-06'],
      ['2025-12-29', '2027-01-03'],
    ];
    for (const [firstWeek, to] of ranges) {
      const fromWeeks = sorted(weeklyCategoryTotals(db, firstWeek, to));
      expect(fromWeeks, `${firstWeek}…${to}`).toStrictEqual(sorted(weeklyCategoryTotalsFromDays(db, firstWeek, to)));
    }
    expect(weeklyCategoryTotals(db, '2026-09-28', '2026-11-29').length).toBeGreaterThan(20);
    // Sunday weeks while the rollup holds Monday weeks: summed from the days, so still right.
    const sundays = sorted(weeklyCategoryTotals(db, '2026-09-27', '2026-11-28'));
    expect(sundays).toStrictEqual(sorted(weeklyCategoryTotalsFromDays(db, '2026-09-27', '2026-11-28')));
    expect(sundays.length).toBeGreaterThan(20);
    db.close();
  });
});
