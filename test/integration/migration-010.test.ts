import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { hourHeatmap, monthlyCategoryTotals } from '../../electron/repositories/insights';
import { insertImportedTimeEntry, minutesByMonth, writeEntriesInBulk } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { databaseWithUnplannedTask, entriesAcrossMonths, hourCellsFromPieces } from '../support/rollup-fixtures';
import { databaseAtVersion, rawEntryWriter } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ZONE = 'America/Chicago';

/** What the monthly charts summed before the monthly rollup: the days with entries, grouped by month. */
const GROUPED_DAYS = `SELECT substr(day, 1, 7) AS month, worker, category_id, count(*) AS days, sum(ms) AS ms,
    sum(after_hours_ms) AS after_hours_ms, sum(unplanned_ms) AS unplanned_ms
  FROM daily_rollup WHERE entries > 0 GROUP BY month, worker, category_id ORDER BY month, worker, category_id`;
const monthly = (db: SqliteDatabase) => db.prepare('SELECT * FROM monthly_rollup ORDER BY month, worker, category_id').all();
const grouped = (db: SqliteDatabase) => db.prepare(GROUPED_DAYS).all();
const hourMonths = (db: SqliteDatabase) => db.prepare('SELECT * FROM hour_month_rollup ORDER BY month, category_id, weekday, hour').all();

describe('migration 010: the monthly rollup', () => {
  it('is filled from the days already rolled up, in a database migrated from version 9', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 9);
    const insert = rawEntryWriter(old);
    insert('me', 0, HOUR, '2026-01-31');
    insert('me', HOUR, 3 * HOUR, '2026-01-02');
    insert('msp', 0, HOUR, '2026-02-01');
    // A day whose only entry was deleted keeps a row with no entries: no month for it.
    insert('me', 0, HOUR, '2026-03-05');
    old.prepare("DELETE FROM time_entries WHERE start_day = '2026-03-05'").run();
    old.close();
    const db = openDatabase(file);
    expect(monthly(db)).toStrictEqual([
      { month: '2026-01', worker: 'me', category_id: 2, days: 2, ms: 3 * HOUR, after_hours_ms: 0, unplanned_ms: 0 },
      { month: '2026-02', worker: 'msp', category_id: 2, days: 1, ms: HOUR, after_hours_ms: 0, unplanned_ms: 0 },
    ]);
    db.close();
  });

  it('follows every write of the days: entries logged, imported in bulk, moved, re-categorised, made unplanned and deleted', () => {
    const { db, taskId } = databaseWithUnplannedTask();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const entry of entriesAcrossMonths(taskId, 'one').slice(0, 30)) insertImportedTimeEntry(db, entry, calendar, 1);
    db.transaction(() => writeEntriesInBulk(db, () => entriesAcrossMonths(taskId, 'bulk').filter((entry) => insertImportedTimeEntry(db, entry, calendar, 2)).length))();
    expect(monthly(db)).toStrictEqual(grouped(db));
    expect(monthly(db).length).toBeGreaterThan(12);
    expect(hourMonths(db)).toStrictEqual(hourCellsFromPieces(db));
    expect(hourMonths(db).length).toBeGreaterThan(40);

    db.prepare("UPDATE time_entries SET category_id = 3 WHERE id % 4 = 0").run();
    db.prepare("UPDATE time_entries SET start_day = '2026-12-01' WHERE id % 9 = 0").run();
    db.prepare('UPDATE time_entries SET end_at = end_at + 600000 WHERE id % 5 = 0').run();
    db.prepare('UPDATE tasks SET unplanned = 0').run();
    expect(monthly(db)).toStrictEqual(grouped(db));
    expect(hourMonths(db)).toStrictEqual(hourCellsFromPieces(db));

    db.prepare("DELETE FROM time_entries WHERE worker = 'msp' OR id % 2 = 0").run();
    expect(monthly(db)).toStrictEqual(grouped(db));
    expect(hourMonths(db)).toStrictEqual(hourCellsFromPieces(db));
    db.prepare('DELETE FROM time_entries').run();
    expect(monthly(db)).toStrictEqual([]);
    expect(hourMonths(db)).toStrictEqual([]);
    db.close();
  });

  it('gives the charts the same months as summing the days, for ranges that begin and end mid-month', () => {
    const { db, taskId } = databaseWithUnplannedTask();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const entry of entriesAcrossMonths(taskId, 'one')) insertImportedTimeEntry(db, entry, calendar, 1);
    const days = db.prepare<[{ from: string; to: string }]>(
      `SELECT substr(day, 1, 7) AS month, worker, category_id AS categoryId, sum(ms) AS ms, sum(after_hours_ms) AS afterHoursMs, sum(unplanned_ms) AS unplannedMs
       FROM daily_rollup WHERE day BETWEEN :from AND :to AND entries > 0 GROUP BY month, worker, category_id ORDER BY month, worker, category_id`,
    );
    const ranges: [string, string][] = [
      ['2026-09-01', '2026-12-31'],
      ['2026-09-29', '2026-12-02'],
      ['2026-10-01', '2026-11-30'],
      ['2026-10-15', '2026-10-20'],
      ['2026-10-15', '2026-11-30'],
      ['2026-10-01', '2026-11-15'],
      ['2026-10-31', '2026-11-01'],
      ['2025-01-01', '2027-06-30'],
    ];
    for (const [from, to] of ranges) expect(monthlyCategoryTotals(db, from, to), `${from}…${to}`).toStrictEqual(days.all({ from, to }));
    // The heatmap, from every piece of her entries that falls on a day of the range.
    const hourDays = db.prepare<[{ from: string; to: string; all: number; ids: string }], { weekday: number; hour: number; ms: number }>(
      `SELECT CAST(strftime('%w', p.value ->> 0) AS INTEGER) AS weekday, p.value ->> 1 AS hour, sum(p.value ->> 2) AS ms
       FROM time_entries AS e, json_each(e.hour_spread) AS p
       WHERE e.worker = 'me' AND e.end_at IS NOT NULL AND p.value ->> 0 BETWEEN :from AND :to
         AND (:all = 1 OR e.category_id IN (SELECT value FROM json_each(:ids))) GROUP BY weekday, hour HAVING sum(p.value ->> 2) > 0`,
    );
    for (const [from, to] of ranges) {
      for (const categoryIds of [null, [2, 3]]) {
        const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
        for (const row of hourDays.all({ from, to, all: categoryIds === null ? 1 : 0, ids: JSON.stringify(categoryIds ?? []) })) grid[row.weekday]![row.hour] = row.ms;
        expect(hourHeatmap(db, from, to, categoryIds), `${from}…${to} ${String(categoryIds)}`).toStrictEqual(grid);
      }
    }
    expect(hourHeatmap(db, '2026-09-01', '2026-12-31', null).flat().filter((ms) => ms > 0).length).toBeGreaterThan(20);
    // The MSP's minutes by month for the cost table: whole months from the rollup, the same minutes.
    const byDays = db.prepare<[string, string, string], { month: string; ms: number }>(
      'SELECT substr(day, 1, 7) AS month, sum(ms) AS ms FROM daily_rollup WHERE worker = ? AND day BETWEEN ? AND ? GROUP BY month HAVING sum(entries) > 0',
    );
    for (const worker of ['me', 'msp'] as const) {
      const expected = new Map(byDays.all(worker, '2026-09-01', '2026-12-31').map((row) => [row.month, row.ms / MINUTE]));
      expect(minutesByMonth(db, worker, '2026-09-01', '2026-12-31')).toStrictEqual(expected);
      expect(expected.size).toBe(4);
    }
    db.close();
  });
});
