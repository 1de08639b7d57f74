import type { TimesheetEntry, TimesheetNames, TimesheetWeekEntry } from '../../shared/api/contract-timesheet';
import type { LocalDay } from '../../shared/domain/day';
import type { TimeEntry } from '../../shared/domain/time-entry';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';
import { toTimeEntry, type TimeEntryRow } from './time-entries';

/**
 * The timesheet's reads. Every query names the workers it wants (`worker IN (…)`), so it is a range
 * scan of `time_entries_by_day (worker, start_day, …)` or `daily_rollup_by_day (worker, day, …)`
 * for the days asked, however many years of history lie outside them.
 */

/** Notes longer than these are cut, so a busy week stays well under 64 KB; the editor reads the whole entry. */
const WEEK_NOTE_PREVIEW = 60;
const DAY_NOTE_PREVIEW = 160;
/** Long task titles are cut for the row headers; the task itself keeps them. */
const TITLE_PREVIEW = 160;

/** An entry with its note cut to a preview, and the whole note's length. */
interface EntryRow extends TimeEntryRow {
  note_length: number;
}

const toEntry = (preview: number) => (row: EntryRow): TimesheetEntry => ({ ...toTimeEntry(row), noteTruncated: row.note_length > preview });

/** A week entry with the columns that name its row, which the service turns into the row's index. */
export interface WeekEntryOfRow extends Pick<TimeEntry, 'worker' | 'technicianId' | 'categoryId' | 'taskId'> {
  entry: Omit<TimesheetWeekEntry, 'row'>;
}

const toWeekEntry = (row: EntryRow): WeekEntryOfRow => ({
  worker: row.worker,
  technicianId: row.technician_id,
  categoryId: row.category_id,
  taskId: row.task_id,
  entry: {
    id: row.id,
    startAt: row.start_at,
    endAt: row.end_at,
    note: row.note,
    ...(row.note_length > WEEK_NOTE_PREVIEW && { noteTruncated: true }),
    ...(row.unplanned === 1 && { unplanned: true }),
  },
});

const entryColumns = (preview: number) => `id, worker, technician_id, category_id, task_id, start_at, end_at, start_day,
  substr(note, 1, ${preview}) AS note, length(note) AS note_length, unplanned`;

/** `['me']`, `['msp']` or both, as the JSON array the queries read with json_each. */
const workersOf = (worker: Owner | null): string => JSON.stringify(worker === null ? ['me', 'msp'] : [worker]);

interface RangeParams {
  workers: string;
  from: string;
  to: string;
}

export interface CellRow {
  worker: Owner;
  technician_id: number | null;
  category_id: number;
  task_id: number | null;
  start_day: string;
  ms: number;
  entries: number;
  running: 0 | 1;
}

const statements = preparedFor((db) => ({
  entries: db.prepare<[RangeParams & { limit: number }], EntryRow>(
    `SELECT ${entryColumns(WEEK_NOTE_PREVIEW)} FROM time_entries
     WHERE worker IN (SELECT value FROM json_each(:workers)) AND start_day BETWEEN :from AND :to
     ORDER BY start_at, id LIMIT :limit`,
  ),
  count: db.prepare<[RangeParams], { count: number }>(
    `SELECT count(*) AS count FROM time_entries
     WHERE worker IN (SELECT value FROM json_each(:workers)) AND start_day BETWEEN :from AND :to`,
  ),
  // The entries on a day's axis: those that start on it, and those of the day before still running
  // at its midnight (a finished entry lasts at most 24 hours, so none older can reach in).
  onAxis: db.prepare<[RangeParams & { starts_at: number; ends_at: number; limit: number }], EntryRow>(
    `SELECT ${entryColumns(DAY_NOTE_PREVIEW)} FROM time_entries
     WHERE worker IN (SELECT value FROM json_each(:workers)) AND start_day BETWEEN :from AND :to
       AND start_at < :ends_at AND coalesce(end_at, 9e15) > :starts_at
     ORDER BY start_at, id LIMIT :limit`,
  ),
  cells: db.prepare<[RangeParams], CellRow>(
    `SELECT e.worker, e.technician_id, e.category_id, e.task_id, e.start_day,
       coalesce(sum(e.end_at - e.start_at), 0) AS ms, count(*) AS entries, max(e.end_at IS NULL) AS running
     FROM time_entries AS e
     WHERE e.worker IN (SELECT value FROM json_each(:workers)) AND e.start_day BETWEEN :from AND :to
     GROUP BY e.worker, e.technician_id, e.category_id, e.task_id, e.start_day`,
  ),
  dayTotals: db.prepare<[RangeParams], { worker: Owner; day: string; ms: number; after_hours_ms: number }>(
    `SELECT worker, day, sum(ms) AS ms, sum(after_hours_ms) AS after_hours_ms FROM daily_rollup
     WHERE worker IN (SELECT value FROM json_each(:workers)) AND day BETWEEN :from AND :to
     GROUP BY worker, day`,
  ),
  tasks: db.prepare<[string], { id: number; title: string; deleted: 0 | 1 }>(
    `SELECT id, substr(title, 1, ${TITLE_PREVIEW}) AS title, deleted_at IS NOT NULL AS deleted FROM tasks WHERE id IN (SELECT value FROM json_each(?))`,
  ),
  technicians: db.prepare<[string], { id: number; name: string }>(
    'SELECT id, name FROM technicians WHERE id IN (SELECT value FROM json_each(?))',
  ),
}));

