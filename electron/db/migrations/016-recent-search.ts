import { RECENT_SEARCH_TASKS } from '../../../shared/domain/types';
import type { Migration } from './migration';

/**
 * `tasks_recent_fts`: a second full-text index, of her newest RECENT_SEARCH_TASKS tasks only, so a
 * search ranks (bm25) what a common word matches among them and not among every task she ever had.
 * FTS5 scores every match before it knows the best page: "firewall" in 100 years of tasks was
 * 100,000 matches and 45.7 ms, against 4.5 ms at ten years (`npm run bench --scale 10`, issue 13).
 * A search lists the best matches of this window first, then the best of the older tasks
 * (`tasks_fts`, which still holds every task), so nothing is ever out of reach.
 *
 * The window is every task whose id is at least the one in `derived_state` (RECENT_SEARCH_FROM_KEY,
 * 1 when absent). It moves with each new task: the tasks more than RECENT_SEARCH_TASKS ids older
 * leave it in the same statement. Edits and deletes of tasks in it follow them, like `tasks_fts`'s.
 * The index holds no copy of the text (contentless, with deletes): the list joins `tasks` by id.
 */
export { RECENT_SEARCH_TASKS };
export const RECENT_SEARCH_FROM_KEY = 'searchRecentFrom';

/** The first task id of the window, in SQL. */
export const RECENT_SEARCH_FROM = `coalesce((SELECT CAST(value AS INTEGER) FROM derived_state WHERE key = '${RECENT_SEARCH_FROM_KEY}'), 1)`;

const SQL = `
CREATE VIRTUAL TABLE tasks_recent_fts USING fts5 (
  title, notes, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tasks_recent_fts_insert AFTER INSERT ON tasks BEGIN
  DELETE FROM tasks_recent_fts WHERE rowid IN (
    SELECT id FROM tasks WHERE id >= ${RECENT_SEARCH_FROM} AND id <= new.id - ${RECENT_SEARCH_TASKS}
  );
  INSERT INTO derived_state (key, value)
    SELECT '${RECENT_SEARCH_FROM_KEY}', CAST(new.id - ${RECENT_SEARCH_TASKS} + 1 AS TEXT)
    WHERE new.id - ${RECENT_SEARCH_TASKS} + 1 > ${RECENT_SEARCH_FROM}
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  INSERT INTO tasks_recent_fts (rowid, title, notes) SELECT new.id, new.title, new.notes WHERE new.id >= ${RECENT_SEARCH_FROM};
END;
CREATE TRIGGER tasks_recent_fts_delete AFTER DELETE ON tasks WHEN old.id >= ${RECENT_SEARCH_FROM} BEGIN
  DELETE FROM tasks_recent_fts WHERE rowid = old.id;
END;
CREATE TRIGGER tasks_recent_fts_update AFTER UPDATE OF title, notes ON tasks WHEN old.id >= ${RECENT_SEARCH_FROM} BEGIN
  DELETE FROM tasks_recent_fts WHERE rowid = old.id;
  INSERT INTO tasks_recent_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
`;

export const migration016RecentSearch: Migration = {
  version: 16,
  name: 'a search ranks the newest tasks first',
  up(db) {
    db.exec(SQL);
    const { newest } = db.prepare<[], { newest: number | null }>('SELECT max(id) AS newest FROM tasks').get()!;
    const from = Math.max(1, (newest ?? 0) - RECENT_SEARCH_TASKS + 1);
    // Absent means 1, as after a restore (which forgets derived state and fills the window anew).
    if (from > 1) db.prepare('INSERT INTO derived_state (key, value) VALUES (?, ?)').run(RECENT_SEARCH_FROM_KEY, String(from));
    db.prepare('INSERT INTO tasks_recent_fts (rowid, title, notes) SELECT id, title, notes FROM tasks WHERE id >= ?').run(from);
  },
};
