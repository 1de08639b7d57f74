import type { Migration } from './migration';

/**
 * What Insights and the leadership report read without scanning entries or tasks:
 *
 * Her logged time by local day and hour, for the heatmap of where her hours sit (weekday × hour of
 * day) without scanning entries. Each of her finished entries carries its time split at local hour
 * boundaries (`hour_spread`, JSON `[[day, hour, ms], …]`, computed by the app in her zone, like
 * `start_day`); the triggers keep `hour_rollup` in step inside the writing transaction. Entries
 * from before this migration get their spread when the backend first opens the database (the
 * entry facts' basis changes with it).
 *
 * How the MSP responds: `tasks.msp_since` is when a task last became the MSP's, `responded_at`
 * when its status first left "open" (started, waiting or done) — set by triggers, so every path
 * that changes an owner or a status records them. Older tasks: the MSP's open ones count from
 * their last change, done ones responded when they were completed.
 */
const SQL = `
ALTER TABLE time_entries ADD COLUMN hour_spread TEXT NOT NULL DEFAULT '[]';

CREATE TABLE hour_rollup (
  category_id INTEGER NOT NULL,
  day         TEXT NOT NULL,
  hour        INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  ms          INTEGER NOT NULL,
  PRIMARY KEY (day, hour, category_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER time_entries_hours_insert AFTER INSERT ON time_entries WHEN new.worker = 'me' AND new.end_at IS NOT NULL BEGIN
  INSERT INTO hour_rollup (category_id, day, hour, ms)
  SELECT new.category_id, value ->> 0, value ->> 1, value ->> 2 FROM json_each(new.hour_spread) WHERE true
  ON CONFLICT (day, hour, category_id) DO UPDATE SET ms = ms + excluded.ms;
END;

CREATE TRIGGER time_entries_hours_delete AFTER DELETE ON time_entries WHEN old.worker = 'me' AND old.end_at IS NOT NULL BEGIN
  UPDATE hour_rollup SET ms = ms - (
    SELECT sum(value ->> 2) FROM json_each(old.hour_spread) WHERE value ->> 0 = hour_rollup.day AND value ->> 1 = hour_rollup.hour)
  WHERE category_id = old.category_id AND (day, hour) IN (SELECT value ->> 0, value ->> 1 FROM json_each(old.hour_spread));
END;

CREATE TRIGGER time_entries_hours_update AFTER UPDATE OF worker, category_id, start_at, end_at, hour_spread ON time_entries BEGIN
  UPDATE hour_rollup SET ms = ms - (
    SELECT sum(value ->> 2) FROM json_each(old.hour_spread) WHERE value ->> 0 = hour_rollup.day AND value ->> 1 = hour_rollup.hour)
  WHERE old.worker = 'me' AND old.end_at IS NOT NULL AND category_id = old.category_id
    AND (day, hour) IN (SELECT value ->> 0, value ->> 1 FROM json_each(old.hour_spread));
  INSERT INTO hour_rollup (category_id, day, hour, ms)
  SELECT new.category_id, value ->> 0, value ->> 1, value ->> 2 FROM json_each(new.hour_spread)
  WHERE new.worker = 'me' AND new.end_at IS NOT NULL
  ON CONFLICT (day, hour, category_id) DO UPDATE SET ms = ms + excluded.ms;
END;

ALTER TABLE tasks ADD COLUMN msp_since INTEGER;
ALTER TABLE tasks ADD COLUMN responded_at INTEGER;
UPDATE tasks SET msp_since = updated_at WHERE owner = 'msp';
UPDATE tasks SET responded_at = coalesce(completed_at, updated_at) WHERE status != 'open';

CREATE TRIGGER tasks_msp_since_insert AFTER INSERT ON tasks WHEN new.owner = 'msp' BEGIN
  UPDATE tasks SET msp_since = new.created_at WHERE id = new.id;
END;
CREATE TRIGGER tasks_msp_since_update AFTER UPDATE OF owner ON tasks WHEN new.owner = 'msp' AND old.owner != 'msp' BEGIN
  UPDATE tasks SET msp_since = new.updated_at WHERE id = new.id;
END;
CREATE TRIGGER tasks_responded AFTER UPDATE OF status ON tasks
WHEN old.status = 'open' AND new.status != 'open' AND new.responded_at IS NULL BEGIN
  UPDATE tasks SET responded_at = new.updated_at WHERE id = new.id;
END;

-- The MSP's throughput: its tasks completed in a period.
CREATE INDEX tasks_done_by_owner ON tasks (owner, completed_at) WHERE deleted_at IS NULL AND status = 'done';
`;

export const migration007HourRollup: Migration = {
  version: 7,
  name: 'her time by local day and hour; when the MSP took and answered each task',
  up(db) {
    db.exec(SQL);
  },
};
