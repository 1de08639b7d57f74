import type { SqliteDatabase } from '../db/connection';
import { RECENT_SEARCH_FROM_KEY, RECENT_SEARCH_TASKS } from '../db/migrations/016-recent-search';
import { getDerivedState, setDerivedState } from './derived-state';

/** The window's first id when its index was last compacted (absent: never, which is 1). */
const COMPACTED_FROM_KEY = 'searchRecentCompactedFrom';

/**
 * Pages of the newest tasks' index merged per step: on the 100-year bench file, whose window had
 * seen 450,000 tasks leave it (1,187 pages), 10 steps of 100 took 41 ms in all, the longest 9.8 ms.
 */
const MERGE_PAGES = 100;

const totalChanges = (db: SqliteDatabase) => db.prepare<[], number>('SELECT total_changes()').pluck().get()!;
const windowFrom = (db: SqliteDatabase, key: string) => Number(getDerivedState(db, key) ?? 1);

/** The first id of her newest tasks' search window (migration 016); every task below it is an older one. */
export const recentSearchFrom = (db: SqliteDatabase) => windowFrom(db, RECENT_SEARCH_FROM_KEY);

/**
 * Whether tasks have left the newest tasks' window (migration 016) since its index was last
 * compacted. Each one that left is a tombstone that every search reading its segment checks until
 * the segment is merged: on the 100-year bench file "firewall" ranked in 5.86 ms before the
 * compaction and 4.02 ms after, and "vpn* firm*" counted in 2.23 and 0.56 ms.
 */
export function recentSearchNeedsCompacting(db: SqliteDatabase): boolean {
  return recentSearchFrom(db) > windowFrom(db, COMPACTED_FROM_KEY);
}

/**
 * One step of compacting the newest tasks' index, in its own transaction: a negative 'merge'
 * treats every segment as one level (FTS5), so repeated steps end in one segment without one long
 * write. Returns whether the step found work (FTS5 says so by a total_changes() delta of 2 or
 * more); the step that finds none records the window it compacted.
 */
export function compactRecentSearchStep(db: SqliteDatabase): boolean {
  return db
    .transaction(() => {
      const before = totalChanges(db);
      db.prepare("INSERT INTO tasks_recent_fts (tasks_recent_fts, rank) VALUES ('merge', ?)").run(-MERGE_PAGES);
      const worked = totalChanges(db) - before >= 2;
      if (!worked) setDerivedState(db, COMPACTED_FROM_KEY, String(recentSearchFrom(db)));
      return worked;
    })
    .immediate();
}

/**
 * Her older tasks — every one below the newest tasks' window — are searched an era at a time, newest
 * era first, each era an FTS5 index of its own holding the tasks of ERA_TASKS consecutive ids
 * (era k: ids k·ERA_TASKS + 1 … (k + 1)·ERA_TASKS). A step back into the past ranks and counts the
 * matches of one era, so it costs what 50,000 tasks hold however many centuries lie behind them:
 * one index of every task (`tasks_fts`) made "vpn* firm*" cost 6.23 ms through the 450,072 older
 * tasks of the 100-year bench file, and the same through any 50,000 of them, as FTS5 expands a
 * prefix over the whole index before any rowid bound applies; through an era's own index it
 * cost 0.62–0.65 ms in each of the nine whole eras (a page, p50).
 *
 * The eras are derived data, kept by this module rather than by a migration: their number grows
 * with her history. `fillSearchEras` copies the tasks that have left the window into their eras
 * (on open and between calls, in steps, and before a search reads them), and creates an era's
 * index and its three triggers when the first of its tasks leaves the window. From then on the
 * triggers follow edits and deletes of the era's tasks that were copied (ids up to the filled mark
 * in `derived_state`), so a task is never in an era twice. A database whose mark is gone (a
 * restore forgets derived state) has its eras dropped and filled again.
 */
export const ERA_TASKS = RECENT_SEARCH_TASKS;

const ERAS_FILLED_KEY = 'searchErasFilledTo';

/** Older tasks copied into their eras per housekeeping step (backend.ts). */
export const ERA_FILL_STEP = 10_000;

/** The era a task id belongs to. */
const eraOf = (id: number) => Math.floor((id - 1) / ERA_TASKS);

/** An era's index (a name the export and restore treat as a full-text index: `tasks_fts…`). */
export const eraTable = (era: number) => `tasks_fts_era_${era}`;

export const eraFirstId = (era: number) => era * ERA_TASKS + 1;

