import { AppError } from '../../shared/api/errors';
import type { LocalDay } from '../../shared/domain/day';
import type { TimeEntry } from '../../shared/domain/time-entry';
import type { Owner } from '../../shared/domain/types';
import { localDayOf } from '../../shared/domain/zoned-time';
import { preparedFor, type SqliteDatabase } from '../db/connection';

interface TimeEntryRow {
  id: number;
  worker: Owner;
  technician_id: number | null;
  category_id: number;
  task_id: number | null;
  start_at: number;
  end_at: number | null;
  start_day: string;
  note: string;
}

const COLUMNS = 'id, worker, technician_id, category_id, task_id, start_at, end_at, start_day, note';

function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    worker: row.worker,
    technicianId: row.technician_id,
    categoryId: row.category_id,
    taskId: row.task_id,
    startAt: row.start_at,
    endAt: row.end_at,
    startDay: row.start_day,
    note: row.note,
  };
}

export interface NewTimeEntry {
  worker: Owner;
  technicianId: number | null;
  categoryId: number;
  taskId: number | null;
  startAt: number;
  endAt: number | null;
  note: string;
  source?: string;
}

interface OverlapParams {
  worker: Owner;
  technician_id: number | null;
  start_at: number;
  end_at: number;
  exclude_id: number;
}

const statements = preparedFor((db) => ({
  byId: db.prepare<[number], TimeEntryRow>(`SELECT ${COLUMNS} FROM time_entries WHERE id = ?`),
  insert: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO time_entries (worker, technician_id, category_id, task_id, start_at, end_at, start_day, note, source, created_at, updated_at)
     VALUES (:worker, :technician_id, :category_id, :task_id, :start_at, :end_at, :start_day, :note, :source, :now, :now)`,
  ),
  remove: db.prepare<[number]>('DELETE FROM time_entries WHERE id = ?'),
  // Her entries may not overlap each other, nor one technician's; the MSP as a team may work in parallel.
  // Finished entries last at most a day, so only those starting in the day before can reach in:
  // the start_at range keeps this an index range scan however long her history is.
  overlapMine: db.prepare<[OverlapParams], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries
     WHERE worker = 'me' AND id != :exclude_id AND start_at > :start_at - 86400000 AND start_at < :end_at
       AND coalesce(end_at, 9e15) > :start_at
     UNION ALL
     SELECT ${COLUMNS} FROM time_entries
     WHERE worker = 'me' AND end_at IS NULL AND id != :exclude_id AND start_at < :end_at
     LIMIT 1`,
  ),
  overlapTechnician: db.prepare<[OverlapParams], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries
     WHERE technician_id = :technician_id AND id != :exclude_id
       AND start_at > :start_at - 86400000 AND start_at < :end_at AND coalesce(end_at, 9e15) > :start_at
     LIMIT 1`,
  ),
  // Two shapes rather than "(:worker IS NULL OR worker = :worker)", which would defeat the index.
  between: db.prepare<[{ from: string; to: string; limit: number }], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries WHERE start_day BETWEEN :from AND :to ORDER BY start_at DESC LIMIT :limit`,
  ),
  betweenFor: db.prepare<[{ from: string; to: string; worker: string; limit: number }], TimeEntryRow>(
    `SELECT ${COLUMNS} FROM time_entries WHERE worker = :worker AND start_day BETWEEN :from AND :to
     ORDER BY start_at DESC LIMIT :limit`,
  ),
  firstDay: db.prepare<[Owner], { day: string | null }>("SELECT min(start_day) AS day FROM time_entries WHERE worker = ?"),
  // Only categories that were ever delegated matter to hours reclaimed; ten years of the others are skipped.
  daily: db.prepare<[{ worker: Owner; from: string; to: string }], { category_id: number; day: string; ms: number }>(
    `SELECT category_id, day, ms FROM daily_rollup
     WHERE worker = :worker AND category_id IN (SELECT category_id FROM delegations WHERE deleted_at IS NULL)
       AND day BETWEEN :from AND :to AND ms > 0`,
  ),
  total: db.prepare<[{ worker: Owner; from: string; to: string }], { ms: number | null }>(
    'SELECT sum(ms) AS ms FROM daily_rollup WHERE worker = :worker AND day BETWEEN :from AND :to',
  ),
  byMonth: db.prepare<[{ worker: Owner; from: string; to: string }], { month: string; ms: number }>(
    `SELECT substr(day, 1, 7) AS month, sum(ms) AS ms FROM daily_rollup
     WHERE worker = :worker AND day BETWEEN :from AND :to GROUP BY month`,
  ),
  byCategory: db.prepare<[{ worker: Owner; from: string; to: string }], { category_id: number; ms: number }>(
    `SELECT category_id, sum(ms) AS ms FROM daily_rollup WHERE worker = :worker AND day BETWEEN :from AND :to
     GROUP BY category_id HAVING sum(ms) > 0`,
  ),
  allForZone: db.prepare<[], { id: number; start_at: number; start_day: string }>('SELECT id, start_at, start_day FROM time_entries'),
  setDay: db.prepare<[string, number]>('UPDATE time_entries SET start_day = ? WHERE id = ?'),
}));

export function getTimeEntry(db: SqliteDatabase, id: number): TimeEntry {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no time entry #${id}; it may have been deleted.`);
  return toTimeEntry(row);
}

