import type { Migration } from './migration';

/**
 * The heatmap of where her hours sit (weekday × hour) keeps only its monthly cells. `hour_rollup`
 * held a cell per day, hour and category, and `hour_month_rollup` was kept from it by triggers;
 * only the heatmap read either, and only for the part-months at either end of a range did it read
 * days. Importing the benchmark's 100,000 Toggl rows of hers wrote 180,711 pieces into day cells
 * and then each cell's month again: 328–334 ms of the apply, 286–290 ms now that the pieces go
 * straight into the monthly cells (2 runs each, timed inside the data worker; issue 11). The
 * part-months are summed from her entries of those days (repositories/insights.ts), a few hundred
 * entries at most.
 *
 * A cell that comes back to 0 is removed, as before (the heatmap leaves out cells with no time).
 */
const PIECES = (row: 'new' | 'old', sign = '') =>
  `SELECT substr(value ->> 0, 1, 7), ${row}.category_id, CAST(strftime('%w', value ->> 0) AS INTEGER), value ->> 1, ${sign}(value ->> 2)
   FROM json_each(${row}.hour_spread)`;

const ADD = 'ON CONFLICT (month, category_id, weekday, hour) DO UPDATE SET ms = ms + excluded.ms';

const REMOVE_EMPTY_OF_OLD = `DELETE FROM hour_month_rollup WHERE ms = 0 AND category_id = old.category_id
    AND (month, weekday, hour) IN (SELECT substr(value ->> 0, 1, 7), CAST(strftime('%w', value ->> 0) AS INTEGER), value ->> 1 FROM json_each(old.hour_spread))`;

const SQL = `
DROP TRIGGER time_entries_hours_insert;
DROP TRIGGER time_entries_hours_update;
DROP TRIGGER time_entries_hours_delete;
DROP TRIGGER hour_rollup_monthly_insert;
DROP TRIGGER hour_rollup_monthly_update;
DROP TRIGGER hour_rollup_monthly_delete;
DROP TABLE hour_rollup;

CREATE TRIGGER time_entries_hours_insert AFTER INSERT ON time_entries
WHEN new.worker = 'me' AND new.end_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bulk_entry_writes) BEGIN
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  ${PIECES('new')} WHERE true
  ${ADD};
END;

CREATE TRIGGER time_entries_hours_delete AFTER DELETE ON time_entries WHEN old.worker = 'me' AND old.end_at IS NOT NULL BEGIN
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  ${PIECES('old', '-')} WHERE true
  ${ADD};
  ${REMOVE_EMPTY_OF_OLD};
END;

CREATE TRIGGER time_entries_hours_update AFTER UPDATE OF worker, category_id, start_at, end_at, hour_spread ON time_entries BEGIN
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  ${PIECES('old', '-')} WHERE old.worker = 'me' AND old.end_at IS NOT NULL
  ${ADD};
  INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
  ${PIECES('new')} WHERE new.worker = 'me' AND new.end_at IS NOT NULL
  ${ADD};
  ${REMOVE_EMPTY_OF_OLD} AND old.worker = 'me' AND old.end_at IS NOT NULL;
END;
`;

/**
 * What time_entries_hours_insert does, for every entry from :first_id on, in one statement (an
 * import takes the trigger out meanwhile, see writeEntriesInBulk). Not grouped: the benchmark's
 * 100,000 Toggl rows rarely share a cell, and sorting them into groups cost more than the upserts
 * that add the few that do. A runtime statement, not part of the migration's schema change.
 */
export const FOLD_HOUR_MONTHS = `
INSERT INTO hour_month_rollup (month, category_id, weekday, hour, ms)
SELECT substr(p.value ->> 0, 1, 7), e.category_id, CAST(strftime('%w', p.value ->> 0) AS INTEGER), p.value ->> 1, p.value ->> 2
FROM time_entries AS e, json_each(e.hour_spread) AS p
WHERE e.id >= :first_id AND e.worker = 'me' AND e.end_at IS NOT NULL
${ADD}`;

export const migration014HourMonthsOnly: Migration = {
  version: 14,
  name: 'the heatmap keeps monthly cells only; her pieces go straight into them',
  up(db) {
    db.exec(SQL);
  },
};
