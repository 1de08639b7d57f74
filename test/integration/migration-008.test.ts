import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;

/** A version-7 database, as the release before imports left it. */
function version7(file: string): Database.Database {
  const db = databaseAtVersion(file, 7);
  return db;
}

const insertEntry = (db: Database.Database, startAt: number, sourceKey: string | null) =>
  db
    .prepare(
      `INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, source_key, created_at, updated_at)
       VALUES ('me', 1, ?, ?, '2026-11-16', ?, 1, 1)`,
    )
    .run(startAt, startAt + HOUR, sourceKey).changes;

describe('migration 008: source keys and remembered import mappings', () => {
  it('keeps every entry and task of a version-7 database, with no source key', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = version7(file);
    old.prepare("INSERT INTO tasks (title, created_at, updated_at) VALUES ('Patch the file server', 1, 1)").run();
    old.prepare("INSERT INTO time_entries (worker, category_id, start_at, end_at, start_day, note, created_at, updated_at) VALUES ('me', 2, 0, ?, '1970-01-01', 'VPN', 1, 1)").run(HOUR);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT title, source_key FROM tasks').all()).toStrictEqual([{ title: 'Patch the file server', source_key: null }]);
    expect(db.prepare('SELECT note, end_at, source_key FROM time_entries').all()).toStrictEqual([{ note: 'VPN', end_at: HOUR, source_key: null }]);
    expect(db.prepare('SELECT ms FROM daily_rollup').all()).toStrictEqual([{ ms: HOUR }]);
    db.close();
  });

  it('lets a source key be used once: a second entry or task with the same key is refused, rows without a key are unlimited', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    expect(insertEntry(db, 0, '9f86d081884c7d65')).toBe(1);
    // Since migration 012 the entries' keys are kept unique by time_entry_source_keys instead of an index.
    expect(() => insertEntry(db, 2 * HOUR, '9f86d081884c7d65')).toThrow(/UNIQUE constraint failed: time_entry_source_keys.source_key/);
    expect(insertEntry(db, 4 * HOUR, null)).toBe(1);
    expect(insertEntry(db, 6 * HOUR, null)).toBe(1);
    expect(db.prepare('SELECT count(*) AS entries FROM time_entries').get()).toStrictEqual({ entries: 3 });
    // The rollup counts only what was inserted.
    expect(db.prepare('SELECT ms, entries FROM daily_rollup').get()).toStrictEqual({ ms: 3 * HOUR, entries: 3 });

    const task = db.prepare("INSERT INTO tasks (title, source_key, created_at, updated_at) VALUES ('Renew licence', ?, 1, 1)");
    task.run('00000000000000aa');
    expect(() => task.run('00000000000000aa')).toThrow(/UNIQUE constraint failed: tasks.source_key/);
    db.close();
  });

  it('finds an entry or a task by its source key through a unique key', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' ');
    expect(plan("SELECT entry_id FROM time_entry_source_keys WHERE source_key = 'x'")).toContain('USING PRIMARY KEY (source_key=?)');
    expect(plan("SELECT id FROM tasks WHERE source_key = 'x'")).toContain('USING COVERING INDEX tasks_by_source_key');
    db.close();
  });

  it('remembers a mapping per kind of import and name, and refuses one that says two things', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const technician = db.prepare("INSERT INTO technicians (name, created_at, updated_at) VALUES ('Sam Patel', 1, 1)").run().lastInsertRowid;
    const remember = db.prepare(
      'INSERT INTO import_mappings (import_kind, name_key, action, category_id, worker, technician_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1)',
    );
    remember.run('time-entries', 'project:server admin', 'category', 2, null, null);
    remember.run('tasks', 'category:server admin', 'none', null, null, null);
    remember.run('time-entries', 'email:sam@bluefin-msp.example', 'worker', null, 'msp', technician);
    remember.run('time-entries', 'name:intern', 'skip', null, null, null);
    expect(() => remember.run('time-entries', 'project:server admin', 'skip', null, null, null)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => remember.run('time-entries', 'project:network', 'category', null, null, null)).toThrow(/CHECK constraint/);
    expect(() => remember.run('time-entries', 'project:network', 'skip', 4, null, null)).toThrow(/CHECK constraint/);
    expect(() => remember.run('time-entries', 'name:gail', 'worker', null, 'me', technician)).toThrow(/CHECK constraint/);
    expect(() => remember.run('time-entries', 'project:network', 'category', 999, null, null)).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) AS mappings FROM import_mappings').get()).toStrictEqual({ mappings: 4 });
    db.close();
  });
});
