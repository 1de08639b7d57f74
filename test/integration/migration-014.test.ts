import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { hourHeatmap } from '../../electron/repositories/insights';
import { insertImportedTimeEntries, insertImportedTimeEntry, writeEntriesInBulk, type ImportedEntryRow } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { instantAt } from '../../shared/domain/zoned-time';
import { hourCellsFromPieces } from '../support/rollup-fixtures';
import { databaseAtVersion, rawEntryWriter } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ZONE = 'America/Chicago';

const cells = (db: SqliteDatabase) => db.prepare('SELECT * FROM hour_month_rollup ORDER BY month, category_id, weekday, hour').all();
const entry = (startAt: number, endAt: number, index: number, categoryId = 2): ImportedEntryRow => ({
  worker: index % 4 === 3 ? 'msp' : 'me',
  technicianId: null,
  categoryId,
  taskId: null,
  startAt,
  endAt,
  note: '',
  unplanned: false,
  source: 'toggl',
  sourceKey: `key-${index}-${startAt}`,
});

/** Every 13 hours for two months, 25 minutes to 5 hours long: many cross midnight and month ends. */
function entries(prefix: number): ImportedEntryRow[] {
  const base = Date.parse('2026-09-20T03:00:00Z') + prefix * 7 * MINUTE;
  return Array.from({ length: 110 }, (_, index) => entry(base + index * 13 * HOUR, base + index * 13 * HOUR + (25 + ((index * 37) % 275)) * MINUTE, index, (index % 3) + 1));
}

describe('migration 014: the heatmap keeps monthly cells only', () => {
  it('drops the day cells and keeps the monthly ones as they were, in a database migrated from version 13', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 13);
    // Thursday 1970-01-01, 00:00–02:00.
    rawEntryWriter(old)('me', 0, 2 * HOUR, '1970-01-01', [['1970-01-01', 0, HOUR], ['1970-01-01', 1, HOUR]]);
    const before = cells(old);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT count(*) AS tables FROM sqlite_schema WHERE name = 'hour_rollup'").get()).toStrictEqual({ tables: 0 });
    expect(cells(db)).toStrictEqual(before);
    expect(before).toStrictEqual([
      { month: '1970-01', category_id: 2, weekday: 4, hour: 0, ms: HOUR },
      { month: '1970-01', category_id: 2, weekday: 4, hour: 1, ms: HOUR },
    ]);
    db.close();
  });

  it('follows every write of her entries: logged, imported in bulk, moved, re-categorised, shortened and deleted; a cell back at 0 is removed', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    for (const row of entries(0)) insertImportedTimeEntry(db, row, calendar, 1);
    db.transaction(() => writeEntriesInBulk(db, () => entries(1).filter((row) => insertImportedTimeEntry(db, row, calendar, 2)).length))();
    expect(cells(db)).toStrictEqual(hourCellsFromPieces(db));
    expect(cells(db).length).toBeGreaterThan(100);

    db.prepare('UPDATE time_entries SET category_id = 3 WHERE id % 4 = 0').run();
    db.prepare("UPDATE time_entries SET worker = 'msp' WHERE id % 9 = 0").run();
    const shorter = db.prepare<[string, number]>('UPDATE time_entries SET end_at = start_at + 600000, hour_spread = ? WHERE id = ?');
    for (const row of db.prepare<[], { id: number; start_at: number }>("SELECT id, start_at FROM time_entries WHERE worker = 'me' AND id % 5 = 0").all()) {
      shorter.run(calendar.hourSpread({ worker: 'me', startAt: row.start_at, endAt: row.start_at + 600_000 }), row.id);
    }
    expect(cells(db)).toStrictEqual(hourCellsFromPieces(db));

    db.prepare('DELETE FROM time_entries WHERE id % 2 = 0').run();
    expect(cells(db)).toStrictEqual(hourCellsFromPieces(db));
    expect(cells(db).some((cell) => (cell as { ms: number }).ms === 0)).toBe(false);
    db.prepare('DELETE FROM time_entries').run();
    expect(cells(db)).toStrictEqual([]);
    db.close();
  });

  it('sums an import’s pieces into the same cells whatever the category’s id, small or past 4,095', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    db.prepare("INSERT INTO categories (id, name, color, kind, created_at, updated_at) VALUES (5000, 'Phones', '#112233', 'operational', 1, 1)").run();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    const rows = [...entries(0), ...entries(1)].map((row, index) => ({ ...row, categoryId: index % 2 === 0 ? 5000 : row.categoryId, sourceKey: `k-${index}` }));
    db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntries(db, rows, calendar, 2)))();
    expect(cells(db)).toStrictEqual(hourCellsFromPieces(db));
    expect(cells(db).filter((cell) => (cell as { category_id: number }).category_id === 5000).length).toBeGreaterThan(50);
    db.close();
  });

  it('counts the hours after midnight of an entry begun the day before a part-month range, on the range’s first day', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    // Wednesday Oct 14, 23:00 to Thursday Oct 15, 02:00 in Chicago.
    insertImportedTimeEntry(db, entry(instantAt('2026-10-14', '23:00', ZONE), instantAt('2026-10-15', '02:00', ZONE), 0), calendar, 1);
    const thursday = hourHeatmap(db, '2026-10-15', '2026-10-20', null);
    expect(thursday[4]!.slice(0, 3)).toStrictEqual([HOUR, HOUR, 0]);
    expect(thursday[3]![23]).toBe(0);
    const wednesday = hourHeatmap(db, '2026-10-01', '2026-10-14', null);
    expect(wednesday[3]![23]).toBe(HOUR);
    expect(wednesday[4]!.slice(0, 2)).toStrictEqual([0, 0]);
    // Ranges of whole months read the monthly cells: the same three hours.
    const october = hourHeatmap(db, '2026-10-01', '2026-10-31', null);
    expect([october[3]![23], october[4]![0], october[4]![1]]).toStrictEqual([HOUR, HOUR, HOUR]);
    // The head of a range that ends in a whole month: the 15th's hours only, then all of November.
    const headAndMonth = hourHeatmap(db, '2026-10-15', '2026-11-30', [2]);
    expect(headAndMonth.flat().reduce((total, ms) => total + ms, 0)).toBe(2 * HOUR);
    expect(hourHeatmap(db, '2026-10-15', '2026-11-30', [3]).flat().every((ms) => ms === 0)).toBe(true);
    db.close();
  });
});
