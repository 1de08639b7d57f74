import type { Migration } from './migration';

/**
 * Measured by `npm run bench` on ten years of data (issue 13).
 *
 * The purge of deleted tasks that runs on every open read all 50,000 tasks twice to find none;
 * now it reads the deleted ones only. Purging a task cascades to its plan moves, which were found
 * by scanning them all.
 *
 * `monthly_rollup`: her and the MSP's time per calendar month, worker and category, kept from
 * `daily_rollup` by triggers in the same transaction, so Insights over years reads a few hundred
 * months instead of tens of thousands of days. It sums exactly the days the monthly charts summed
 * (`entries > 0`), and `days` counts them: a month whose days all lost their entries is removed,
 * as the grouped days left it out.
 *
 * `hour_month_rollup`: her hours per calendar month, category, weekday and hour, kept from
 * `hour_rollup` the same way, for the heatmap over years; a cell that comes back to 0 is removed
 * (the heatmap leaves out cells with no time).
 */
const SQL = `
CREATE INDEX tasks_deleted ON tasks (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX task_plan_moves_by_task ON task_plan_moves (task_id);

CREATE TABLE monthly_rollup (
  month          TEXT NOT NULL,
  worker         TEXT NOT NULL,
  category_id    INTEGER NOT NULL,
  days           INTEGER NOT NULL,
  ms             INTEGER NOT NULL,
  after_hours_ms INTEGER NOT NULL,
  unplanned_ms   INTEGER NOT NULL,
  PRIMARY KEY (month, worker, category_id)
) STRICT, WITHOUT ROWID;

INSERT INTO monthly_rollup (month, worker, category_id, days, ms, after_hours_ms, unplanned_ms)
SELECT substr(day, 1, 7), worker, category_id, count(*), sum(ms), sum(after_hours_ms), sum(unplanned_ms)
FROM daily_rollup WHERE entries > 0 GROUP BY 1, 2, 3;

CREATE TRIGGER daily_rollup_monthly_insert AFTER INSERT ON daily_rollup WHEN new.entries > 0 BEGIN
  INSERT INTO monthly_rollup (month, worker, category_id, days, ms, after_hours_ms, unplanned_ms)
  VALUES (substr(new.day, 1, 7), new.worker, new.category_id, 1, new.ms, new.after_hours_ms, new.unplanned_ms)
  ON CONFLICT (month, worker, category_id) DO UPDATE SET days = days + 1, ms = ms + excluded.ms,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms;
END;

CREATE TRIGGER daily_rollup_monthly_update AFTER UPDATE ON daily_rollup BEGIN
  UPDATE monthly_rollup SET days = days - 1, ms = ms - old.ms, after_hours_ms = after_hours_ms - old.after_hours_ms,
    unplanned_ms = unplanned_ms - old.unplanned_ms
  WHERE old.entries > 0 AND month = substr(old.day, 1, 7) AND worker = old.worker AND category_id = old.category_id;
  DELETE FROM monthly_rollup WHERE days = 0 AND month = substr(old.day, 1, 7) AND worker = old.worker AND category_id = old.category_id;
  INSERT INTO monthly_rollup (month, worker, category_id, days, ms, after_hours_ms, unplanned_ms)
  SELECT substr(new.day, 1, 7), new.worker, new.category_id, 1, new.ms, new.after_hours_ms, new.unplanned_ms WHERE new.entries > 0
  ON CONFLICT (month, worker, category_id) DO UPDATE SET days = days + 1, ms = ms + excluded.ms,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms;
END;

CREATE TRIGGER daily_rollup_monthly_delete AFTER DELETE ON daily_rollup WHEN old.entries > 0 BEGIN
  UPDATE monthly_rollup SET days = days - 1, ms = ms - old.ms, after_hours_ms = after_hours_ms - old.after_hours_ms,
    unplanned_ms = unplanned_ms - old.unplanned_ms
  WHERE month = substr(old.day, 1, 7) AND worker = old.worker AND category_id = old.category_id;
  DELETE FROM monthly_rollup WHERE days = 0 AND month = substr(old.day, 1, 7) AND worker = old.worker AND category_id = old.category_id;
END;

CREATE TABLE hour_month_rollup (
  month       TEXT NOT NULL,
  category_id INTEGER NOT NULL,
  weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  hour        INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  ms          INTEGER NOT NULL,
  PRIMARY KEY (month, category_id, weekday, hour)
) STRICT, WITHOUT ROWID;

INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
SELECT substr(day, 1, 7), category_id, CAST(strftime('%w', day) AS INTEGER), hour, sum(ms)
FROM hour_rollup GROUP BY 1, 2, 3, 4 HAVING sum(ms) != 0;

CREATE TRIGGER hour_rollup_monthly_insert AFTER INSERT ON hour_rollup WHEN new.ms != 0 BEGIN
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  VALUES (substr(new.day, 1, 7), new.category_id, CAST(strftime('%w', new.day) AS INTEGER), new.hour, new.ms)
  ON CONFLICT (month, category_id, weekday, hour) DO UPDATE SET ms = ms + excluded.ms;
END;

CREATE TRIGGER hour_rollup_monthly_update AFTER UPDATE ON hour_rollup BEGIN
  UPDATE hour_month_rollup SET ms = ms - old.ms
  WHERE month = substr(old.day, 1, 7) AND category_id = old.category_id AND weekday = CAST(strftime('%w', old.day) AS INTEGER) AND hour = old.hour;
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  VALUES (substr(new.day, 1, 7), new.category_id, CAST(strftime('%w', new.day) AS INTEGER), new.hour, new.ms)
  ON CONFLICT (month, category_id, weekday, hour) DO UPDATE SET ms = ms + excluded.ms;
  DELETE FROM hour_month_rollup
  WHERE month = substr(old.day, 1, 7) AND category_id = old.category_id AND weekday = CAST(strftime('%w', old.day) AS INTEGER) AND hour = old.hour AND ms = 0;
  DELETE FROM hour_month_rollup
  WHERE month = substr(new.day, 1, 7) AND category_id = new.category_id AND weekday = CAST(strftime('%w', new.day) AS INTEGER) AND hour = new.hour AND ms = 0;
END;

CREATE TRIGGER hour_rollup_monthly_delete AFTER DELETE ON hour_rollup BEGIN
  UPDATE hour_month_rollup SET ms = ms - old.ms
  WHERE month = substr(old.day, 1, 7) AND category_id = old.category_id AND weekday = CAST(strftime('%w', old.day) AS INTEGER) AND hour = old.hour;
  DELETE FROM hour_month_rollup
  WHERE month = substr(old.day, 1, 7) AND category_id = old.category_id AND weekday = CAST(strftime('%w', old.day) AS INTEGER) AND hour = old.hour AND ms = 0;
END;
`;

export const migration010OpenIndexes: Migration = {
  version: 10,
  name: 'indexes for the purge of deleted tasks on open; the monthly rollups',
  up(db) {
    db.exec(SQL);
  },
};