/** Entries that start on the days [from, to], oldest first, at most `limit`, each with what names its row. */
export function entriesStartingBetween(db: SqliteDatabase, worker: Owner | null, from: LocalDay, to: LocalDay, limit: number): WeekEntryOfRow[] {
  return statements(db).entries.all({ workers: workersOf(worker), from, to, limit }).map(toWeekEntry);
}

export function countEntriesStartingBetween(db: SqliteDatabase, worker: Owner | null, from: LocalDay, to: LocalDay): number {
  return statements(db).count.get({ workers: workersOf(worker), from, to })?.count ?? 0;
}

/** Entries whose time overlaps [startsAt, endsAt) and that start on `previousDay` or `day`. */
export function entriesOnAxis(
  db: SqliteDatabase,
  worker: Owner | null,
  previousDay: LocalDay,
  day: LocalDay,
  startsAt: number,
  endsAt: number,
  limit: number,
): TimesheetEntry[] {
  return statements(db)
    .onAxis.all({ workers: workersOf(worker), from: previousDay, to: day, starts_at: startsAt, ends_at: endsAt, limit })
    .map(toEntry(DAY_NOTE_PREVIEW));
}

/** Finished minutes and entry counts per person, category, task and day, summed in SQL. */
export function timesheetCells(db: SqliteDatabase, worker: Owner | null, from: LocalDay, to: LocalDay): CellRow[] {
  return statements(db).cells.all({ workers: workersOf(worker), from, to });
}

/** Minutes and her after-hours per worker and day, from the daily rollup. */
export function dayTotalsBetween(
  db: SqliteDatabase,
  worker: Owner | null,
  from: LocalDay,
  to: LocalDay,
): { worker: Owner; day: LocalDay; minutes: number; afterHoursMinutes: number }[] {
  return statements(db)
    .dayTotals.all({ workers: workersOf(worker), from, to })
    .map((row) => ({ worker: row.worker, day: row.day, minutes: row.ms / 60_000, afterHoursMinutes: row.after_hours_ms / 60_000 }));
}

/** The titles of the tasks and the names of the technicians the entries mention. */
export function namesFor(db: SqliteDatabase, entries: readonly { taskId: number | null; technicianId: number | null }[]): TimesheetNames {
  const taskIds = [...new Set(entries.flatMap((entry) => (entry.taskId === null ? [] : [entry.taskId])))];
  const technicianIds = [...new Set(entries.flatMap((entry) => (entry.technicianId === null ? [] : [entry.technicianId])))];
  const { tasks, technicians } = statements(db);
  return {
    tasks: taskIds.length === 0 ? [] : tasks.all(JSON.stringify(taskIds)).map((task) => ({ id: task.id, title: task.title, deleted: task.deleted === 1 })),
    technicians: technicianIds.length === 0 ? [] : technicians.all(JSON.stringify(technicianIds)),
  };
}
