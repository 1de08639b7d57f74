import type { Migration } from './migration';

/**
 * `time_entries_by_category (category_id, start_day, worker)` came with the first schema, before the
 * rollups: every per-category figure now reads `daily_rollup` (or the weekly and monthly rollups),
 * and no statement reads time entries by category (EXPLAIN QUERY PLAN of every screen's call in
 * `npm run bench`). Categories are archived, never deleted, so no foreign-key check needs it either.
 * It cost every entry written another index entry: an import of 100,000 rows one more random
 * insert per row.
 */
const SQL = `DROP INDEX time_entries_by_category;`;

export const migration015DropEntriesByCategory: Migration = {
  version: 15,
  name: 'time entries are no longer indexed by category',
  up(db) {
    db.exec(SQL);
  },
};
