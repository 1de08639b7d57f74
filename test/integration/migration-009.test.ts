import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { IMPORT_BATCH_ROWS, insertImportedTimeEntries, insertImportedTimeEntry, writeEntriesInBulk, type ImportedEntryRow } from '../../electron/repositories/time-entries';
import { keepWeeklyRollupCurrent } from '../../electron/repositories/weekly-rollup';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { databaseAtVersion, rawEntryWriter } from '../support/old-schema';
import { entriesAcrossMonths, entriesEvery } from '../support/rollup-fixtures';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ZONE = 'America/Chicago';

const rollups = (db: SqliteDatabase) => ({
  daily: db.prepare('SELECT * FROM daily_rollup ORDER BY worker, category_id, day').all(),
  weekly: db.prepare('SELECT * FROM weekly_rollup ORDER BY week, worker, category_id').all(),
  monthly: db.prepare('SELECT * FROM monthly_rollup ORDER BY month, worker, category_id').all(),
  hours: db.prepare('SELECT * FROM hour_month_rollup ORDER BY month, category_id, weekday, hour').all(),
});

/** Entries of hers and the MSP's, on days that already have rollup rows and new ones, some unplanned, one on an unplanned task, one across midnight. */
const entries = (taskId: number) => entriesEvery(taskId, { from: '2026-11-16T14:00:00Z', count: 40, everyHours: 5, prefix: 'key' });

/** Every trigger with its SQL, by name. */
const triggers = (db: SqliteDatabase) => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();

function database(): { db: SqliteDatabase; taskId: number } {
  const db = openDatabase(path.join(tempDir(), 'offload.db'));
  const taskId = Number(db.prepare("INSERT INTO tasks (title, unplanned, created_at, updated_at) VALUES ('Server down', 1, 1, 1)").run().lastInsertRowid);
  // Entries already logged, so the folds add to rows that exist.
  const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
  for (const entry of entries(taskId).slice(0, 5)) insertImportedTimeEntry(db, { ...entry, sourceKey: `old-${entry.sourceKey}` }, calendar, 1);
  return { db, taskId };
}

