import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_CATEGORIES } from '../../shared/domain/default-categories';
import { openTestBackend, tempDir } from '../support/temp-backend';

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(file: string): AppError {
  try {
    openDatabase(file);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('openDatabase accepted the file');
}

describe('the database file', () => {
  it('a new file is migrated to the latest schema with the default categories', () => {
    const file = path.join(tempDir(), 'offload.db');
    const db = openDatabase(file, { now: () => 1_000 });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'tasks_fts_%' AND name NOT LIKE 'tasks_recent_fts_%' AND name NOT LIKE 'tasks_open_fts_%'")
      .all()
      .map((row) => row.name)
      .sort();
    expect(tables).toEqual(
      [
        'bulk_entry_writes', 'categories', 'daily_rollup', 'delegations', 'derived_state', 'hour_month_rollup', 'import_mappings', 'monthly_rollup', 'msp_contracts', 'msp_provider', 'recurring_series',
        'response_targets', 'task_plan_moves', 'tasks', 'tasks_open_fts', 'tasks_recent_fts', 'technicians', 'time_entries', 'time_entry_source_keys', 'time_off', 'week_plans', 'weekly_rollup',
      ].sort(),
    );
    const names = db.prepare<[], { name: string }>('SELECT name FROM categories ORDER BY sort_order').all();
    expect(names.map((row) => row.name)).toEqual(DEFAULT_CATEGORIES.map((category) => category.name));
    db.close();
  });

  it('every open sets WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const file = path.join(tempDir(), 'offload.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('reopening keeps the data and does not seed the categories twice', () => {
    const file = path.join(tempDir(), 'offload.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO tasks (title, created_at, updated_at) VALUES ('Keep me', 1, 1)").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT title FROM tasks').pluck().all()).toEqual(['Keep me']);
    expect(second.prepare('SELECT count(*) FROM categories').pluck().get()).toBe(DEFAULT_CATEGORIES.length);
    second.close();
  });

  it('a database from a newer version is refused with DB_TOO_NEW and left byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'offload.db');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = hash(file);
    const files = fs.readdirSync(path.dirname(file));

    const error = refusal(file);
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.message).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}`);
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(files);
  });

  it('a file that is not a database is refused with DB_UNREADABLE and left untouched', () => {
    const file = path.join(tempDir(), 'offload.db');
    fs.writeFileSync(file, 'this is not sqlite, it is a shopping list: milk, eggs, a new switch'.repeat(100));
    const before = hash(file);
    expect(refusal(file).code).toBe('DB_UNREADABLE');
    expect(hash(file)).toBe(before);
  });

  it('a failing migration rolls back every pending migration', () => {
    const file = path.join(tempDir(), 'offload.db');
    const db = new Database(file);
    db.exec('CREATE TABLE categories (id INTEGER PRIMARY KEY)');
    db.close();
    expect(() => openDatabase(file)).toThrow(/already exists/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'tasks'").pluck().get()).toBe(0);
    after.close();
  });

  it('the backend reports a refused database through app:status and refuses every other call', async () => {
    const dataDir = tempDir();
    const future = new Database(path.join(dataDir, 'offload.db'));
    future.pragma('user_version = 999');
    future.close();
    const app = openTestBackend(dataDir);
    const status = await app.call('app:status');
    expect(status.fatal?.code).toBe('DB_TOO_NEW');
    expect((await app.failure('tasks:list', {})).code).toBe('DB_UNAVAILABLE');
    app.close();
  });
});
