import type { SqliteDatabase } from '../db/connection';
import { RECENT_SEARCH_FROM_KEY } from '../db/migrations/016-recent-search';
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