/** The last id copied into the eras (every older task up to it is in its era); 0 when none was. */
const erasFilledTo = (db: SqliteDatabase) => Number(getDerivedState(db, ERAS_FILLED_KEY) ?? 0);

const FILLED_TO_SQL = `coalesce((SELECT CAST(value AS INTEGER) FROM derived_state WHERE key = '${ERAS_FILLED_KEY}'), 0)`;

function createEra(db: SqliteDatabase, era: number): void {
  const table = eraTable(era);
  const mine = (row: 'new' | 'old') => `${row}.id BETWEEN ${eraFirstId(era)} AND ${eraFirstId(era + 1) - 1} AND ${row}.id <= ${FILLED_TO_SQL}`;
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5 (
      title, notes, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER IF NOT EXISTS ${table}_insert AFTER INSERT ON tasks WHEN ${mine('new')} BEGIN
      INSERT INTO ${table} (rowid, title, notes) VALUES (new.id, new.title, new.notes);
    END;
    CREATE TRIGGER IF NOT EXISTS ${table}_delete AFTER DELETE ON tasks WHEN ${mine('old')} BEGIN
      DELETE FROM ${table} WHERE rowid = old.id;
    END;
    CREATE TRIGGER IF NOT EXISTS ${table}_update AFTER UPDATE OF title, notes ON tasks WHEN ${mine('old')} BEGIN
      DELETE FROM ${table} WHERE rowid = old.id;
      INSERT INTO ${table} (rowid, title, notes) VALUES (new.id, new.title, new.notes);
    END;
  `);
}

/** Every era index there is, by era. */
export function searchEras(db: SqliteDatabase): number[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'tasks_fts_era_[0-9]*'")
    .pluck()
    .all()
    .filter((name) => /^tasks_fts_era_\d+$/.test(name))
    .map((name) => Number(name.slice('tasks_fts_era_'.length)))
    .sort((a, b) => a - b);
}

function dropEras(db: SqliteDatabase): void {
  for (const era of searchEras(db)) {
    const table = eraTable(era);
    db.exec(`DROP TRIGGER IF EXISTS ${table}_insert; DROP TRIGGER IF EXISTS ${table}_delete; DROP TRIGGER IF EXISTS ${table}_update; DROP TABLE ${table};`);
  }
}

/** Whether some older task is not yet in its era. */
export function searchErasBehind(db: SqliteDatabase): boolean {
  return getDerivedState(db, ERAS_FILLED_KEY) === null ? searchEras(db).length > 0 || recentSearchFrom(db) > 1 : erasFilledTo(db) < recentSearchFrom(db) - 1;
}

/**
 * Copies up to `most` of the older tasks not yet in their eras (all when Infinity), oldest first,
 * in one IMMEDIATE transaction; returns whether any remain. On the 100-year bench file its 450,072
 * older tasks went into 10 eras (44,421,120 bytes of index) in 46 steps of 10,000: 1,223 ms in
 * all, a step 25.8 ms at p50 and 36.7 ms at the longest.
 */
export function fillSearchEras(db: SqliteDatabase, most = Infinity): boolean {
  if (!searchErasBehind(db)) return false;
  return db
    .transaction(() => {
      if (getDerivedState(db, ERAS_FILLED_KEY) === null) {
        dropEras(db);
        setDerivedState(db, ERAS_FILLED_KEY, '0');
      }
      const last = recentSearchFrom(db) - 1;
      let from = erasFilledTo(db) + 1;
      const to = Math.min(last, from - 1 + most);
      const copy = (table: string, first: number, upTo: number) =>
        db.prepare(`INSERT INTO ${table} (rowid, title, notes) SELECT id, title, notes FROM tasks WHERE id BETWEEN ? AND ?`).run(first, upTo);
      while (from <= to) {
        const era = eraOf(from);
        const upTo = Math.min(to, eraFirstId(era + 1) - 1);
        createEra(db, era);
        copy(eraTable(era), from, upTo);
        from = upTo + 1;
      }
      setDerivedState(db, ERAS_FILLED_KEY, String(to));
      return to < last;
    })
    .immediate();
}

/** The eras a search of her older tasks steps through, newest first (none while every task is in the window). */
export function olderEras(db: SqliteDatabase): number[] {
  const below = recentSearchFrom(db) - 1;
  if (below < 1) return [];
  return Array.from({ length: eraOf(below) + 1 }, (_, index) => eraOf(below) - index);
}
