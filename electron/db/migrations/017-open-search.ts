import type { Migration } from './migration';

/**
 * `tasks_open_fts`: a third full-text index, of her open tasks only (not done, not deleted), for
 * the searches that list open tasks: the Tasks screen's default view (Active) and the palette.
 * Through the newest tasks' index (migration 016) such a search joined every match of a word to its
 * task to drop the done ones: "firewall" was 9,986 matches of her newest 50,000 tasks, of which 60
 * are open (the bench's ten-year data, issue 13), and took 7.3-8.1 ms p50; here it ranks the open
 * ones only, in 0.42-0.75 ms. Every open task is in reach however old it is: there is no older
 * half to ask for.
 *
 * A task is in it while it is open: it enters when it is added open, reopened or restored, leaves
 * when it is done, deleted (to the bin or for good), and follows its title and notes while it is in.
 * Like `tasks_recent_fts` it holds no copy of the text (contentless, with deletes): the list joins
 * `tasks` by id.
 */

/** A row of `tasks` that is in the index: open, and not deleted. */
const OPEN_TASK = (row: 'new' | 'old' | 'tasks') => `${row}.status != 'done' AND ${row}.deleted_at IS NULL`;

const SQL = `
CREATE VIRTUAL TABLE tasks_open_fts USING fts5 (
  title, notes, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tasks_open_fts_insert AFTER INSERT ON tasks WHEN ${OPEN_TASK('new')} BEGIN
  INSERT INTO tasks_open_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
CREATE TRIGGER tasks_open_fts_delete AFTER DELETE ON tasks WHEN ${OPEN_TASK('old')} BEGIN
  DELETE FROM tasks_open_fts WHERE rowid = old.id;
END;
CREATE TRIGGER tasks_open_fts_update AFTER UPDATE OF id, title, notes, status, deleted_at ON tasks
WHEN (${OPEN_TASK('old')}) OR (${OPEN_TASK('new')}) BEGIN
  DELETE FROM tasks_open_fts WHERE rowid = old.id AND ${OPEN_TASK('old')};
  INSERT INTO tasks_open_fts (rowid, title, notes) SELECT new.id, new.title, new.notes WHERE ${OPEN_TASK('new')};
END;
`;

export const migration017OpenSearch: Migration = {
  version: 17,
  name: 'a search of open tasks ranks only open tasks',
  up(db) {
    db.exec(SQL);
    db.exec(`INSERT INTO tasks_open_fts (rowid, title, notes) SELECT id, title, notes FROM tasks WHERE ${OPEN_TASK('tasks')}`);
  },
};
