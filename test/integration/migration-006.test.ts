import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const HOUR = 3_600_000;

function version5(file: string): Database.Database {
  const db = databaseAtVersion(file, 5);
  return db;
}

const rollup = (db: Database.Database) =>
  db.prepare('SELECT worker, category_id, day, ms, after_hours_ms, unplanned_ms FROM daily_rollup WHERE entries > 0 ORDER BY worker, category_id, day').all();

describe('migration 006: after-hours and unplanned time in the rollup', () => {
  it('backfills unplanned time from the entries on unplanned tasks a version-5 database holds', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = version5(file);
    const interrupt = old.prepare("INSERT INTO tasks (title, unplanned, created_at, updated_at) VALUES ('Server down', 1, 1, 1)").run().lastInsertRowid;
    const planned = old.prepare("INSERT INTO tasks (title, unplanned, created_at, updated_at) VALUES ('Patch', 0, 1, 1)").run().lastInsertRowid;
    const insert = old.prepare('INSERT INTO time_entries (worker, category_id, task_id, start_at, end_at, start_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1)');
    insert.run('me', 2, interrupt, 0, 2 * HOUR, '2026-11-16');
    insert.run('me', 2, planned, 3 * HOUR, 4 * HOUR, '2026-11-16');
    insert.run('me', 2, null, 5 * HOUR, 6 * HOUR, '2026-11-17');
    old.close();

    const db = openDatabase(file);
    expect(rollup(db)).toStrictEqual([
      { worker: 'me', category_id: 2, day: '2026-11-16', ms: 3 * HOUR, after_hours_ms: 0, unplanned_ms: 2 * HOUR },
      { worker: 'me', category_id: 2, day: '2026-11-17', ms: HOUR, after_hours_ms: 0, unplanned_ms: 0 },
    ]);
    db.close();
  });

  it('keeps unplanned time in step when a task is marked, an entry moves between tasks or is deleted', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const task = Number(db.prepare("INSERT INTO tasks (title, created_at, updated_at) VALUES ('Printer', 1, 1)").run().lastInsertRowid);
    const insert = db.prepare(
      'INSERT INTO time_entries (worker, category_id, task_id, start_at, end_at, start_day, unplanned, after_hours_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1)',
    );
    const onTask = Number(insert.run('me', 1, task, 0, HOUR, '2026-11-16', 0, 0).lastInsertRowid);
    insert.run('me', 1, null, 2 * HOUR, 3 * HOUR, '2026-11-16', 1, 30 * 60_000);
    const unplanned = () => (db.prepare("SELECT unplanned_ms, after_hours_ms FROM daily_rollup WHERE day = '2026-11-16'").get() as { unplanned_ms: number; after_hours_ms: number });
    expect(unplanned()).toStrictEqual({ unplanned_ms: HOUR, after_hours_ms: 30 * 60_000 });
    db.prepare('UPDATE tasks SET unplanned = 1 WHERE id = ?').run(task);
    expect(unplanned().unplanned_ms).toBe(2 * HOUR);
    db.prepare('UPDATE time_entries SET task_id = NULL WHERE id = ?').run(onTask);
    expect(unplanned().unplanned_ms).toBe(HOUR);
    db.prepare('UPDATE time_entries SET task_id = ? WHERE id = ?').run(task, onTask);
    db.prepare('DELETE FROM time_entries WHERE id = ?').run(onTask);
    expect(unplanned()).toStrictEqual({ unplanned_ms: HOUR, after_hours_ms: 30 * 60_000 });
    db.close();
  });

  it('records a planned day that is postponed or cleared, not one brought forward', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    const task = Number(db.prepare("INSERT INTO tasks (title, planned_day, created_at, updated_at) VALUES ('Audit', '2026-11-18', 1, 1)").run().lastInsertRowid);
    const plan = (day: string | null, at: number) => db.prepare('UPDATE tasks SET planned_day = ?, updated_at = ? WHERE id = ?').run(day, at, task);
    plan('2026-11-17', 2);
    plan('2026-11-20', 3);
    plan(null, 4);
    expect(db.prepare('SELECT from_day, to_day, moved_at FROM task_plan_moves ORDER BY id').all()).toStrictEqual([
      { from_day: '2026-11-17', to_day: '2026-11-20', moved_at: 3 },
      { from_day: '2026-11-20', to_day: null, moved_at: 4 },
    ]);
    db.close();
  });
});
