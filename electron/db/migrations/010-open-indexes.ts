import type { Migration } from './migration';

/**
 * Indexes measured by `npm run bench` on ten years of data (issue 13): the purge of deleted tasks
 * that runs on every open read all 50,000 tasks twice to find none; now it reads the deleted
 * ones only. Purging a task cascades to its plan moves, which were found by scanning them all.
 */
const SQL = `
CREATE INDEX tasks_deleted ON tasks (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX task_plan_moves_by_task ON task_plan_moves (task_id);
`;

export const migration010OpenIndexes: Migration = {
  version: 10,
  name: 'indexes for the purge of deleted tasks on open',
  up(db) {
    db.exec(SQL);
  },
};
