import { DEFAULT_CATEGORIES } from '../../../shared/domain/default-categories';
import type { Migration } from './migration';

/**
 * The whole data model of the brief. Instants are epoch milliseconds (UTC); days are local
 * calendar days as `YYYY-MM-DD` text; money is integer cents; durations are minutes.
 */
const SCHEMA = `
CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 60),
  color       TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  kind        TEXT NOT NULL CHECK (kind IN ('operational', 'strategic')),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  archived_at INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- The MSP she manages: one provider, its contracts over time, its technicians.
CREATE TABLE msp_provider (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  name       TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  notes      TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE msp_contracts (
  id                  INTEGER PRIMARY KEY,
  start_day           TEXT NOT NULL UNIQUE,
  monthly_fee_cents   INTEGER NOT NULL CHECK (monthly_fee_cents >= 0),
  included_minutes    INTEGER NOT NULL CHECK (included_minutes >= 0),
  overage_rate_cents  INTEGER NOT NULL CHECK (overage_rate_cents >= 0),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE technicians (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  role        TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  archived_at INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE response_targets (
  category_id    INTEGER PRIMARY KEY REFERENCES categories(id) ON DELETE CASCADE,
  target_minutes INTEGER NOT NULL CHECK (target_minutes > 0)
) STRICT;

-- A category handed to the MSP from start_day until end_day (inclusive; NULL = open-ended).
-- Two delegations of one category never overlap (enforced by the delegation service in a transaction).
CREATE TABLE delegations (
  id                       INTEGER PRIMARY KEY,
  category_id              INTEGER NOT NULL REFERENCES categories(id),
  start_day                TEXT NOT NULL,
  end_day                  TEXT CHECK (end_day IS NULL OR end_day >= start_day),
  estimated_weekly_minutes INTEGER CHECK (estimated_weekly_minutes IS NULL OR estimated_weekly_minutes >= 0),
  note                     TEXT NOT NULL DEFAULT '',
  created_at               INTEGER NOT NULL,
  updated_at               INTEGER NOT NULL
) STRICT;
CREATE INDEX delegations_by_category ON delegations (category_id, start_day);

CREATE TABLE recurring_series (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  notes            TEXT NOT NULL DEFAULT '',
  category_id      INTEGER REFERENCES categories(id),
  owner            TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'msp')),
  technician_id    INTEGER REFERENCES technicians(id),
  estimate_minutes INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes > 0),
  priority         INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
  rrule            TEXT NOT NULL,
  skip_if_open     INTEGER NOT NULL DEFAULT 0 CHECK (skip_if_open IN (0, 1)),
  generated_until  TEXT,
  ended_at         INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE tasks (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  notes            TEXT NOT NULL DEFAULT '',
  category_id      INTEGER REFERENCES categories(id),
  owner            TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'msp')),
  keep_owner       INTEGER NOT NULL DEFAULT 0 CHECK (keep_owner IN (0, 1)),
  technician_id    INTEGER REFERENCES technicians(id),
  estimate_minutes INTEGER CHECK (estimate_minutes IS NULL OR estimate_minutes > 0),
  due_day          TEXT,
  planned_day      TEXT,
  priority         INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'waiting', 'done')),
  unplanned        INTEGER NOT NULL DEFAULT 0 CHECK (unplanned IN (0, 1)),
  series_id        INTEGER REFERENCES recurring_series(id),
  occurrence_day   TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  completed_at     INTEGER,
  -- Soft delete: a deleted task can be restored (undo) until it is purged.
  deleted_at       INTEGER
) STRICT;
CREATE INDEX tasks_active ON tasks (status, due_day, priority) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_category ON tasks (category_id, status) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_owner ON tasks (owner, status, technician_id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_planned_day ON tasks (planned_day) WHERE deleted_at IS NULL AND planned_day IS NOT NULL;
CREATE UNIQUE INDEX tasks_one_per_occurrence ON tasks (series_id, occurrence_day) WHERE series_id IS NOT NULL;

CREATE VIRTUAL TABLE tasks_fts USING fts5 (
  title, notes, content = 'tasks', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO tasks_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO tasks_fts (tasks_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
END;
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF title, notes ON tasks BEGIN
  INSERT INTO tasks_fts (tasks_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
  INSERT INTO tasks_fts (rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;

-- Who did the work: worker 'me' (her hours) or 'msp' (optionally one technician).
-- start_day is the local day the entry starts on in her time zone, kept so that daily and weekly
-- aggregation is an index range scan; it is recomputed if she changes her time zone.
CREATE TABLE time_entries (
  id            INTEGER PRIMARY KEY,
  worker        TEXT NOT NULL CHECK (worker IN ('me', 'msp')),
  technician_id INTEGER REFERENCES technicians(id),
  category_id   INTEGER NOT NULL REFERENCES categories(id),
  task_id       INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  start_at      INTEGER NOT NULL,
  end_at        INTEGER CHECK (end_at IS NULL OR end_at > start_at),
  start_day     TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT 'app',
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  CHECK (technician_id IS NULL OR worker = 'msp')
) STRICT;
-- Her running timer is the entry without an end; there is at most one.
CREATE UNIQUE INDEX time_entries_one_running_timer ON time_entries (worker) WHERE end_at IS NULL;
CREATE INDEX time_entries_by_day ON time_entries (worker, start_day, category_id, start_at, end_at);
CREATE INDEX time_entries_by_category ON time_entries (category_id, start_day, worker);
CREATE INDEX time_entries_by_task ON time_entries (task_id) WHERE task_id IS NOT NULL;

CREATE TABLE time_off (
  id         INTEGER PRIMARY KEY,
  start_day  TEXT NOT NULL,
  end_day    TEXT NOT NULL CHECK (end_day >= start_day),
  label      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX time_off_by_day ON time_off (start_day, end_day);

CREATE TABLE week_plans (
  week_start TEXT PRIMARY KEY,
  note       TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
) STRICT;
`;

export const migration001Initial: Migration = {
  version: 1,
  name: 'initial schema and default categories',
  up(db, now) {
    db.exec(SCHEMA);
    const insert = db.prepare(
      'INSERT INTO categories (name, color, kind, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    DEFAULT_CATEGORIES.forEach((category, index) => {
      insert.run(category.name, category.color, category.kind, index, now, now);
    });
  },
};
