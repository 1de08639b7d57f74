import type { Migration } from './migration';

/**
 * What imports need (docs/import-formats.md, docs/data-export.md):
 *
 * - `source_key` on time entries and tasks: the fingerprint of the file row an imported record came
 *   from (shared/import/fingerprint.ts). A UNIQUE index over the keys that are set lets the import
 *   insert with `ON CONFLICT (source_key) WHERE source_key IS NOT NULL DO NOTHING`, so importing the
 *   same file twice adds nothing the second time. Records she made in the app have no key.
 * - `import_mappings`: what she said a name in a file means — a project, client, tag, category or
 *   service name to one of her categories (or "no category" for tasks, or skip), a user to her, the
 *   MSP or one technician (or skip) — offered again the next time a file names it.
 */
const SQL = `
ALTER TABLE time_entries ADD COLUMN source_key TEXT CHECK (source_key IS NULL OR length(source_key) BETWEEN 1 AND 64);
ALTER TABLE tasks ADD COLUMN source_key TEXT CHECK (source_key IS NULL OR length(source_key) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX time_entries_by_source_key ON time_entries (source_key) WHERE source_key IS NOT NULL;
CREATE UNIQUE INDEX tasks_by_source_key ON tasks (source_key) WHERE source_key IS NOT NULL;

CREATE TABLE import_mappings (
  import_kind   TEXT NOT NULL CHECK (import_kind IN ('time-entries', 'tasks')),
  name_key      TEXT NOT NULL CHECK (length(name_key) BETWEEN 1 AND 400),
  action        TEXT NOT NULL CHECK (action IN ('category', 'none', 'worker', 'skip')),
  category_id   INTEGER REFERENCES categories(id),
  worker        TEXT CHECK (worker IN ('me', 'msp')),
  technician_id INTEGER REFERENCES technicians(id),
  updated_at    INTEGER NOT NULL,
  PRIMARY KEY (import_kind, name_key),
  CHECK ((action = 'category') = (category_id IS NOT NULL)),
  CHECK ((action = 'worker') = (worker IS NOT NULL)),
  CHECK (technician_id IS NULL OR worker = 'msp')
) STRICT, WITHOUT ROWID;
`;

export const migration008ImportKeys: Migration = {
  version: 8,
  name: 'source keys of imported entries and tasks; remembered import mappings',
  up(db) {
    db.exec(SQL);
  },
};
