import type { PlanTask } from '../../shared/api/views';
import type { LocalDay } from '../../shared/domain/day';
import type { Owner, Priority, TaskStatus } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';

/** The week plan's and time off's view of tasks: small rows, read by day ranges on the planned-day index. */
interface PlanTaskRow {
  id: number;
  title: string;
  category_id: number | null;
  owner: Owner;
  keep_owner: 0 | 1;
  technician_id: number | null;
  estimate_minutes: number | null;
  due_day: string | null;
  planned_day: string | null;
  priority: Priority;
  status: TaskStatus;
  unplanned: 0 | 1;
  series_id: number | null;
}

const COLUMNS = `id, title, category_id, owner, keep_owner, technician_id, estimate_minutes, due_day, planned_day, priority,
  status, unplanned, series_id`;

export function toPlanTask(row: PlanTaskRow): PlanTask {
  return {
    id: row.id,
    title: row.title,
    categoryId: row.category_id,
    owner: row.owner,
    keepOwner: row.keep_owner === 1,
    technicianId: row.technician_id,
    estimateMinutes: row.estimate_minutes,
    dueDay: row.due_day,
    plannedDay: row.planned_day,
    priority: row.priority,
    status: row.status,
    unplanned: row.unplanned === 1,
    seriesId: row.series_id,
  };
}

const BACKLOG_ORDER = 'priority DESC, due_day IS NULL, due_day, id';

const statements = preparedFor((db) => ({
  planned: db.prepare<[{ from: string; to: string; limit: number }], PlanTaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE deleted_at IS NULL AND planned_day BETWEEN :from AND :to
     ORDER BY planned_day, status = 'done', priority DESC, id LIMIT :limit`,
  ),
  unplanned: db.prepare<[{ owner: Owner; limit: number }], PlanTaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND planned_day IS NULL AND owner = :owner
     ORDER BY ${BACKLOG_ORDER} LIMIT :limit`,
  ),
  unplannedCount: db.prepare<[{ owner: Owner }], { count: number }>(
    `SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND planned_day IS NULL AND owner = :owner`,
  ),
  byIds: db.prepare<[{ ids: string }], PlanTaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE id IN (SELECT value FROM json_each(:ids)) AND deleted_at IS NULL`,
  ),
  inRange: db.prepare<[{ from: string; to: string; limit: number }], PlanTaskRow>(
    `SELECT ${COLUMNS} FROM tasks WHERE deleted_at IS NULL AND status != 'done'
       AND (planned_day BETWEEN :from AND :to OR due_day BETWEEN :from AND :to)
     ORDER BY coalesce(planned_day, due_day), id LIMIT :limit`,
  ),
  inRangeCount: db.prepare<[{ from: string; to: string }], { count: number }>(
    `SELECT count(*) AS count FROM tasks WHERE deleted_at IS NULL AND status != 'done'
       AND (planned_day BETWEEN :from AND :to OR due_day BETWEEN :from AND :to)`,
  ),
  // Her tasks planned in the week, open or done, with the instant they were completed (for "done late").
  plannedWithCompletion: db.prepare<[{ from: string; to: string }], PlanTaskRow & { completed_at: number | null }>(
    `SELECT ${COLUMNS}, completed_at FROM tasks
     WHERE deleted_at IS NULL AND owner = 'me' AND planned_day BETWEEN :from AND :to ORDER BY planned_day, id LIMIT 1000`,
  ),
  // CROSS JOIN keeps the moves of the week first (task_plan_moves_by_day), then each task by its key:
  // left to itself the planner may walk all her tasks by owner and look up each one's moves.
  movedOff: db.prepare<[{ from: string; to: string }], PlanTaskRow & { from_day: string; to_day: string | null }>(
    `SELECT t.id, t.title, t.category_id, t.owner, t.keep_owner, t.technician_id, t.estimate_minutes, t.due_day, t.planned_day,
       t.priority, t.status, t.unplanned, t.series_id, m.from_day, m.to_day
     FROM task_plan_moves AS m CROSS JOIN tasks AS t ON t.id = m.task_id
     WHERE m.from_day BETWEEN :from AND :to AND t.deleted_at IS NULL AND t.owner = 'me'
       AND (t.planned_day IS NULL OR t.planned_day > :to)
     ORDER BY m.from_day, m.id`,
  ),
  clearPlanned: db.prepare<[{ id: number; now: number }]>('UPDATE tasks SET planned_day = NULL, updated_at = :now WHERE id = :id AND deleted_at IS NULL'),
  setPlanned: db.prepare<[{ id: number; planned_day: string; now: number }]>(
    `UPDATE tasks SET planned_day = :planned_day, updated_at = :now WHERE id = :id AND deleted_at IS NULL`,
  ),
}));

/** Every task planned on [from, to], any owner and status (at most `limit`). */
export function tasksPlannedBetween(db: SqliteDatabase, from: LocalDay, to: LocalDay, limit = 500): PlanTask[] {
  return statements(db).planned.all({ from, to, limit }).map(toPlanTask);
}

/** Open tasks of one owner with no planned day, by priority and due day, and how many there are. */
export function unplannedTasks(db: SqliteDatabase, owner: Owner, limit: number): { tasks: PlanTask[]; total: number } {
  const { unplanned, unplannedCount } = statements(db);
  return { tasks: unplanned.all({ owner, limit }).map(toPlanTask), total: unplannedCount.get({ owner })?.count ?? 0 };
}

export function planTasksByIds(db: SqliteDatabase, ids: readonly number[]): PlanTask[] {
  return statements(db).byIds.all({ ids: JSON.stringify(ids) }).map(toPlanTask);
}

/** Open tasks planned or due on [from, to] (the time-off view), the first `limit` and how many in all. */
export function openTasksInRange(db: SqliteDatabase, from: LocalDay, to: LocalDay, limit: number): { tasks: PlanTask[]; total: number } {
  const { inRange, inRangeCount } = statements(db);
  return { tasks: inRange.all({ from, to, limit }).map(toPlanTask), total: inRangeCount.get({ from, to })?.count ?? 0 };
}

export function herPlannedWithCompletion(db: SqliteDatabase, from: LocalDay, to: LocalDay): (PlanTask & { completedAt: number | null })[] {
  return statements(db)
    .plannedWithCompletion.all({ from, to })
    .map((row) => ({ ...toPlanTask(row), completedAt: row.completed_at }));
}

/** Her tasks postponed (or unplanned) off a day of [from, to] and not planned back into it. */
export function herTasksMovedOff(db: SqliteDatabase, from: LocalDay, to: LocalDay): { task: PlanTask; fromDay: LocalDay; toDay: LocalDay | null }[] {
  return statements(db)
    .movedOff.all({ from, to })
    .map((row) => ({ task: toPlanTask(row), fromDay: row.from_day, toDay: row.to_day }));
}

export function setPlannedDay(db: SqliteDatabase, id: number, plannedDay: LocalDay, now: number): number {
  return statements(db).setPlanned.run({ id, planned_day: plannedDay, now }).changes;
}

export function clearPlannedDay(db: SqliteDatabase, id: number, now: number): number {
  return statements(db).clearPlanned.run({ id, now }).changes;
}
