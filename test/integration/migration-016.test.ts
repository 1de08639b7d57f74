import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { RECENT_SEARCH_FROM_KEY, RECENT_SEARCH_TASKS } from '../../electron/db/migrations/016-recent-search';
import { compactRecentSearchStep, recentSearchNeedsCompacting } from '../../electron/repositories/search-index';
import { eraSearchCursor, listTasks, taskListCursor, type TaskListFilter } from '../../electron/repositories/tasks';
import { databaseAtVersion } from '../support/old-schema';
import { searchThrough } from '../support/search-pages';
import { openTestBackend, tempDir } from '../support/temp-backend';

const TODAY = '2026-11-16';

/** Tasks `first`…`last`, with these ids, titled "Task <id>", written by one statement (their triggers run per row). */
function insertTasks(db: { prepare: SqliteDatabase['prepare'] }, first: number, last: number): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (id, title, created_at, updated_at) SELECT i, 'Task ' || i, 1, 1 FROM n`,
  ).run(first, last);
}

const insertTask = (db: SqliteDatabase, id: number, title: string, notes = '') =>
  db.prepare('INSERT INTO tasks (id, title, notes, created_at, updated_at) VALUES (?, ?, ?, 1, 1)').run(id, title, notes);

/** The ids the newest tasks' index finds for a word, lowest first. */
const inWindow = (db: SqliteDatabase, word: string) =>
  db.prepare<[string], number>('SELECT rowid FROM tasks_recent_fts WHERE tasks_recent_fts MATCH ? ORDER BY rowid').pluck().all(word);

const windowFrom = (db: SqliteDatabase) => db.prepare<[string], string>('SELECT value FROM derived_state WHERE key = ?').pluck().get(RECENT_SEARCH_FROM_KEY) ?? null;

const search = (db: SqliteDatabase, text: string, extra: Partial<TaskListFilter> = {}) =>
  listTasks(db, { status: 'all', categoryId: null, limit: 100, search: text, ...extra }, TODAY);

/** Every id a search lists, a page of `limit` at a time, stepping further back whenever it may. */
const pageThrough = (db: SqliteDatabase, text: string, limit: number, extra: Partial<TaskListFilter> = {}): number[] =>
  searchThrough(db, { status: 'all', categoryId: null, limit, search: text, ...extra }, TODAY).ids;

const checkIndexes = (db: SqliteDatabase) => {
  for (const index of ['tasks_recent_fts']) db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
};

describe('migration 016: a search ranks her newest tasks first', () => {
  it('indexes the newest 50,000 tasks of a database migrated from version 15, and only those', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 15);
    insertTasks(old, 1, RECENT_SEARCH_TASKS + 10);
    old.close();
    const db = openDatabase(file);
    expect(windowFrom(db)).toBe('11');
    const ids = inWindow(db, 'task');
    expect(ids).toHaveLength(RECENT_SEARCH_TASKS);
    expect([ids[0], ids.at(-1)]).toStrictEqual([11, RECENT_SEARCH_TASKS + 10]);
    checkIndexes(db);
    db.close();
  });

  it('a database of fewer tasks keeps them all in the window and records no start (it is 1)', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 15);
    insertTasks(old, 1, 3);
    old.close();
    const db = openDatabase(file);
    expect(windowFrom(db)).toBeNull();
    expect(inWindow(db, 'task')).toStrictEqual([1, 2, 3]);
    db.close();
  });

  it('each new task moves the window on: the task 50,000 ids older leaves it, in the same statement', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTasks(db, 1, RECENT_SEARCH_TASKS);
    expect(windowFrom(db)).toBeNull();
    expect(inWindow(db, 'task')[0]).toBe(1);
    insertTask(db, RECENT_SEARCH_TASKS + 1, 'Task newest');
    expect(windowFrom(db)).toBe('2');
    const ids = inWindow(db, 'task');
    expect([ids.length, ids[0], ids.at(-1)]).toStrictEqual([RECENT_SEARCH_TASKS, 2, RECENT_SEARCH_TASKS + 1]);
    // Ids can jump (a restore keeps them): every task the jump leaves behind leaves the window.
    insertTask(db, 3 * RECENT_SEARCH_TASKS, 'Task far ahead');
    expect(windowFrom(db)).toBe(String(2 * RECENT_SEARCH_TASKS + 1));
    expect(inWindow(db, 'task')).toStrictEqual([3 * RECENT_SEARCH_TASKS]);
    checkIndexes(db);
    db.close();
  });

  it('edits and deletes of tasks in the window are followed; an older task edited stays out of it', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Old printer');
    insertTasks(db, 2, RECENT_SEARCH_TASKS + 1);
    insertTask(db, RECENT_SEARCH_TASKS + 2, 'Printer toner');
    db.prepare("UPDATE tasks SET title = 'Scanner toner' WHERE id = ?").run(RECENT_SEARCH_TASKS + 2);
    db.prepare("UPDATE tasks SET notes = 'scanner too' WHERE id = 1").run();
    db.prepare('DELETE FROM tasks WHERE id = ?').run(RECENT_SEARCH_TASKS);
    expect(inWindow(db, 'printer')).toStrictEqual([]);
    expect(inWindow(db, 'scanner')).toStrictEqual([RECENT_SEARCH_TASKS + 2]);
    expect(inWindow(db, String(RECENT_SEARCH_TASKS))).toStrictEqual([]);
    expect(pageThrough(db, 'scanner', 100)).toStrictEqual([RECENT_SEARCH_TASKS + 2, 1]);
    checkIndexes(db);
    db.close();
  });

  it('lists the best matches of the newest tasks before any older one, however well the older one matches', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Firewall firewall', 'firewall rule for the firewall');
    insertTask(db, 2, 'Firewall audit');
    insertTasks(db, 3, RECENT_SEARCH_TASKS + 2);
    insertTask(db, RECENT_SEARCH_TASKS + 3, 'Printer', 'check the firewall after a long note about printers and toner and paper');
    insertTask(db, RECENT_SEARCH_TASKS + 4, 'Firewall change');
    // Ranked over every task (in an index of them all, made for the test), the oldest would come first.
    db.exec("CREATE VIRTUAL TABLE temp.every_task USING fts5 (title, notes, tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO temp.every_task (rowid, title, notes) SELECT id, title, notes FROM tasks");
    const allRanked = db.prepare<[], number>("SELECT rowid FROM every_task WHERE every_task MATCH 'firewall' ORDER BY rank").pluck().all();
    expect(allRanked[0]).toBe(1);
    expect(pageThrough(db, 'firewall', 100)).toStrictEqual([RECENT_SEARCH_TASKS + 4, RECENT_SEARCH_TASKS + 3, 1, 2]);
    expect(pageThrough(db, 'firewall', 100, { status: 'done' })).toStrictEqual([]);
    db.close();
  });

  it('pages through the newest tasks and then the older ones with every match once, whatever the page size', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    for (let id = 1; id <= 5; id += 1) insertTask(db, id, `Backup ${'job '.repeat(id)}`);
    insertTasks(db, 6, RECENT_SEARCH_TASKS + 5);
    for (let id = RECENT_SEARCH_TASKS + 6; id <= RECENT_SEARCH_TASKS + 10; id += 1) insertTask(db, id, `Backup ${'check '.repeat(id % 4)}`);
    const whole = pageThrough(db, 'backup', 100);
    expect(whole).toHaveLength(10);
    expect(whole.slice(0, 5).every((id) => id > RECENT_SEARCH_TASKS)).toBe(true);
    for (const limit of [1, 2, 3, 7]) expect(pageThrough(db, 'backup', limit), `pages of ${limit}`).toStrictEqual(whole);
    db.close();
  });

  it('a filtered search reads the older tasks when the newest hold too few that pass', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Switch firmware');
    db.prepare("UPDATE tasks SET status = 'done', completed_at = 1 WHERE id = 1").run();
    insertTasks(db, 2, RECENT_SEARCH_TASKS + 1);
    insertTask(db, RECENT_SEARCH_TASKS + 2, 'Switch ports');
    expect(pageThrough(db, 'switch', 100, { status: 'done' })).toStrictEqual([1]);
    expect(search(db, 'switch', { status: 'active' }).tasks.map((task) => task.id)).toStrictEqual([RECENT_SEARCH_TASKS + 2]);
    db.close();
  });

  it('a search lists and counts only the newest tasks, says it left the older out, and offers the step back on its last page only', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Firewall audit');
    insertTask(db, 2, 'Scanner driver');
    insertTasks(db, 3, RECENT_SEARCH_TASKS + 2);
    insertTask(db, RECENT_SEARCH_TASKS + 3, 'Firewall change');
    insertTask(db, RECENT_SEARCH_TASKS + 4, 'Firewall rule');
    const recent = search(db, 'firewall');
    expect(recent.tasks.map((task) => task.id).sort()).toStrictEqual([RECENT_SEARCH_TASKS + 3, RECENT_SEARCH_TASKS + 4]);
    expect([recent.total, recent.next, recent.olderLeftOut, recent.further === null]).toStrictEqual([2, null, true, false]);
    // Paging stays among the newest, and only the last of their pages offers to search further back.
    const first = search(db, 'firewall', { limit: 1 });
    expect([first.tasks.length, first.olderLeftOut, first.further]).toStrictEqual([1, true, null]);
    const second = search(db, 'firewall', { limit: 1, after: first.next });
    expect([second.tasks.length, second.next, second.further === null]).toStrictEqual([1, null, false]);
    // Nothing among the newest: an empty page that still says the older are left out, and offers them.
    const scanner = search(db, 'scanner');
    expect([scanner.tasks, scanner.total, scanner.olderLeftOut, scanner.further === null]).toStrictEqual([[], 0, true, false]);
    // A step back lists the older matches and counts them on from the newest ones'; nothing is left then.
    const back = search(db, 'firewall', { after: recent.further });
    expect([back.tasks.map((task) => task.id), back.total, back.olderLeftOut, back.searchedFrom, back.further]).toStrictEqual([[1], 3, false, null, null]);
    expect(search(db, 'scanner', { after: scanner.further }).tasks.map((task) => task.id)).toStrictEqual([2]);
    // A cursor of the older tasks names its era: one without, or of an era she does not have, is refused.
    expect(() => search(db, 'firewall', { after: taskListCursor('relevance-older', -1, 1) })).toThrow(/page marker/);
    expect(() => search(db, 'firewall', { after: eraSearchCursor(7, 0) })).toThrow(/page marker/);
    db.close();
  });

  it('with no task older than the window, a search leaves nothing out and offers no step back', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Firewall audit');
    insertTasks(db, 2, 40);
    const page = search(db, 'firewall');
    expect([page.tasks.map((task) => task.id), page.total, page.olderLeftOut, page.searchedFrom, page.further]).toStrictEqual([[1], 1, false, null, null]);
    expect(listTasks(db, { status: 'all', categoryId: null, limit: 10 }, TODAY).olderLeftOut).toBe(false);
    db.close();
  });

  it('compacting the index after tasks left the window keeps every search the same and records the window it compacted', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    // One transaction, as a restore or an import writes: the tasks that leave are tombstones in its big segments.
    db.transaction(() => {
      insertTasks(db, 1, RECENT_SEARCH_TASKS + 2_000);
      for (let id = 1; id <= 400; id += 1) db.prepare("UPDATE tasks SET title = 'Firewall ' || title WHERE id = ?").run(id * 125);
    })();
    expect(recentSearchNeedsCompacting(db)).toBe(true);
    const pages = () => db.prepare<[], number>('SELECT count(*) FROM tasks_recent_fts_data').pluck().get()!;
    const before = { pages: pages(), firewall: pageThrough(db, 'firewall', 100), task: search(db, 'task 4999').tasks.map((task) => task.id) };
    let steps = 0;
    while (compactRecentSearchStep(db)) steps += 1;
    expect(steps).toBeGreaterThan(0);
    expect(pages()).toBeLessThan(before.pages);
    expect(recentSearchNeedsCompacting(db)).toBe(false);
    expect(windowFrom(db)).toBe('2001');
    expect(pageThrough(db, 'firewall', 100)).toStrictEqual(before.firewall);
    expect(before.firewall).toHaveLength(400);
    expect(search(db, 'task 4999').tasks.map((task) => task.id)).toStrictEqual(before.task);
    checkIndexes(db);
    // A task that leaves the window later asks for the next compaction.
    insertTask(db, RECENT_SEARCH_TASKS + 2_001, 'Task newest');
    expect(recentSearchNeedsCompacting(db)).toBe(true);
    db.close();
  });

  it('the backend compacts the index on open, between calls, when tasks left the window since the last time', async () => {
    const dataDir = tempDir();
    const seeded = openDatabase(path.join(dataDir, 'offload.db'));
    seeded.transaction(() => insertTasks(seeded, 1, RECENT_SEARCH_TASKS + 500))();
    seeded.close();
    const app = openTestBackend(dataDir);
    expect(recentSearchNeedsCompacting(app.backend.db!)).toBe(true);
    expect((await app.call('tasks:list', { status: 'all', search: 'task', limit: 1 })).totalCapped).toBe(true);
    await app.backend.settled();
    expect(recentSearchNeedsCompacting(app.backend.db!)).toBe(false);
    app.close();
  });
});
