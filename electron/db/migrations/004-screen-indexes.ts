import type { Migration } from './migration';

/**
 * Indexes measured by `npm run bench` on ten years of data: her overlap check on logging an
 * entry, a technician's overlap check, and Today's planned, overdue and interrupt lists.
 */
const SQL = `
CREATE INDEX time_entries_by_start ON time_entries (worker, start_at);
CREATE INDEX time_entries_by_technician_start ON time_entries (technician_id, start_at) WHERE technician_id IS NOT NULL;
CREATE INDEX tasks_open_by_reference_day ON tasks (coalesce(planned_day, due_day)) WHERE deleted_at IS NULL AND status != 'done';
CREATE INDEX tasks_open_by_due_day ON tasks (due_day) WHERE deleted_at IS NULL AND status != 'done';
CREATE INDEX tasks_unplanned_by_created ON tasks (created_at) WHERE deleted_at IS NULL AND unplanned = 1;
`;

export const migration004ScreenIndexes: Migration = {
  version: 4,
  name: 'indexes for logging entries and for Today',
  up(db) {
    db.exec(SQL);
  },
};
