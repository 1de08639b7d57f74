import type { Migration } from './migration';

/**
 * `tasks_fts`, the first full-text index (migration 001, every task's title and notes), goes with
 * its three triggers. Since the eras (electron/repositories/search-index.ts) no search reads it:
 * her newest tasks are searched in `tasks_recent_fts` (016), her open ones in `tasks_open_fts` (017)
 * and her older ones an era of 50,000 at a time, in indexes the backend fills from `tasks` itself.
 * Yet every task added, edited or deleted still wrote to it, and a restore rebuilt it: one FTS5
 * write of the title and notes per task, and, at a hundred years, an index of 500,000 tasks kept for
 * nothing. Nothing is lost: every index left is derived from `tasks`.
 */
export const migration018DropEveryTaskSearch: Migration = {
  version: 18,
  name: 'the index of every task, which no search reads, is dropped',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS tasks_fts_insert;
      DROP TRIGGER IF EXISTS tasks_fts_delete;
      DROP TRIGGER IF EXISTS tasks_fts_update;
      DROP TABLE IF EXISTS tasks_fts;
    `);
  },
};
