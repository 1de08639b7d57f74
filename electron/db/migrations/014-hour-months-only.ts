import type { Migration } from './migration';

/**
 * The heatmap of where her hours sit (weekday × hour) keeps only its monthly cells. `hour_rollup`
 * held a cell per day, hour and category, and `hour_month_rollup` was kept from it by triggers;
 * only the heatmap read either, and only for the part-months at either end of a range did it read
 * days. Importing the benchmark's 100,000 Toggl rows of hers wrote 180,711 pieces into day cells
 * and then each cell's month again: 328–334 ms of the apply, 286–290 ms with the pieces going
 * straight into the monthly cells (2 runs each, timed inside the data worker; issue 11). An import
 * now adds its pieces up per cell as it writes them (writeEntriesInBulk) and upserts each cell once.
 * The part-months are summed from her entries of those days (repositories/insights.ts).
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

export const migration014HourMonthsOnly: Migration = {
  version: 14,
  name: 'the heatmap keeps monthly cells only; her pieces go straight into them',
  up(db) {
    db.exec(SQL);
  },
};
