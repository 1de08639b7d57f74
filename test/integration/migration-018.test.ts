import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { RECENT_SEARCH_TASKS } from '../../electron/db/migrations/016-recent-search';
import { olderEras } from '../../electron/repositories/search-index';
import { databaseAtVersion } from '../support/old-schema';
import { searchThrough } from '../support/search-pages';
import { tempDir } from '../support/temp-backend';

const TODAY = '2026-11-16';

/** Tasks `first`…`last`, done, titled "<title> <id>", written by one statement (their triggers run per row). */
function insertTasks(db: Pick<SqliteDatabase, 'prepare'>, first: number, last: number, title: string): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (id, title, status, completed_at, created_at, updated_at) SELECT i, ? || ' ' || i, 'done', 1, 1, 1 FROM n`,
  ).run(first, last, title);
}

/** Every name in the schema that belongs to the index of every task: the table, its shadow tables and its triggers. */
const everyTaskIndex = (db: SqliteDatabase) =>
  db.prepare<[], string>("SELECT type || ' ' || name FROM sqlite_schema WHERE name = 'tasks_fts' OR name GLOB 'tasks_fts_[a-z]*' ORDER BY type, name").pluck().all();

const searchAll = (db: SqliteDatabase, text: string) => searchThrough(db, { status: 'all', categoryId: null, limit: 100, search: text }, TODAY);

describe('migration 018: the index of every task, which no search reads, is dropped', () => {
  it('drops the table, its shadow tables and its three triggers from a version-17 file, and keeps every task', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 17);
    insertTasks(old, 1, 40, 'Printer');
    expect(everyTaskIndex(old)).toStrictEqual([
      'table tasks_fts',
      'table tasks_fts_config',
      'table tasks_fts_data',
      'table tasks_fts_docsize',
      'table tasks_fts_idx',
      'trigger tasks_fts_delete',
      'trigger tasks_fts_insert',
      'trigger tasks_fts_update',
    ]);
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(everyTaskIndex(db)).toStrictEqual([]);
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(40);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a migrated file finds its newest and its older tasks, and follows tasks added, edited and deleted after it', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 17);
    // Task 1 is older than her newest 50,000: a version-17 file has no era yet, so a step back fills them from `tasks`.
    insertTasks(old, 1, 1, 'Scanner driver');
    insertTasks(old, 2, RECENT_SEARCH_TASKS + 1, 'Filler');
    insertTasks(old, RECENT_SEARCH_TASKS + 2, RECENT_SEARCH_TASKS + 2, 'Scanner glass');
    old.close();
    const db = openDatabase(file);
    const before = searchAll(db, 'scanner');
    expect(before.ids).toStrictEqual([RECENT_SEARCH_TASKS + 2, 1]);
    expect(before.steps).toBe(1);
    expect(olderEras(db)).toStrictEqual([0]);

    const added = db.prepare("INSERT INTO tasks (title, notes, status, created_at, updated_at) VALUES ('Scanner', 'lamp', 'open', 2, 2)").run();
    const id = Number(added.lastInsertRowid);
    expect(searchAll(db, 'scanner').ids).toStrictEqual([id, RECENT_SEARCH_TASKS + 2, 1]);
    db.prepare("UPDATE tasks SET title = 'Copier' WHERE id = ?").run(id);
    db.prepare("UPDATE tasks SET title = 'Copier driver' WHERE id = 1").run();
    expect(searchAll(db, 'scanner').ids).toStrictEqual([RECENT_SEARCH_TASKS + 2]);
    expect(searchAll(db, 'copier').ids).toStrictEqual([id, 1]);
    db.prepare('DELETE FROM tasks WHERE id IN (1, ?)').run(id);
    expect(searchAll(db, 'copier').ids).toStrictEqual([]);
    for (const index of ['tasks_recent_fts', 'tasks_open_fts', 'tasks_fts_era_0']) db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
    db.close();
  });
});
