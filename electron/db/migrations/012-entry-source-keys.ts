import type { Migration } from './migration';

/**
 * The import keys of time entries (migration 008) move from a UNIQUE index on
 * `time_entries.source_key` to a table of their own, `time_entry_source_keys`, keyed by the key.
 * The keys are hashes, so an index on them takes each new entry at a random place: 100,000
 * imported entries spent 240 ms of their 650 ms of inserts there (microbenchmark on the ten-year
 * data). An import now folds its keys in at the end, in key order, with one statement
 * (FOLD_SOURCE_KEYS, 87 ms for the same 100,000), as it folds its rollups (migration 009); every
 * other write keeps the table current through the triggers below. The column stays: it is the
 * entry's own fact, exported and restored with it; the table is derived from it.
 *
 * The table's primary key keeps a key unique as the index did: an insert of a key already there
 * fails (the import checks first, under its write lock, and inserts only new keys).
 */
const SQL = `
CREATE TABLE time_entry_source_keys (
  source_key TEXT PRIMARY KEY,
  entry_id   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO time_entry_source_keys (source_key, entry_id)
  SELECT source_key, id FROM time_entries WHERE source_key IS NOT NULL ORDER BY source_key;
DROP INDEX time_entries_by_source_key;

CREATE TRIGGER time_entries_source_key_insert AFTER INSERT ON time_entries
WHEN new.source_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bulk_entry_writes) BEGIN
  INSERT INTO time_entry_source_keys (source_key, entry_id) VALUES (new.source_key, new.id);
END;

CREATE TRIGGER time_entries_source_key_delete AFTER DELETE ON time_entries WHEN old.source_key IS NOT NULL BEGIN
  DELETE FROM time_entry_source_keys WHERE source_key = old.source_key AND entry_id = old.id;
END;

CREATE TRIGGER time_entries_source_key_update AFTER UPDATE OF id, source_key ON time_entries BEGIN
  DELETE FROM time_entry_source_keys WHERE old.source_key IS NOT NULL AND source_key = old.source_key AND entry_id = old.id;
  INSERT INTO time_entry_source_keys (source_key, entry_id) SELECT new.source_key, new.id WHERE new.source_key IS NOT NULL;
END;
`;

/** What time_entries_source_key_insert does, for every entry from :first_id on, in key order. */
export const FOLD_SOURCE_KEYS = `
INSERT INTO time_entry_source_keys (source_key, entry_id)
SELECT source_key, id FROM time_entries WHERE id >= :first_id AND source_key IS NOT NULL ORDER BY source_key`;

export const migration012EntrySourceKeys: Migration = {
  version: 12,
  name: 'import keys of time entries in their own table, filled in key order',
  up(db) {
    db.exec(SQL);
  },
};