export function findOverlappingEntry(
  db: SqliteDatabase,
  entry: Pick<NewTimeEntry, 'worker' | 'technicianId' | 'startAt' | 'endAt'>,
  excludeId = 0,
): TimeEntry | undefined {
  const params = {
    worker: entry.worker,
    technician_id: entry.technicianId,
    start_at: entry.startAt,
    end_at: entry.endAt ?? 9e15,
    exclude_id: excludeId,
  };
  const { overlapMine, overlapTechnician } = statements(db);
  const row =
    entry.worker === 'me' ? overlapMine.get(params) : entry.technicianId !== null ? overlapTechnician.get(params) : undefined;
  return row ? toTimeEntry(row) : undefined;
}

export function insertTimeEntry(db: SqliteDatabase, entry: NewTimeEntry, timeZone: string, now: number): TimeEntry {
  const { lastInsertRowid } = statements(db).insert.run({
    worker: entry.worker,
    technician_id: entry.technicianId,
    category_id: entry.categoryId,
    task_id: entry.taskId,
    start_at: entry.startAt,
    end_at: entry.endAt,
    start_day: localDayOf(entry.startAt, timeZone),
    note: entry.note,
    source: entry.source ?? 'app',
    now,
  });
  return getTimeEntry(db, Number(lastInsertRowid));
}

export function deleteTimeEntry(db: SqliteDatabase, id: number): TimeEntry {
  const entry = getTimeEntry(db, id);
  statements(db).remove.run(id);
  return entry;
}

export function listTimeEntries(
  db: SqliteDatabase,
  filter: { from: LocalDay; to: LocalDay; worker: Owner | null; limit: number },
): TimeEntry[] {
  const { between, betweenFor } = statements(db);
  const rows = filter.worker === null ? between.all(filter) : betweenFor.all({ ...filter, worker: filter.worker });
  return rows.map(toTimeEntry);
}

/** The local day of the worker's first entry, or null when there is none. */
export function firstEntryDay(db: SqliteDatabase, worker: Owner): LocalDay | null {
  return statements(db).firstDay.get(worker)?.day ?? null;
}

/** Minutes per delegated category per day from the rollup, as a lookup for the domain functions. */
export function delegatedDailyMinutes(
  db: SqliteDatabase,
  worker: Owner,
  from: LocalDay,
  to: LocalDay,
): (categoryId: number, day: LocalDay) => number {
  // Raw rows (arrays, not objects) and one small map per category: ten years of rows load fast.
  const byCategory = new Map<number, Map<string, number>>();
  for (const [categoryId, day, ms] of statements(db).daily.raw(true).all({ worker, from, to }) as unknown as [number, string, number][]) {
    let days = byCategory.get(categoryId);
    if (!days) {
      days = new Map();
      byCategory.set(categoryId, days);
    }
    days.set(day, ms / 60_000);
  }
  return (categoryId, day) => byCategory.get(categoryId)?.get(day) ?? 0;
}

export function totalMinutes(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): number {
  return (statements(db).total.get({ worker, from, to })?.ms ?? 0) / 60_000;
}

/** Minutes per calendar month (`YYYY-MM`) in [from, to], in one grouped read. */
export function minutesByMonth(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): Map<string, number> {
  return new Map(statements(db).byMonth.all({ worker, from, to }).map((row) => [row.month, row.ms / 60_000]));
}

export function minutesByCategory(db: SqliteDatabase, worker: Owner, from: LocalDay, to: LocalDay): { categoryId: number; minutes: number }[] {
  return statements(db)
    .byCategory.all({ worker, from, to })
    .map((row) => ({ categoryId: row.category_id, minutes: row.ms / 60_000 }));
}

/** After a time-zone change, every entry moves to the local day it starts on in the new zone. */
export function reassignLocalDays(db: SqliteDatabase, timeZone: string): number {
  const { allForZone, setDay } = statements(db);
  let changed = 0;
  db.transaction(() => {
    for (const row of allForZone.all()) {
      const day = localDayOf(row.start_at, timeZone);
      if (day !== row.start_day) {
        setDay.run(day, row.id);
        changed += 1;
      }
    }
  })();
  return changed;
}

const timerStatements = preparedFor((db) => ({
  running: db.prepare<[], TimeEntryRow>(`SELECT ${COLUMNS} FROM time_entries WHERE worker = 'me' AND end_at IS NULL`),
  stop: db.prepare<[number, number, number]>('UPDATE time_entries SET end_at = ?, updated_at = ? WHERE id = ? AND end_at IS NULL'),
  update: db.prepare<[Record<string, unknown>]>(
    `UPDATE time_entries SET category_id = :category_id, task_id = :task_id, start_at = :start_at, end_at = :end_at,
       start_day = :start_day, note = :note, updated_at = :now WHERE id = :id`,
  ),
}));

/** Her running timer: the one entry of hers without an end (the schema allows at most one). */
export function runningTimer(db: SqliteDatabase): TimeEntry | null {
  const row = timerStatements(db).running.get();
  return row ? toTimeEntry(row) : null;
}

export function stopTimer(db: SqliteDatabase, id: number, endAt: number, now: number): TimeEntry {
  timerStatements(db).stop.run(endAt, now, id);
  return getTimeEntry(db, id);
}

export function updateTimeEntry(db: SqliteDatabase, entry: TimeEntry, timeZone: string, now: number): TimeEntry {
  timerStatements(db).update.run({
    id: entry.id,
    category_id: entry.categoryId,
    task_id: entry.taskId,
    start_at: entry.startAt,
    end_at: entry.endAt,
    start_day: localDayOf(entry.startAt, timeZone),
    note: entry.note,
    now,
  });
  return getTimeEntry(db, entry.id);
}
