import type { Migration } from './migration';

/**
 * `weekly_rollup`: her and the MSP's time per week, worker and category, kept from `daily_rollup`
 * by triggers in the same transaction, so the weekly workload of a year reads about 950 rows
 * instead of about 6,600 days (measured by `npm run bench`, issue 13).
 *
 * A week is named by its first day, and which weekday that is is her setting: the rollup is built
 * for the week start in `derived_state` (WEEK_START_KEY), which the triggers read. When her setting
 * differs, `keepWeeklyRollupCurrent` (repositories/weekly-rollup.ts) rebuilds the table for it, and
 * until it has, the workload is summed from the days, never from a rollup of other weeks.
 *
 * `entries` is the sum of the days' entries: a week whose days all lost their entries is removed,
 * as the grouped days left it out (`entries > 0`).
 */
export const WEEK_START_KEY = 'weeklyRollupWeekStart';

/** The first day of the week (by the week start the rollup is built for) that holds `day`. */
export const weekOf = (day: string) =>
  `date(${day}, '-6 days', 'weekday ' || coalesce((SELECT value FROM derived_state WHERE key = '${WEEK_START_KEY}'), '1'))`;

const ADD = `ON CONFLICT (week, worker, category_id) DO UPDATE SET entries = entries + excluded.entries, ms = ms + excluded.ms,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms`;

const SUBTRACT_OLD = `UPDATE weekly_rollup SET entries = entries - old.entries, ms = ms - old.ms,
    after_hours_ms = after_hours_ms - old.after_hours_ms, unplanned_ms = unplanned_ms - old.unplanned_ms
  WHERE week = ${weekOf('old.day')} AND worker = old.worker AND category_id = old.category_id`;

const REMOVE_EMPTY = (row: 'old' | 'new') =>
  `DELETE FROM weekly_rollup WHERE week = ${weekOf(`${row}.day`)} AND worker = ${row}.worker AND category_id = ${row}.category_id AND entries = 0`;

const SAME_DAY_ROW = 'old.day = new.day AND old.worker = new.worker AND old.category_id = new.category_id';

/** Every week of the days, for the week start in derived_state; used by the migration and by a rebuild. */
export const FILL_WEEKLY_ROLLUP = `
INSERT INTO weekly_rollup (week, worker, category_id, entries, ms, after_hours_ms, unplanned_ms)
SELECT ${weekOf('day')}, worker, category_id, sum(entries), sum(ms), sum(after_hours_ms), sum(unplanned_ms)
FROM daily_rollup WHERE entries > 0 GROUP BY 1, 2, 3`;

const SQL = `
CREATE TABLE weekly_rollup (
  week           TEXT NOT NULL,
  worker         TEXT NOT NULL,
  category_id    INTEGER NOT NULL,
  entries        INTEGER NOT NULL,
  ms             INTEGER NOT NULL,
  after_hours_ms INTEGER NOT NULL,
  unplanned_ms   INTEGER NOT NULL,
  PRIMARY KEY (week, worker, category_id)
) STRICT, WITHOUT ROWID;

INSERT INTO derived_state (key, value) VALUES ('${WEEK_START_KEY}', '1')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
${FILL_WEEKLY_ROLLUP};

CREATE TRIGGER daily_rollup_weekly_insert AFTER INSERT ON daily_rollup WHEN new.entries != 0 BEGIN
  INSERT INTO weekly_rollup (week, worker, category_id, entries, ms, after_hours_ms, unplanned_ms)
  VALUES (${weekOf('new.day')}, new.worker, new.category_id, new.entries, new.ms, new.after_hours_ms, new.unplanned_ms)
  ${ADD};
END;

-- The day's row changed in place (an entry added, moved or removed): one upsert of the difference,
-- and the week's row goes when the day's was its last entry.
CREATE TRIGGER daily_rollup_weekly_update AFTER UPDATE ON daily_rollup WHEN ${SAME_DAY_ROW} BEGIN
  INSERT INTO weekly_rollup (week, worker, category_id, entries, ms, after_hours_ms, unplanned_ms)
  SELECT ${weekOf('new.day')}, new.worker, new.category_id, new.entries - old.entries, new.ms - old.ms,
    new.after_hours_ms - old.after_hours_ms, new.unplanned_ms - old.unplanned_ms WHERE true
  ${ADD};
  ${REMOVE_EMPTY('new')} AND new.entries = 0;
END;

-- The row itself moved to another day, worker or category (no code does this today).
CREATE TRIGGER daily_rollup_weekly_rekey AFTER UPDATE ON daily_rollup WHEN NOT (${SAME_DAY_ROW}) BEGIN
  ${SUBTRACT_OLD};
  ${REMOVE_EMPTY('old')};
  INSERT INTO weekly_rollup (week, worker, category_id, entries, ms, after_hours_ms, unplanned_ms)
  SELECT ${weekOf('new.day')}, new.worker, new.category_id, new.entries, new.ms, new.after_hours_ms, new.unplanned_ms WHERE new.entries != 0
  ${ADD};
END;

CREATE TRIGGER daily_rollup_weekly_delete AFTER DELETE ON daily_rollup WHEN old.entries != 0 BEGIN
  ${SUBTRACT_OLD};
  ${REMOVE_EMPTY('old')};
END;
`;

export const migration013WeeklyRollup: Migration = {
  version: 13,
  name: 'the weekly rollup, kept from the daily one',
  up(db) {
    db.exec(SQL);
  },
};
