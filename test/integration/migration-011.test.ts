import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { listTasks } from '../../electron/repositories/tasks';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

/** The database as the release before the task list's keys left it (every migration up to 009). */
function beforeKeys(file: string): Database.Database {
  const db = databaseAtVersion(file, 9);
  return db;
}

describe('migration 011: the task list sort keys', () => {
  it('gives the tasks already there their keys: the list keeps its order, active by due day and priority, done newest first', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = beforeKeys(file);
    const insert = old.prepare(
      'INSERT INTO tasks (title, due_day, priority, status, completed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1)',
    );
    insert.run('undated', null, 3, 'open', null);
    insert.run('due later', '2026-11-20', 0, 'waiting', null);
    insert.run('due sooner, low', '2026-11-16', 0, 'open', null);
    insert.run('due sooner, high', '2026-11-16', 2, 'in_progress', null);
    insert.run('done long ago', '2026-11-01', 1, 'done', 1_000);
    insert.run('done lately', null, 1, 'done', 2_000);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const titles = (sort: 'urgency' | 'priority') =>
      listTasks(db, { status: 'all', categoryId: null, sort, limit: 100 }, '2026-11-18').tasks.map((task) => task.title);
    expect(titles('urgency')).toStrictEqual(['due sooner, high', 'due sooner, low', 'due later', 'undated', 'done lately', 'done long ago']);
    expect(titles('priority')).toStrictEqual(['undated', 'due sooner, high', 'due sooner, low', 'due later', 'done long ago', 'done lately']);
    db.close();
  });
});
