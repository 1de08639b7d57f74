import type { Migration } from './migration';

/**
 * Minutes per worker, category and local day, kept in step with time_entries by triggers inside
 * the same transaction as the write. Every weekly or monthly figure (baseline, hours reclaimed,
 * MSP hours, cost) reads this small table instead of scanning hundreds of thousands of entries.
 * A running timer (end_at IS NULL) is in no row: it counts in no figure until it stops.
 */
const SQL = `
CREATE TABLE daily_rollup (
  worker      TEXT NOT NULL CHECK (worker IN ('me', 'msp')),
  category_id INTEGER NOT NULL,
  day         TEXT NOT NULL,
  ms          INTEGER NOT NULL,
  entries     INTEGER NOT NULL,
  PRIMARY KEY (worker, category_id, day)
) STRICT, WITHOUT ROWID;
CREATE INDEX daily_rollup_by_day ON daily_rollup (worker, day, category_id, ms);

CREATE TRIGGER time_entries_rollup_insert AFTER INSERT ON time_entries WHEN new.end_at IS NOT NULL BEGIN
  INSERT INTO daily_rollup (worker, category_id, day, ms, entries)
  VALUES (new.worker, new.category_id, new.start_day, new.end_at - new.start_at, 1)
  ON CONFLICT (worker, category_id, day) DO UPDATE SET ms = ms + excluded.ms, entries = entries + 1;
END;

CREATE TRIGGER time_entries_rollup_delete AFTER DELETE ON time_entries WHEN old.end_at IS NOT NULL BEGIN
  UPDATE daily_rollup SET ms = ms - (old.end_at - old.start_at), entries = entries - 1
  WHERE worker = old.worker AND category_id = old.category_id AND day = old.start_day;
END;

CREATE TRIGGER time_entries_rollup_update AFTER UPDATE OF worker, category_id, start_at, end_at, start_day ON time_entries BEGIN
  UPDATE daily_rollup SET ms = ms - (old.end_at - old.start_at), entries = entries - 1
  WHERE old.end_at IS NOT NULL AND worker = old.worker AND category_id = old.category_id AND day = old.start_day;
  INSERT INTO daily_rollup (worker, category_id, day, ms, entries)
  SELECT new.worker, new.category_id, new.start_day, new.end_at - new.start_at, 1 WHERE new.end_at IS NOT NULL
  ON CONFLICT (worker, category_id, day) DO UPDATE SET ms = ms + excluded.ms, entries = entries + 1;
END;

-- Rebuild from whatever entries an older database already holds.
INSERT INTO daily_rollup (worker, category_id, day, ms, entries)
SELECT worker, category_id, start_day, sum(end_at - start_at), count(*) FROM time_entries
WHERE end_at IS NOT NULL GROUP BY worker, category_id, start_day;

-- Deleting a delegation can be undone: it is hidden, then restored or purged.
ALTER TABLE delegations ADD COLUMN deleted_at INTEGER;
CREATE INDEX time_entries_by_technician ON time_entries (technician_id, start_day) WHERE technician_id IS NOT NULL;
`;

export const migration002DailyRollup: Migration = {
  version: 2,
  name: 'daily rollup of logged time; undoable delegation delete',
  up(db) {
    db.exec(SQL);
  },
};
