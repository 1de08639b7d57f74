import type { Migration } from './migration';

/**
 * What the week plan, time off and the workload figures need from the stored data:
 *
 * - `time_entries.unplanned`: an entry marked unplanned itself (the brief's "or entries marked
 *   unplanned themselves"); `after_hours_ms`: the part of her entry outside the working window of
 *   a working day, or on a non-working day or a day off. It depends on her zone, working days,
 *   window and time off, so the app computes it (electron/services/after-hours.ts) and keeps it
 *   current when any of those change; `derived_state.afterHoursBasis` records what it was computed
 *   for. Until the backend first fills it, the basis is empty.
 * - `daily_rollup.after_hours_ms` and `unplanned_ms`, kept in step by the triggers below inside the
 *   writing transaction, like `ms`. An entry's time is unplanned when the entry or its task is
 *   marked unplanned; marking a task unplanned later moves its entries' time with it.
 * - `task_plan_moves`: every time a planned day is postponed or cleared, so "what slipped" last
 *   week can be told after she has re-planned it.
 * - `time_off`: undoable delete, and its last change.
 */
const UNPLANNED_MS = (row: 'new' | 'old') =>
  `CASE WHEN ${row}.unplanned = 1 OR coalesce((SELECT unplanned FROM tasks WHERE id = ${row}.task_id), 0) = 1
     THEN ${row}.end_at - ${row}.start_at ELSE 0 END`;

const SQL = `
ALTER TABLE time_entries ADD COLUMN unplanned INTEGER NOT NULL DEFAULT 0 CHECK (unplanned IN (0, 1));
ALTER TABLE time_entries ADD COLUMN after_hours_ms INTEGER NOT NULL DEFAULT 0 CHECK (after_hours_ms >= 0);
ALTER TABLE daily_rollup ADD COLUMN after_hours_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_rollup ADD COLUMN unplanned_ms INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER time_entries_rollup_insert;
DROP TRIGGER time_entries_rollup_delete;
DROP TRIGGER time_entries_rollup_update;

CREATE TRIGGER time_entries_rollup_insert AFTER INSERT ON time_entries WHEN new.end_at IS NOT NULL BEGIN
  INSERT INTO daily_rollup (worker, category_id, day, ms, entries, after_hours_ms, unplanned_ms)
  VALUES (new.worker, new.category_id, new.start_day, new.end_at - new.start_at, 1, new.after_hours_ms, ${UNPLANNED_MS('new')})
  ON CONFLICT (worker, category_id, day) DO UPDATE SET
    ms = ms + excluded.ms, entries = entries + 1,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms;
END;

CREATE TRIGGER time_entries_rollup_delete AFTER DELETE ON time_entries WHEN old.end_at IS NOT NULL BEGIN
  UPDATE daily_rollup SET ms = ms - (old.end_at - old.start_at), entries = entries - 1,
    after_hours_ms = after_hours_ms - old.after_hours_ms, unplanned_ms = unplanned_ms - (${UNPLANNED_MS('old')})
  WHERE worker = old.worker AND category_id = old.category_id AND day = old.start_day;
END;

CREATE TRIGGER time_entries_rollup_update
AFTER UPDATE OF worker, category_id, task_id, start_at, end_at, start_day, unplanned, after_hours_ms ON time_entries BEGIN
  UPDATE daily_rollup SET ms = ms - (old.end_at - old.start_at), entries = entries - 1,
    after_hours_ms = after_hours_ms - old.after_hours_ms, unplanned_ms = unplanned_ms - (${UNPLANNED_MS('old')})
  WHERE old.end_at IS NOT NULL AND worker = old.worker AND category_id = old.category_id AND day = old.start_day;
  INSERT INTO daily_rollup (worker, category_id, day, ms, entries, after_hours_ms, unplanned_ms)
  SELECT new.worker, new.category_id, new.start_day, new.end_at - new.start_at, 1, new.after_hours_ms, ${UNPLANNED_MS('new')}
  WHERE new.end_at IS NOT NULL
  ON CONFLICT (worker, category_id, day) DO UPDATE SET
    ms = ms + excluded.ms, entries = entries + 1,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms;
END;

-- A task marked (or unmarked) unplanned moves the time of its entries that are not unplanned themselves.
CREATE TRIGGER tasks_unplanned_rollup AFTER UPDATE OF unplanned ON tasks WHEN old.unplanned != new.unplanned BEGIN
  UPDATE daily_rollup SET unplanned_ms = unplanned_ms + (CASE WHEN new.unplanned = 1 THEN 1 ELSE -1 END) * (
    SELECT coalesce(sum(e.end_at - e.start_at), 0) FROM time_entries AS e
    WHERE e.task_id = new.id AND e.end_at IS NOT NULL AND e.unplanned = 0
      AND e.worker = daily_rollup.worker AND e.category_id = daily_rollup.category_id AND e.start_day = daily_rollup.day)
  WHERE (worker, category_id, day) IN (
    SELECT worker, category_id, start_day FROM time_entries WHERE task_id = new.id AND end_at IS NOT NULL AND unplanned = 0);
END;

UPDATE daily_rollup SET unplanned_ms = (
  SELECT coalesce(sum(e.end_at - e.start_at), 0) FROM time_entries AS e LEFT JOIN tasks AS t ON t.id = e.task_id
  WHERE e.end_at IS NOT NULL AND t.unplanned = 1
    AND e.worker = daily_rollup.worker AND e.category_id = daily_rollup.category_id AND e.start_day = daily_rollup.day);

CREATE TABLE task_plan_moves (
  id        INTEGER PRIMARY KEY,
  task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  from_day  TEXT NOT NULL,
  to_day    TEXT,
  moved_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX task_plan_moves_by_day ON task_plan_moves (from_day);

CREATE TRIGGER tasks_plan_postponed AFTER UPDATE OF planned_day ON tasks
WHEN old.planned_day IS NOT NULL AND (new.planned_day IS NULL OR new.planned_day > old.planned_day) BEGIN
  INSERT INTO task_plan_moves (task_id, from_day, to_day, moved_at) VALUES (new.id, old.planned_day, new.planned_day, new.updated_at);
END;

-- Her open tasks with no planned day: the week plan's backlog, by priority and due day.
CREATE INDEX tasks_backlog ON tasks (owner, priority DESC, due_day) WHERE deleted_at IS NULL AND status != 'done' AND planned_day IS NULL;

ALTER TABLE time_off ADD COLUMN deleted_at INTEGER;
ALTER TABLE time_off ADD COLUMN updated_at INTEGER;
UPDATE time_off SET updated_at = created_at;

CREATE TABLE derived_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

export const migration006WorkloadFacts: Migration = {
  version: 6,
  name: 'after-hours and unplanned time in the rollup; plan moves; undoable time off',
  up(db) {
    db.exec(SQL);
  },
};
