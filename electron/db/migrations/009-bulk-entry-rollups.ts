import type { Migration } from './migration';

/**
 * Importing 100,000 entries fired the two insert triggers 100,000 times each, an upsert into
 * daily_rollup and one into hour_rollup per entry: about half of the import's write time. While a
 * row sits in `bulk_entry_writes` (only inside an import's own transaction: it is added after the
 * import takes the write lock and removed before it commits) the insert triggers stand aside, and
 * the import folds its new entries — every id from `first_id` on — into both rollups at once, in
 * the same transaction: first with one grouped statement each; now by summing each day row and
 * heatmap cell as the entries are written and upserting each once (writeEntriesInBulk in
 * electron/repositories/time-entries.ts; migration 014 replaced hour_rollup). The rollups can still
 * never disagree with the entries outside a transaction; test/integration/migration-009.test.ts
 * checks that the fold and the per-entry triggers give the same rollups.
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

export const migration009BulkEntryRollups: Migration = {
  version: 9,
  name: 'imports fold their entries into the rollups in one grouped statement',
  up(db) {
    db.exec(SQL);
  },
};
