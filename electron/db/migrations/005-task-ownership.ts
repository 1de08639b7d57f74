import type { Migration } from './migration';

/**
 * Ownership follows one rule (shared/domain/ownership.ts): her explicit choices first, then the
 * delegations on the task's reference day. Until now only "she keeps it" was recorded; a task she
 * handed to the MSP herself looked like one moved by a delegation, so ending the delegation would
 * have taken it back from the MSP. `handed_over` records that choice.
 *
 * Which MSP tasks were handed over by hand cannot be read back exactly; the old rule moved a dated
 * task when a delegation covered its planned (else due) day, and an undated one only for an
 * open-ended delegation. An MSP task that rule would not have moved was handed over by her, and an
 * occurrence of a series she gave to the MSP was too. Undated tasks are settled by the new rule
 * (which follows today's delegation) when the backend first opens the database.
 */
const SQL = `
ALTER TABLE tasks ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0 CHECK (handed_over IN (0, 1));

UPDATE tasks SET handed_over = 1
WHERE owner = 'msp' AND keep_owner = 0 AND (
  series_id IN (SELECT id FROM recurring_series WHERE owner = 'msp')
  OR category_id IS NULL
  OR NOT EXISTS (
    SELECT 1 FROM delegations AS d
    WHERE d.deleted_at IS NULL AND d.category_id = tasks.category_id
      AND CASE WHEN coalesce(tasks.planned_day, tasks.due_day) IS NULL THEN d.end_day IS NULL
          ELSE d.start_day <= coalesce(tasks.planned_day, tasks.due_day)
            AND (d.end_day IS NULL OR coalesce(tasks.planned_day, tasks.due_day) <= d.end_day) END
  )
);

CREATE INDEX tasks_open_by_category ON tasks (category_id) WHERE deleted_at IS NULL AND status != 'done';
`;

export const migration005TaskOwnership: Migration = {
  version: 5,
  name: 'record tasks she handed to the MSP herself',
  up(db) {
    db.exec(SQL);
  },
};
