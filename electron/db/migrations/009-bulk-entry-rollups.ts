import type { Migration } from './migration';

/**
 * Importing 100,000 entries fired the two insert triggers 100,000 times each, an upsert into
 * daily_rollup and one into hour_rollup per entry: about half of the import's write time. While a
 * row sits in `bulk_entry_writes` (only inside an import's own transaction: it is added after the
 * import takes the write lock and removed before it commits) the insert triggers stand aside, and
 * the import folds its new entries — every id from `first_id` on — into both rollups with one
 * grouped statement each (FOLD_DAILY_ROLLUP below; the hours' fold is FOLD_HOUR_MONTHS in migration
 * 014, which replaced hour_rollup), in the same transaction. The
 * rollups can still never disagree with the entries outside a transaction. The folds are written
 * here, beside the triggers they stand in for; test/integration/migration-009.test.ts checks that
 * both give the same rollups.
 */
const UNPLANNED_MS = (row: string) =>
  `CASE WHEN ${row}.unplanned = 1 OR coalesce((SELECT unplanned FROM tasks WHERE id = ${row}.task_id), 0) = 1
     THEN ${row}.end_at - ${row}.start_at ELSE 0 END`;

const SQL = `
CREATE TABLE bulk_entry_writes (
  first_id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER time_entries_rollup_insert;
CREATE TRIGGER time_entries_rollup_insert AFTER INSERT ON time_entries
WHEN new.end_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bulk_entry_writes) BEGIN
  INSERT INTO daily_rollup (worker, category_id, day, ms, entries, after_hours_ms, unplanned_ms)
  VALUES (new.worker, new.category_id, new.start_day, new.end_at - new.start_at, 1, new.after_hours_ms, ${UNPLANNED_MS('new')})
  ON CONFLICT (worker, category_id, day) DO UPDATE SET
    ms = ms + excluded.ms, entries = entries + 1,
    after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms;
END;

DROP TRIGGER time_entries_hours_insert;
CREATE TRIGGER time_entries_hours_insert AFTER INSERT ON time_entries
WHEN new.worker = 'me' AND new.end_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bulk_entry_writes) BEGIN
  INSERT INTO hour_rollup (category_id, day, hour, ms)
  SELECT new.category_id, value ->> 0, value ->> 1, value ->> 2 FROM json_each(new.hour_spread) WHERE true
  ON CONFLICT (day, hour, category_id) DO UPDATE SET ms = ms + excluded.ms;
END;
`;

/** What time_entries_rollup_insert does, for every entry from :first_id on, grouped. */
export const FOLD_DAILY_ROLLUP = `
INSERT INTO daily_rollup (worker, category_id, day, ms, entries, after_hours_ms, unplanned_ms)
SELECT e.worker, e.category_id, e.start_day, sum(e.end_at - e.start_at), count(*), sum(e.after_hours_ms), sum(${UNPLANNED_MS('e')})
FROM time_entries AS e WHERE e.id >= :first_id AND e.end_at IS NOT NULL
GROUP BY e.worker, e.category_id, e.start_day
ON CONFLICT (worker, category_id, day) DO UPDATE SET
  ms = ms + excluded.ms, entries = entries + excluded.entries,
  after_hours_ms = after_hours_ms + excluded.after_hours_ms, unplanned_ms = unplanned_ms + excluded.unplanned_ms`;

export const migration009BulkEntryRollups: Migration = {
  version: 9,
  name: 'imports fold their entries into the rollups in one grouped statement',
  up(db) {
    db.exec(SQL);
  },
};
