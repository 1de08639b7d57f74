import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { insertImportedTimeEntries, insertImportedTimeEntry, knownEntrySourceKeys, writeEntriesInBulk } from '../../electron/repositories/time-entries';
import { entryCalendar } from '../../electron/services/entry-calendar';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;
const insertEntry = (db: Database.Database | SqliteDatabase, startAt: number, sourceKey: string | null) =>
  db
    .prepare("INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, source_key, created_at, updated_at) VALUES ('me', 2, ?, ?, '1970-01-01', ?, 1, 1)")
    .run(startAt, startAt + HOUR, sourceKey);
const keys = (db: SqliteDatabase) => db.prepare('SELECT source_key, entry_id FROM time_entry_source_keys').all();

describe('migration 012: the import keys of time entries in their own table', () => {
  it('moves the keys already there into the table, in key order, and drops the index on the column', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 11);
    insertEntry(old, 0, 'f00d');
    insertEntry(old, HOUR, null);
    insertEntry(old, 2 * HOUR, 'beef');
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(keys(db)).toStrictEqual([
      { source_key: 'beef', entry_id: 3 },
      { source_key: 'f00d', entry_id: 1 },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'time_entries_by_source_key'").get()).toStrictEqual({ n: 0 });
    expect([...knownEntrySourceKeys(db, ['beef', 'cafe', 'f00d'])].sort()).toStrictEqual(['beef', 'f00d']);
    db.close();
  });

  it('follows every write: an entry added, its key changed, the entry deleted; a key already there is refused', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const id = Number(insertEntry(db, 0, 'a1').lastInsertRowid);
    insertEntry(db, HOUR, null);
    expect(keys(db)).toStrictEqual([{ source_key: 'a1', entry_id: id }]);
    expect(() => insertEntry(db, 2 * HOUR, 'a1')).toThrow(/UNIQUE constraint failed: time_entry_source_keys.source_key/);
    db.prepare("UPDATE time_entries SET source_key = 'b2' WHERE id = ?").run(id);
    expect(keys(db)).toStrictEqual([{ source_key: 'b2', entry_id: id }]);
    db.prepare('DELETE FROM time_entries WHERE id = ?').run(id);
    expect(keys(db)).toStrictEqual([]);
    db.close();
  });

  it('lets an imported entry in once: the same key again adds nothing', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, 'America/Chicago');
    const entry = { worker: 'me' as const, technicianId: null, categoryId: 2, taskId: null, startAt: 0, endAt: HOUR, note: '', unplanned: false, source: 'toggl', sourceKey: 'c3' };
    expect(insertImportedTimeEntry(db, entry, calendar, 1)).toBe(true);
    expect(insertImportedTimeEntry(db, { ...entry, startAt: 2 * HOUR, endAt: 3 * HOUR }, calendar, 1)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM time_entries').get()).toStrictEqual({ n: 1 });
    db.close();
  });

  it('folds an import’s keys in at the end, and fails the whole import on a key already there', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const calendar = entryCalendar(db, DEFAULT_SETTINGS, 'America/Chicago');
    const entry = (index: number, sourceKey: string) => ({ worker: 'me' as const, technicianId: null, categoryId: 2, taskId: null, startAt: index * HOUR, endAt: (index + 1) * HOUR, note: '', unplanned: false, source: 'toggl', sourceKey });
    db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntries(db, [entry(0, 'k2'), entry(1, 'k1')], calendar, 1)))();
    expect(keys(db)).toStrictEqual([
      { source_key: 'k1', entry_id: 2 },
      { source_key: 'k2', entry_id: 1 },
    ]);
    expect(() => db.transaction(() => writeEntriesInBulk(db, () => insertImportedTimeEntries(db, [entry(5, 'k3'), entry(6, 'k1')], calendar, 1)))()).toThrow(/UNIQUE constraint failed/);
    expect(db.prepare('SELECT count(*) AS n FROM time_entries').get()).toStrictEqual({ n: 2 });
    expect(keys(db)).toHaveLength(2);
    db.close();
  });
});