describe('migration 009: imports fold their entries into the rollups at once', () => {
  it('gives exactly the rollups the per-entry triggers give', () => {
    const one = database();
    const each = entryCalendar(one.db, DEFAULT_SETTINGS, ZONE);
    one.db.transaction(() => {
      for (const entry of entries(one.taskId)) insertImportedTimeEntry(one.db, entry, each, 2);
    })();
    const bulk = database();
    const calendar = entryCalendar(bulk.db, DEFAULT_SETTINGS, ZONE);
    const added = bulk.db.transaction(() =>
      writeEntriesInBulk(bulk.db, () => entries(bulk.taskId).filter((entry) => insertImportedTimeEntry(bulk.db, entry, calendar, 2)).length),
    )();
    expect(added).toBe(40);
    expect(rollups(bulk.db)).toStrictEqual(rollups(one.db));
    expect(rollups(bulk.db).hours.length).toBeGreaterThan(20);
    expect(rollups(bulk.db).weekly.length).toBeGreaterThan(4);
    expect(bulk.db.prepare('SELECT count(*) AS rows FROM bulk_entry_writes').get()).toStrictEqual({ rows: 0 });
  });

  it('gives the triggers’ rollups for any entries: hers and the MSP’s, any category id, unplanned or on an unplanned task, across midnights, months and years', () => {
    type Generated = { mine: boolean; category: number; onTask: boolean; unplanned: boolean; startAt: number; minutes: number };
    const entry: fc.Arbitrary<Generated> = fc.record({
      mine: fc.boolean(),
      category: fc.constantFrom(1, 2, 3, 5000, 2 ** 40),
      onTask: fc.boolean(),
      unplanned: fc.boolean(),
      // From 2025 to 2027 in her zone, up to a whole day long: across DST changes, midnights, months, years.
      startAt: fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
      minutes: fc.integer({ min: 1, max: 24 * 60 }),
    });
    const written = (rows: readonly Generated[], bulk: boolean) => {
      const { db, taskId } = database();
      db.prepare("INSERT INTO categories (id, name, color, kind, created_at, updated_at) VALUES (5000, 'Phones', '#112233', 'operational', 1, 1), (?, 'Printers', '#445566', 'operational', 1, 1)").run(2 ** 40);
      const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
      const imported: ImportedEntryRow[] = rows.map((row, index) => ({
        worker: row.mine ? 'me' : 'msp',
        technicianId: null,
        categoryId: row.category,
        taskId: row.onTask ? taskId : null,
        startAt: row.startAt,
        endAt: row.startAt + row.minutes * MINUTE,
        note: '',
        unplanned: row.unplanned,
        source: 'toggl',
        sourceKey: `p-${index}`,
      }));
      db.transaction(() => {
        if (bulk) writeEntriesInBulk(db, () => insertImportedTimeEntries(db, imported, calendar, 2));
        else for (const row of imported) insertImportedTimeEntry(db, row, calendar, 2);
      })();
      const result = rollups(db);
      db.close();
      return result;
    };
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 60 }), (rows) => {
        expect(written(rows, true)).toStrictEqual(written(rows, false));
      }),
      // Each case writes two new databases (about 50 ms): a failure is reported as found, not shrunk for minutes.
      { numRuns: 40, seed: 9, endOnFailure: true },
    );
  });

  it('adds up new entries that share an hour, in full batches and the rest one by one, as the triggers do', () => {
    // Entries of ten minutes back to back in two categories: six pieces to most hour cells, two
    // full batches and 50 left over.
    const base = Date.parse('2026-11-10T13:05:00Z');
    const total = 2 * IMPORT_BATCH_ROWS + 50;
    const shared: ImportedEntryRow[] = Array.from({ length: total }, (_, index) => ({
      worker: 'me' as const,
      technicianId: null,
      categoryId: index % 2 === 0 ? 2 : 3,
      taskId: null,
      startAt: base + index * 10 * MINUTE,
      endAt: base + (index + 1) * 10 * MINUTE,
      note: '',
      unplanned: false,
      source: 'toggl',
      sourceKey: `shared-${index}`,
    }));
    const one = database();
    const each = entryCalendar(one.db, DEFAULT_SETTINGS, ZONE);
    one.db.transaction(() => {
      for (const entry of shared) insertImportedTimeEntry(one.db, entry, each, 2);
    })();
    const bulk = database();
    const calendar = entryCalendar(bulk.db, DEFAULT_SETTINGS, ZONE);
    const checkedAt: number[] = [];
    const added = bulk.db.transaction(() =>
      writeEntriesInBulk(bulk.db, () => insertImportedTimeEntries(bulk.db, shared, calendar, 2, { every: IMPORT_BATCH_ROWS, run: (done) => checkedAt.push(done) })),
    )();
    expect(added).toBe(total);
    expect(checkedAt).toStrictEqual([0, IMPORT_BATCH_ROWS, 2 * IMPORT_BATCH_ROWS]);
    expect(rollups(bulk.db)).toStrictEqual(rollups(one.db));
    const cells = bulk.db.prepare<[], { ms: number }>("SELECT ms FROM hour_month_rollup WHERE month = '2026-11' AND weekday = 2 AND hour = 10 AND category_id = 2").get();
    // Tuesdays 10:00–11:00 in Chicago (the first entry starts 07:05 there, category 2, and every other one
    // after it, for 175 hours): 10:05, 10:25 and 10:45 on Nov 10 and again on Nov 17, ten minutes each.
    expect(cells).toStrictEqual({ ms: 60 * MINUTE });
    expect(bulk.db.prepare('SELECT count(*) AS rows FROM time_entries WHERE id > 5').get()).toStrictEqual({ rows: total });
    expect(bulk.db.prepare('SELECT min(start_at) = ? AS ordered FROM time_entries WHERE id = 6').get(base)).toStrictEqual({ ordered: 1 });
  });

  it('adds the days to the weeks her weekly rollup is built for and to the months, counting again a day whose entries had all gone, as the triggers do', () => {
    // Sixty entries one every 29 hours from 28 September: across three months' ends and ten weeks'.
    const setUp = () => {
      const { db, taskId } = database();
      expect(keepWeeklyRollupCurrent(db, 0)).toBe(true);
      const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
      // A day row left at no entries (its one entry deleted), and one still counted, among the days the import adds to.
      for (const entry of entriesAcrossMonths(taskId, 'earlier').slice(20, 22)) insertImportedTimeEntry(db, entry, calendar, 1);
      db.prepare("DELETE FROM time_entries WHERE source_key = 'earlier-20'").run();
      return { db, taskId, calendar };
    };
    const one = setUp();
    one.db.transaction(() => {
      for (const entry of entriesAcrossMonths(one.taskId, 'key')) insertImportedTimeEntry(one.db, entry, one.calendar, 2);
    })();
    const bulk = setUp();
    expect(bulk.db.prepare('SELECT count(*) AS rows FROM daily_rollup WHERE entries = 0').get()).toStrictEqual({ rows: 1 });
    const added = bulk.db.transaction(() => writeEntriesInBulk(bulk.db, () => insertImportedTimeEntries(bulk.db, entriesAcrossMonths(bulk.taskId, 'key'), bulk.calendar, 2)))();
    expect(added).toBe(60);
    const folded = rollups(bulk.db);
    expect(folded).toStrictEqual(rollups(one.db));
    expect(new Set(folded.monthly.map((row) => (row as { month: string }).month))).toStrictEqual(new Set(['2026-09', '2026-10', '2026-11', '2026-12']));
    // Weeks from Sunday, the week start the weekly rollup is built for.
    expect(folded.weekly.every((row) => new Date(`${(row as { week: string }).week}T00:00:00Z`).getUTCDay() === 0)).toBe(true);
    // Every month's days are its day rows with entries.
    const days = bulk.db.prepare('SELECT substr(day, 1, 7) AS month, worker, category_id, count(*) AS days FROM daily_rollup WHERE entries > 0 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all();
    expect(
      folded.monthly.map((row) => {
        const { month, worker, category_id, days } = row as Record<string, unknown>;
        return { month, worker, category_id, days };
      }),
    ).toStrictEqual(days);
  });

  it('writes the source into each entry as it is, and refuses entries from two sources in one call', () => {
    const { db, taskId } = database();
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    const quoted = entries(taskId).map((entry) => ({ ...entry, source: "o'clock" }));
    db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntries(db, quoted.slice(10, 20), calendar, 2)))();
    expect(db.prepare('SELECT source, count(*) AS entries FROM time_entries WHERE id > 5 GROUP BY source').all()).toStrictEqual([{ source: "o'clock", entries: 10 }]);
    const mixed = [...quoted.slice(20, 22), { ...quoted[22]!, source: 'clockify' }];
    expect(() => db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntries(db, mixed, calendar, 3)))()).toThrow(
      "One call imports entries from one source: o'clock, then clockify.",
    );
    expect(db.prepare('SELECT count(*) AS rows FROM time_entries').get()).toStrictEqual({ rows: 15 });
  });

  it('leaves nothing behind when the import fails part way', () => {
    const { db, taskId } = database();
    const triggersBefore = triggers(db);
    const before = rollups(db);
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    expect(() =>
      db.transaction(() =>
        writeEntriesInBulk(db, () => {
          for (const entry of entries(taskId).slice(10, 20)) insertImportedTimeEntry(db, entry, calendar, 2);
          throw new Error('cancelled');
        }),
      )(),
    ).toThrow('cancelled');
    expect(rollups(db)).toStrictEqual(before);
    expect(db.prepare('SELECT count(*) AS rows FROM bulk_entry_writes').get()).toStrictEqual({ rows: 0 });
    expect(db.prepare('SELECT count(*) AS rows FROM time_entries').get()).toStrictEqual({ rows: 5 });
    // The triggers the bulk write took out came back with the rollback: an ordinary entry still rolls up.
    expect(triggers(db)).toStrictEqual(triggersBefore);
    insertImportedTimeEntry(db, entries(taskId)[30]!, calendar, 3);
    expect(rollups(db)).not.toStrictEqual(before);
  });

  it('refuses an entry written inside the bulk write by any other way than the import’s own inserts, and keeps nothing', () => {
    const { db, taskId } = database();
    const before = rollups(db);
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    expect(() =>
      db.transaction(() =>
        writeEntriesInBulk(db, () => {
          for (const entry of entries(taskId).slice(10, 20)) insertImportedTimeEntry(db, entry, calendar, 2);
          rawEntryWriter(db)('me', 0, HOUR, '1970-01-01', [['1970-01-01', 0, HOUR]]);
        }),
      )(),
    ).toThrow("11 entries were written in bulk, 10 of them by the import's own inserts; nothing was imported.");
    expect(rollups(db)).toStrictEqual(before);
    expect(db.prepare('SELECT count(*) AS rows FROM time_entries').get()).toStrictEqual({ rows: 5 });
    // And the connection can write in bulk again.
    db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntry(db, entries(taskId)[30]!, calendar, 3)))();
    expect(db.prepare('SELECT count(*) AS rows FROM time_entries').get()).toStrictEqual({ rows: 6 });
  });

  it('puts back the triggers it takes out, exactly as they were, and refuses to run outside a transaction', () => {
    const { db, taskId } = database();
    const triggersBefore = triggers(db);
    expect(triggersBefore.length).toBeGreaterThan(20);
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, ZONE);
    db.transaction(() => writeEntriesInBulk(db, () => entries(taskId).slice(10, 20).filter((entry) => insertImportedTimeEntry(db, entry, calendar, 2)).length))();
    expect(triggers(db)).toStrictEqual(triggersBefore);
    expect(() => writeEntriesInBulk(db, () => 0)).toThrow('An import writes entries in bulk only inside its transaction.');
    expect(db.prepare('SELECT count(*) AS rows FROM bulk_entry_writes').get()).toStrictEqual({ rows: 0 });
  });

  it('keeps rolling up ordinary entries, in a database migrated from version 8', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 8);
    rawEntryWriter(old)('me', 0, HOUR, '1970-01-01', [['1970-01-01', 0, HOUR]]);
    old.close();
    const db = openDatabase(file);
    rawEntryWriter(db)('me', HOUR, 2 * HOUR, '1970-01-01', [['1970-01-01', 1, HOUR]]);
    const { daily, hours } = rollups(db);
    expect({ daily, hours }).toStrictEqual({
      daily: [{ worker: 'me', category_id: 2, day: '1970-01-01', ms: 2 * HOUR, entries: 2, after_hours_ms: 0, unplanned_ms: 0 }],
      // 1970-01-01 was a Thursday.
      hours: [
        { month: '1970-01', category_id: 2, weekday: 4, hour: 0, ms: HOUR },
        { month: '1970-01', category_id: 2, weekday: 4, hour: 1, ms: HOUR },
      ],
    });
    db.close();
  });
});
