import type { Migration } from './migration';

/**
 * The task list reads one index per sort, in the list's own order, from the cursor on (keyset
 * pages, electron/repositories/tasks.ts): page 50 costs what page 1 does. Urgency and priority
 * order done tasks after active ones, so their order is a single text key that sorts ascending,
 * a generated column (computed from the row, never stored in it, so no task write changes):
 *
 * - urgency: active `0` + due day (undated `~`, after every day) + 3 − priority; done `1` + the
 *   completion instant counted down (newest first; none first) + the same due day and priority;
 * - priority: `0`/`1` (done) + 3 − priority + due day (undated last).
 *
 * Every list index also carries the columns the list filters on (category, owner, unplanned, due
 * day, status where the key does not say it, and the recurring series), so filtered-out tasks are
 * skipped in the index without reading rows, whose long notes sit before those columns.
 */
const FILTER_COLUMNS = 'category_id, owner, unplanned, due_day, series_id, occurrence_day';
const SQL = `
ALTER TABLE tasks ADD COLUMN urgency_key TEXT GENERATED ALWAYS AS (
  CASE WHEN status = 'done'
    THEN '1' || printf('%015d', CASE WHEN completed_at IS NULL THEN 0 ELSE 999999999999999 - completed_at END)
      || coalesce(due_day, '~') || (3 - priority)
    ELSE '0' || coalesce(due_day, '~') || (3 - priority) END) VIRTUAL;
ALTER TABLE tasks ADD COLUMN priority_key TEXT GENERATED ALWAYS AS (
  (status = 'done') || (3 - priority) || coalesce(due_day, '~')) VIRTUAL;
CREATE INDEX tasks_list_by_urgency ON tasks (urgency_key, id DESC, ${FILTER_COLUMNS}) WHERE deleted_at IS NULL;
CREATE INDEX tasks_list_by_category ON tasks (category_id, urgency_key, id DESC, owner, unplanned, due_day, series_id, occurrence_day)
  WHERE deleted_at IS NULL;
CREATE INDEX tasks_list_by_priority ON tasks (priority_key, id DESC, ${FILTER_COLUMNS}) WHERE deleted_at IS NULL;
CREATE INDEX tasks_list_by_newest ON tasks (created_at DESC, id DESC, status, ${FILTER_COLUMNS}) WHERE deleted_at IS NULL;
CREATE INDEX tasks_list_by_title ON tasks (title COLLATE NOCASE, id, status, ${FILTER_COLUMNS}) WHERE deleted_at IS NULL;
`;

export const migration011TaskListKeys: Migration = {
  version: 11,
  name: 'task list sort keys and one index per sort (keyset pages)',
  up(db) {
    db.exec(SQL);
  },
};
