import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { RECENT_SEARCH_TASKS } from '../../electron/db/migrations/016-recent-search';
import { listTasks, purgeDeletedTasks, restoreTask, setTaskStatus, softDeleteTask, taskListCursor, updateTask, type TaskListFilter } from '../../electron/repositories/tasks';
import { databaseAtVersion } from '../support/old-schema';
import { tempDir } from '../support/temp-backend';

const TODAY = '2026-11-16';

const insertTask = (db: Pick<SqliteDatabase, 'prepare'>, id: number, title: string, status = 'open', notes = '') =>
  db.prepare('INSERT INTO tasks (id, title, notes, status, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1)').run(id, title, notes, status);

/** Tasks `first`…`last`, done, titled "Done <id>", written by one statement (their triggers run per row). */
function insertDoneTasks(db: Pick<SqliteDatabase, 'prepare'>, first: number, last: number, title = 'Done'): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (id, title, status, completed_at, created_at, updated_at) SELECT i, ? || ' ' || i, 'done', 1, 1, 1 FROM n`,
  ).run(first, last, title);
}

/** The ids the open tasks' index finds for a query, lowest first. */
const inOpenIndex = (db: SqliteDatabase, query: string) =>
  db.prepare<[string], number>('SELECT rowid FROM tasks_open_fts WHERE tasks_open_fts MATCH ? ORDER BY rowid').pluck().all(query);

/** Every id in the open tasks' index, lowest first (its docsize table has a row per document). */
const everyIndexed = (db: SqliteDatabase) => db.prepare<[], number>('SELECT id FROM tasks_open_fts_docsize ORDER BY id').pluck().all();

/** The tasks that are open and not deleted, by id. */
const openIds = (db: SqliteDatabase) => db.prepare<[], number>("SELECT id FROM tasks WHERE status != 'done' AND deleted_at IS NULL ORDER BY id").pluck().all();

const checkIndex = (db: SqliteDatabase) => db.prepare("INSERT INTO tasks_open_fts (tasks_open_fts) VALUES ('integrity-check')").run();

const search = (db: SqliteDatabase, text: string, extra: Partial<TaskListFilter> = {}) =>
  listTasks(db, { status: 'active', categoryId: null, limit: 100, search: text, ...extra }, TODAY);

describe('migration 017: a search of open tasks ranks only open tasks', () => {
  it('indexes the open tasks of a database migrated from version 16, and no done or deleted one', () => {
    const file = path.join(tempDir(), 'offload.db');
    const old = databaseAtVersion(file, 16);
    insertTask(old, 1, 'Firewall audit');
    insertTask(old, 2, 'Firewall rule', 'waiting');
    insertTask(old, 3, 'Firewall change', 'done');
    insertTask(old, 4, 'Firewall firmware', 'in_progress');
    old.prepare('UPDATE tasks SET deleted_at = 5 WHERE id = 4').run();
    old.close();
    const db = openDatabase(file);
    expect(inOpenIndex(db, 'firewall')).toStrictEqual([1, 2]);
    expect(everyIndexed(db)).toStrictEqual([1, 2]);
    checkIndex(db);
    db.close();
  });

  it('follows a task in and out: done, reopened, edited, binned, restored and deleted for good', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Printer toner');
    insertTask(db, 2, 'Printer drum', 'done');
    expect(inOpenIndex(db, 'printer')).toStrictEqual([1]);

    setTaskStatus(db, 1, 'done', 10);
    expect(inOpenIndex(db, 'printer')).toStrictEqual([]);
    // Edited while done: still out, and its new words are not in either.
    updateTask(db, 1, { title: 'Scanner toner' }, 11);
    expect(inOpenIndex(db, 'scanner')).toStrictEqual([]);
    setTaskStatus(db, 1, 'in_progress', 12);
    expect([inOpenIndex(db, 'scanner'), inOpenIndex(db, 'printer')]).toStrictEqual([[1], []]);

    // Edited while open: the index follows its title and notes.
    updateTask(db, 1, { title: 'Label printer', notes: 'order ribbons' }, 13);
    expect([inOpenIndex(db, 'scanner'), inOpenIndex(db, 'label'), inOpenIndex(db, 'ribbons')]).toStrictEqual([[], [1], [1]]);
    // From one open status to another: still in, once.
    setTaskStatus(db, 1, 'waiting', 14);
    expect(everyIndexed(db)).toStrictEqual([1]);

    softDeleteTask(db, 1, 15);
    expect(everyIndexed(db)).toStrictEqual([]);
    restoreTask(db, 1);
    expect(inOpenIndex(db, 'label')).toStrictEqual([1]);
    softDeleteTask(db, 1, 16);
    expect(purgeDeletedTasks(db, 10 ** 13)).toBe(1);
    insertTask(db, 3, 'Router reboot');
    db.prepare('DELETE FROM tasks WHERE id = 3').run();
    expect(everyIndexed(db)).toStrictEqual([]);
    checkIndex(db);
    db.close();
  });

  it('after any sequence of writes the index holds exactly her open tasks, with their current words', () => {
    type Step =
      | { kind: 'add'; word: number; status: 'open' | 'waiting' | 'done' }
      | { kind: 'status'; pick: number; status: 'open' | 'in_progress' | 'done' }
      | { kind: 'retitle'; pick: number; word: number }
      | { kind: 'bin'; pick: number }
      | { kind: 'restore'; pick: number }
      | { kind: 'purge' }
      | { kind: 'delete'; pick: number };
    const word = fc.integer({ min: 0, max: 4 });
    const pick = fc.nat();
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), word, status: fc.constantFrom('open' as const, 'waiting' as const, 'done' as const) }),
      fc.record({ kind: fc.constant('status' as const), pick, status: fc.constantFrom('open' as const, 'in_progress' as const, 'done' as const) }),
      fc.record({ kind: fc.constant('retitle' as const), pick, word }),
      fc.record({ kind: fc.constant('bin' as const), pick }),
      fc.record({ kind: fc.constant('restore' as const), pick }),
      fc.record({ kind: fc.constant('purge' as const) }),
      fc.record({ kind: fc.constant('delete' as const), pick }),
    );
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    let nextId = 1;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        db.exec('DELETE FROM tasks');
        for (const each of steps) {
          const ids = db.prepare<[], number>('SELECT id FROM tasks ORDER BY id').pluck().all();
          const chosen = 'pick' in each && ids.length > 0 ? ids[each.pick % ids.length]! : null;
          if (each.kind === 'add') insertTask(db, nextId++, `Task ${words[each.word]}`, each.status);
          else if (each.kind === 'purge') purgeDeletedTasks(db, Number.MAX_SAFE_INTEGER);
          else if (chosen === null) continue;
          else if (each.kind === 'status') db.prepare('UPDATE tasks SET status = ? WHERE id = ?').run(each.status, chosen);
          else if (each.kind === 'retitle') db.prepare('UPDATE tasks SET title = ? WHERE id = ?').run(`Task ${words[each.word]}`, chosen);
          else if (each.kind === 'bin') db.prepare('UPDATE tasks SET deleted_at = 1 WHERE id = ? AND deleted_at IS NULL').run(chosen);
          else if (each.kind === 'restore') db.prepare('UPDATE tasks SET deleted_at = NULL WHERE id = ?').run(chosen);
          else db.prepare('DELETE FROM tasks WHERE id = ?').run(chosen);
        }
        expect(everyIndexed(db)).toStrictEqual(openIds(db));
        for (const each of words) {
          const expected = db
            .prepare<[string], number>("SELECT id FROM tasks WHERE status != 'done' AND deleted_at IS NULL AND title = ? ORDER BY id")
            .pluck()
            .all(`Task ${each}`);
          expect(inOpenIndex(db, each), each).toStrictEqual(expected);
        }
        checkIndex(db);
      }),
      { numRuns: 150, seed: 17 },
    );
    db.close();
  });

  it('a search of open tasks finds an open task however old, counts only open matches, and leaves nothing out', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Firewall audit for the old branch and its three offices');
    insertDoneTasks(db, 2, RECENT_SEARCH_TASKS + 1, 'Firewall check');
    insertTask(db, RECENT_SEARCH_TASKS + 2, 'Firewall rule for the new office');
    insertTask(db, RECENT_SEARCH_TASKS + 3, 'Printer', 'open', 'mentions the firewall once in a longer note about toner');
    const page = search(db, 'firewall');
    expect(page.tasks.map((task) => task.id)).toStrictEqual([RECENT_SEARCH_TASKS + 2, 1, RECENT_SEARCH_TASKS + 3]);
    expect([page.total, page.totalCapped, page.next, page.olderLeftOut]).toStrictEqual([3, false, null, false]);
    expect([page.searchedFrom, page.further]).toStrictEqual([null, null]);
    // The task that is 50,000 ids older than the newest is found on its own words too.
    expect(search(db, 'old branch').tasks.map((task) => task.id)).toStrictEqual([1]);
    // The done ones are still found where done tasks are listed, through the newest tasks' window.
    const done = listTasks(db, { status: 'done', categoryId: null, limit: 5, search: 'firewall' }, TODAY);
    expect([done.tasks.length, done.totalCapped, done.olderLeftOut]).toStrictEqual([5, true, true]);
    db.close();
  });

  it('pages through open matches in the order of one page, and takes no cursor of another index', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    for (let id = 1; id <= 7; id += 1) insertTask(db, id, `Backup ${'job '.repeat(id)}`);
    insertDoneTasks(db, 8, 20, 'Backup');
    const whole = search(db, 'backup').tasks.map((task) => task.id);
    expect([...whole].sort((a, b) => a - b)).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const limit of [1, 2, 3, 6]) {
      const ids: number[] = [];
      let after: string | null = null;
      do {
        const next: ReturnType<typeof search> = search(db, 'backup', { limit, after });
        expect(next.total).toBe(7);
        ids.push(...next.tasks.map((task) => task.id));
        after = next.next;
      } while (after !== null);
      expect(ids, `pages of ${limit}`).toStrictEqual(whole);
    }
    expect(() => search(db, 'backup', { after: taskListCursor('relevance', -1, 1) })).toThrow(/page marker/);
    expect(() => listTasks(db, { status: 'all', categoryId: null, limit: 5, search: 'backup', after: taskListCursor('relevance-open', -1, 1) }, TODAY)).toThrow(/page marker/);
    db.close();
  });

  it('the filters still apply to an open-tasks search: a category lists and counts its own tasks only', () => {
    const db = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTask(db, 1, 'Patch the servers');
    insertTask(db, 2, 'Patch the laptops');
    db.prepare('UPDATE tasks SET category_id = 3 WHERE id = 2').run();
    expect(search(db, 'patch', { categoryId: 3 }).tasks.map((task) => task.id)).toStrictEqual([2]);
    expect(search(db, 'patch', { categoryId: 3 }).total).toBe(1);
    db.close();
  });
});
