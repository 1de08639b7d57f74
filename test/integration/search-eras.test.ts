import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../electron/db/connection';
import { RECENT_SEARCH_TASKS } from '../../electron/db/migrations/016-recent-search';
import { ERA_TASKS, eraTable, fillSearchEras, olderEras, recentSearchFrom, searchEras, searchErasBehind } from '../../electron/repositories/search-index';
import { listCallWrites, listTasks, taskListCursor, type TaskListFilter } from '../../electron/repositories/tasks';
import { searchThrough } from '../support/search-pages';
import { openTestBackend, tempDir } from '../support/temp-backend';
import { jobOutcome, uploadFixture } from '../support/uploads';

const TODAY = '2026-11-16';
const S = ERA_TASKS;

/** Tasks `first`…`last`, titled "Task <id>", each added at the instant of its id (ms). */
function insertTasks(db: SqliteDatabase, first: number, last: number): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (id, title, created_at, updated_at) SELECT i, 'Task ' || i, i, i FROM n`,
  ).run(first, last);
}

const retitle = (db: SqliteDatabase, id: number, title: string) => db.prepare('UPDATE tasks SET title = ? WHERE id = ?').run(title, id);

/** The ids an era's index holds, lowest first (its docsize table has a row per document). */
const inEra = (db: SqliteDatabase, era: number) => db.prepare<[], number>(`SELECT id FROM ${eraTable(era)}_docsize ORDER BY id`).pluck().all();

/** The ids an era's index finds for a word. */
const eraFinds = (db: SqliteDatabase, era: number, word: string) =>
  db.prepare<[string], number>(`SELECT rowid FROM ${eraTable(era)} WHERE ${eraTable(era)} MATCH ? ORDER BY rowid`).pluck().all(word);

const checkEras = (db: SqliteDatabase) => {
  for (const era of searchEras(db)) db.prepare(`INSERT INTO ${eraTable(era)} (${eraTable(era)}) VALUES ('integrity-check')`).run();
};

/** Every older task is in the era of its id and in no other; no era holds a task of the window or a gone one. */
function expectErasExact(db: SqliteDatabase): void {
  const from = recentSearchFrom(db);
  const older = db.prepare<[number], number>('SELECT id FROM tasks WHERE id < ? ORDER BY id').pluck().all(from);
  const held = searchEras(db).flatMap((era) => inEra(db, era).map((id) => [era, id] as const));
  expect(held.every(([era, id]) => Math.floor((id - 1) / S) === era)).toBe(true);
  expect(held.map(([, id]) => id)).toStrictEqual(older);
  checkEras(db);
}

const search = (db: SqliteDatabase, text: string, extra: Partial<TaskListFilter> = {}) =>
  listTasks(db, { status: 'all', categoryId: null, limit: 100, search: text, ...extra }, TODAY);

const through = (db: SqliteDatabase, text: string, extra: Partial<TaskListFilter> = {}) =>
  searchThrough(db, { status: 'all', categoryId: null, limit: 100, search: text, ...extra }, TODAY);

let template: string | null = null;

/**
 * Three eras below the window: two whole (ids 1…2S) and one of ten tasks (2S + 1 … 2S + 10), no
 * era filled yet, and a firewall task in each and in the window. Built once, copied for each test.
 */
function threeEras(): SqliteDatabase {
  if (template === null) {
    template = path.join(tempDir(), 'offload.db');
    const db = openDatabase(template);
    // The window's tasks first, then the older ones below it: no task has to leave the window (fast).
    db.transaction(() => {
      insertTasks(db, 2 * S + 11, 3 * S + 10);
      insertTasks(db, 1, 2 * S + 10);
    })();
    for (const id of [5, S + 5, 2 * S + 5, 3 * S + 5]) retitle(db, id, `Firewall ${id}`);
    db.close();
  }
  const copy = path.join(tempDir(), 'offload.db');
  fs.copyFileSync(template, copy);
  return openDatabase(copy);
}

/** A data folder whose file holds tasks 1…S + 2,000 (2,000 below the window, no era filled), task 5 titled "Firewall 5". */
function folderOfTasks(): string {
  const dataDir = tempDir();
  const seeded = openDatabase(path.join(dataDir, 'offload.db'));
  seeded.transaction(() => insertTasks(seeded, 1, S + 2_000))();
  retitle(seeded, 5, 'Firewall 5');
  seeded.close();
  return dataDir;
}

describe('her older tasks are searched an era of 50,000 at a time', () => {
  it('each era holds the older tasks of its 50,000 ids, and a search steps back an era at a time, newest first, counting on', () => {
    expect(S).toBe(RECENT_SEARCH_TASKS);
    const db = threeEras();
    expect(olderEras(db)).toStrictEqual([2, 1, 0]);
    expect(searchErasBehind(db)).toBe(true);
    const pages: ReturnType<typeof search>[] = [search(db, 'firewall')];
    while (pages.at(-1)!.further !== null) pages.push(search(db, 'firewall', { after: pages.at(-1)!.further }));
    expect(pages.map((page) => page.tasks.map((task) => task.id))).toStrictEqual([[3 * S + 5], [2 * S + 5], [S + 5], [5]]);
    expect(pages.map((page) => page.total)).toStrictEqual([1, 2, 3, 4]);
    expect(pages.map((page) => page.olderLeftOut)).toStrictEqual([true, true, true, false]);
    // How far back each step has looked: the first task of the window, then of each era; at the first task, nothing is left.
    expect(pages.map((page) => page.searchedFrom)).toStrictEqual([2 * S + 11, 2 * S + 1, S + 1, null]);
    expect(searchErasBehind(db)).toBe(false);
    expect(searchEras(db)).toStrictEqual([0, 1, 2]);
    expect([inEra(db, 0).length, inEra(db, 1).length, inEra(db, 2).length]).toStrictEqual([S, S, 10]);
    expectErasExact(db);
    db.close();
  });

  it('a step back pages through its era like the first pages, and a word with no match in an era gives an empty page that still steps on', () => {
    const db = threeEras();
    for (let id = S + 100; id < S + 350; id += 1) retitle(db, id, `Backup ${'job '.repeat(id % 5)}${id}`);
    for (let id = 3 * S - 100; id < 3 * S - 97; id += 1) retitle(db, id, `Backup ${id}`);
    const byHundred = through(db, 'backup');
    expect(byHundred.ids).toHaveLength(253);
    expect(new Set(byHundred.ids).size).toBe(253);
    expect(byHundred.ids.slice(0, 3)).toStrictEqual([3 * S - 100, 3 * S - 99, 3 * S - 98]);
    expect(byHundred.steps).toBe(3);
    // Era 2 holds no backup: its step is an empty page that counts on and offers the next.
    const eraTwo = byHundred.pages[1]!;
    expect([eraTwo.tasks, eraTwo.total, eraTwo.next, eraTwo.further === null]).toStrictEqual([[], 3, null, false]);
    for (const limit of [1, 7, 64]) expect(through(db, 'backup', { limit }).ids, `pages of ${limit}`).toStrictEqual(byHundred.ids);
    expect(byHundred.pages.at(-1)!.total).toBe(253);
    db.close();
  });

  it('counts stop at the cap: past 1,000 matches a step back lists its matches without counting them', () => {
    const db = threeEras();
    db.prepare("UPDATE tasks SET title = 'Patch ' || id WHERE id % 40 = 0").run();
    const all = through(db, 'patch');
    expect(all.ids).toHaveLength(Math.floor((3 * S + 10) / 40));
    expect(all.pages.filter((page) => page.next === null).map((page) => [page.total, page.totalCapped])).toStrictEqual([
      [1000, true],
      [1000, true],
      [1000, true],
      [1000, true],
    ]);
    db.close();
  });

  it('edits, deletes and re-inserts of older tasks follow them in their eras', () => {
    const db = threeEras();
    fillSearchEras(db);
    retitle(db, 7, 'Scanner driver');
    db.prepare("UPDATE tasks SET notes = 'scanner cable' WHERE id = ?").run(S + 7);
    db.prepare('DELETE FROM tasks WHERE id = ?').run(5);
    db.prepare("DELETE FROM tasks WHERE id = ? RETURNING id").get(2 * S + 5);
    db.prepare("INSERT INTO tasks (id, title, created_at, updated_at) VALUES (?, 'Firewall again', 1, 1)").run(2 * S + 5);
    expect(eraFinds(db, 0, 'scanner')).toStrictEqual([7]);
    expect(eraFinds(db, 0, 'task')).not.toContain(7);
    expect(eraFinds(db, 1, 'scanner')).toStrictEqual([S + 7]);
    expect(eraFinds(db, 0, 'firewall')).toStrictEqual([]);
    expect(eraFinds(db, 2, 'again')).toStrictEqual([2 * S + 5]);
    expect(through(db, 'scanner').ids).toStrictEqual([S + 7, 7]);
    expect(through(db, 'firewall').ids).toStrictEqual([3 * S + 5, 2 * S + 5, S + 5]);
    expectErasExact(db);
    db.close();
  });

  it('tasks that leave the window wait for their era with the words they have when it is filled', () => {
    const db = threeEras();
    fillSearchEras(db);
    const from = recentSearchFrom(db);
    // Three new tasks: the window's three oldest leave it, into era 2; one of them is edited before it goes in.
    insertTasks(db, 3 * S + 11, 3 * S + 13);
    expect(recentSearchFrom(db)).toBe(from + 3);
    expect(searchErasBehind(db)).toBe(true);
    retitle(db, from + 1, 'Router reboot');
    expect(eraFinds(db, 2, 'router')).toStrictEqual([]);
    // The step back fills what it is about to read.
    const page = search(db, 'router');
    expect([page.tasks, page.total]).toStrictEqual([[], 0]);
    expect(search(db, 'router', { after: page.further }).tasks.map((task) => task.id)).toStrictEqual([from + 1]);
    expect(searchErasBehind(db)).toBe(false);
    expect(inEra(db, 2)).toHaveLength(13);
    expectErasExact(db);
    db.close();
  });

  it('filling in steps gives the eras one fill gives, and says when it is done', () => {
    const stepped = threeEras();
    const whole = threeEras();
    let steps = 0;
    while (fillSearchEras(stepped, 7_000)) steps += 1;
    expect(fillSearchEras(whole)).toBe(false);
    expect(steps).toBe(Math.ceil((2 * S + 10) / 7_000) - 1);
    expect(searchErasBehind(stepped)).toBe(false);
    for (const era of [0, 1, 2]) expect(inEra(stepped, era), `era ${era}`).toStrictEqual(inEra(whole, era));
    expect(through(stepped, 'firewall').ids).toStrictEqual(through(whole, 'firewall').ids);
    expectErasExact(stepped);
    stepped.close();
    whole.close();
  });

  it('a database whose filled mark is gone (a restore forgets derived state) has its eras dropped and filled again', () => {
    const db = threeEras();
    fillSearchEras(db);
    db.prepare("DELETE FROM derived_state WHERE key = 'searchErasFilledTo'").run();
    // Left alone, the eras would miss this edit: their triggers follow only what the mark says was copied.
    retitle(db, 9, 'Laptop image');
    expect(searchErasBehind(db)).toBe(true);
    expect(fillSearchEras(db)).toBe(false);
    expect(eraFinds(db, 0, 'laptop')).toStrictEqual([9]);
    expect(searchEras(db)).toStrictEqual([0, 1, 2]);
    expectErasExact(db);
    // No task older than the window: no era, and nothing behind.
    const small = openDatabase(path.join(tempDir(), 'offload.db'));
    insertTasks(small, 1, 20);
    expect([searchErasBehind(small), fillSearchEras(small), searchEras(small), olderEras(small)]).toStrictEqual([false, false, [], []]);
    small.close();
    db.close();
  });

  it('refuses a damaged marker into the older tasks', () => {
    const db = threeEras();
    const marker = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const parts of [
      ['relevance-older', null, 0, -1, 0],
      ['relevance-older', null, 0, 1.5, 0],
      ['relevance-older', null, 0, 1, -3],
      ['relevance-older', null, 0, 1, '2'],
      ['relevance', null, 0, 1, 0],
      ['relevance-older', null, 0, 3, 0],
      ['relevance-older', null, 0],
    ]) {
      expect(() => search(db, 'firewall', { after: marker(parts) }), JSON.stringify(parts)).toThrow(/page marker/);
    }
    // An open-tasks search has one index: no marker of the older ones.
    expect(() => search(db, 'firewall', { status: 'active', after: marker(['relevance-older', null, 0, 1, 0]) })).toThrow(/page marker/);
    // Nor does a list without a search.
    expect(() => listTasks(db, { status: 'all', categoryId: null, limit: 5, after: marker(['relevance-older', null, 0, 1, 0]) }, TODAY)).toThrow(/page marker/);
    expect(() => search(db, 'firewall', { after: taskListCursor('urgency', 'x', 1) })).toThrow(/page marker/);
    db.close();
  });

  it('the backend fills the eras on open, between calls', async () => {
    const app = openTestBackend(folderOfTasks());
    expect(searchErasBehind(app.backend.db!)).toBe(true);
    await app.backend.settled();
    expect(searchErasBehind(app.backend.db!)).toBe(false);
    expect(inEra(app.backend.db!, 0)).toHaveLength(2_000);
    app.close();
  });

  it('a step back writes exactly when it has eras to fill first', () => {
    const db = threeEras();
    const first = search(db, 'firewall');
    expect(first.further).not.toBeNull();
    const step = { status: 'all', search: 'firewall', after: first.further };
    expect(listCallWrites(db, step)).toBe(true);
    expect(listCallWrites(db, { status: 'all', search: 'firewall' })).toBe(false);
    expect(listCallWrites(db, { status: 'all', after: taskListCursor('urgency', 'x', 1) })).toBe(false);
    for (const odd of [null, 7, 'text', [], { after: 12 }, { after: 'not a marker' }]) expect(listCallWrites(db, odd), JSON.stringify(odd)).toBe(false);
    fillSearchEras(db);
    expect(listCallWrites(db, step)).toBe(false);
    db.close();
  });

  it('a step back made while an import holds the database waits for the import, then fills the eras and finds the older match', async () => {
    const app = openTestBackend(folderOfTasks());
    await app.backend.settled();
    // Three tasks added since the open push three out of the window: the eras are behind again.
    const db = app.backend.db!;
    db.transaction(() => insertTasks(db, S + 2_001, S + 2_003))();
    expect(searchErasBehind(db)).toBe(true);
    const tasks = () => db.prepare('SELECT count(*) FROM tasks').pluck().get();
    const first = await app.call('tasks:list', { status: 'all', search: 'firewall' });
    expect(first.tasks).toStrictEqual([]);

    const uploadId = await uploadFixture(app, 'generic-tasks.csv');
    const { job } = await app.call('import:apply', { uploadId, kind: 'tasks' });
    const finished = jobOutcome(app, job);
    const step = await app.call('tasks:list', { status: 'all', search: 'firewall', after: first.further });
    // Had the step filled the eras at once, it would have met the import's write lock (and, for a
    // long import, SQLite's busy error): it ran after the import's five tasks were committed.
    expect(tasks()).toBe(S + 2_003 + 5);
    expect(step.tasks.map((task) => task.id)).toStrictEqual([5]);
    expect(searchErasBehind(db)).toBe(false);
    expect((await finished).outcome).toBe('done');
    app.close();
  });
});
