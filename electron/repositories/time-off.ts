import { AppError } from '../../shared/api/errors';
import type { TimeOffList, TimeOffRange } from '../../shared/domain/capacity';
import { describeDays, type LocalDay } from '../../shared/domain/day';
import { preparedFor, type SqliteDatabase } from '../db/connection';

export type { TimeOffRange };

interface TimeOffRow {
  id: number;
  start_day: string;
  end_day: string;
  label: string;
}

const COLUMNS = 'id, start_day, end_day, label';

const toTimeOff = (row: TimeOffRow): TimeOffRange => ({ id: row.id, startDay: row.start_day, endDay: row.end_day, note: row.label });

const statements = preparedFor((db) => ({
  all: db.prepare<[], TimeOffRow>(`SELECT ${COLUMNS} FROM time_off WHERE deleted_at IS NULL ORDER BY start_day, id`),
  // Live ranges never overlap, so those ending on or after :from start at the last one starting on
  // or before it (if it reaches :from) or after it: two seeks on time_off_by_day, not a scan.
  from: db.prepare<[{ from: string }], TimeOffRow>(
    `SELECT ${COLUMNS} FROM time_off
     WHERE deleted_at IS NULL AND end_day >= :from AND start_day >= coalesce(
       (SELECT start_day FROM time_off WHERE deleted_at IS NULL AND start_day <= :from ORDER BY start_day DESC LIMIT 1), :from)
     ORDER BY start_day, id`,
  ),
  // The first range, in order, ended before :from exactly when any did.
  endedBefore: db
    .prepare<[{ from: string }], number>('SELECT end_day < :from FROM time_off WHERE deleted_at IS NULL ORDER BY start_day LIMIT 1')
    .pluck(),
  between: db.prepare<[{ from: string; to: string }], TimeOffRow>(
    `SELECT ${COLUMNS} FROM time_off WHERE deleted_at IS NULL AND start_day <= :to AND end_day >= :from ORDER BY start_day, id`,
  ),
  byId: db.prepare<[number], TimeOffRow>(`SELECT ${COLUMNS} FROM time_off WHERE id = ? AND deleted_at IS NULL`),
  deletedById: db.prepare<[number], TimeOffRow>(`SELECT ${COLUMNS} FROM time_off WHERE id = ? AND deleted_at IS NOT NULL`),
  overlapping: db.prepare<[{ from: string; to: string; id: number }], TimeOffRow>(
    `SELECT ${COLUMNS} FROM time_off WHERE deleted_at IS NULL AND id != :id AND start_day <= :to AND end_day >= :from
     ORDER BY start_day LIMIT 1`,
  ),
  insert: db.prepare<[{ start_day: string; end_day: string; label: string; now: number }]>(
    'INSERT INTO time_off (start_day, end_day, label, created_at, updated_at) VALUES (:start_day, :end_day, :label, :now, :now)',
  ),
  update: db.prepare<[{ id: number; start_day: string; end_day: string; label: string; now: number }]>(
    'UPDATE time_off SET start_day = :start_day, end_day = :end_day, label = :label, updated_at = :now WHERE id = :id',
  ),
  setDeleted: db.prepare<[number | null, number]>('UPDATE time_off SET deleted_at = ? WHERE id = ?'),
}));

export function listTimeOff(db: SqliteDatabase): TimeOffRange[] {
  return statements(db).all.all().map(toTimeOff);
}

/** Her time off that ends on `from` or later (all of it when null), and whether any ended before `from`. */
export function listTimeOffFrom(db: SqliteDatabase, from: LocalDay | null): TimeOffList {
  if (from === null) return { ranges: listTimeOff(db), earlier: false };
  return { ranges: statements(db).from.all({ from }).map(toTimeOff), earlier: statements(db).endedBefore.get({ from }) === 1 };
}

/** Time off that touches [from, to]. */
export function timeOffBetween(db: SqliteDatabase, from: LocalDay, to: LocalDay): TimeOffRange[] {
  return statements(db).between.all({ from, to }).map(toTimeOff);
}

export function getTimeOff(db: SqliteDatabase, id: number): TimeOffRange {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no time off #${id}; it may have been deleted.`);
  return toTimeOff(row);
}

/**
 * Two ranges of time off never overlap: one day is either off or not, and a second range over it
 * would be deleted separately and leave the day wrongly on. The message names the range in the way.
 */
function assertNoOverlap(db: SqliteDatabase, range: Omit<TimeOffRange, 'note'>): void {
  const clash = statements(db).overlapping.get({ from: range.startDay, to: range.endDay, id: range.id });
  if (!clash) return;
  const period = describeDays(clash.start_day, clash.end_day);
  throw new AppError('CONFLICT', `You are already off ${period}${clash.label ? ` (${clash.label})` : ''}. Change that time off instead, or pick days around it.`, [
    { field: 'startDay', message: `Overlaps your time off ${period}` },
  ]);
}

export function createTimeOff(db: SqliteDatabase, range: Omit<TimeOffRange, 'id'>, now: number): TimeOffRange {
  assertNoOverlap(db, { ...range, id: 0 });
  const { lastInsertRowid } = statements(db).insert.run({ start_day: range.startDay, end_day: range.endDay, label: range.note, now });
  return getTimeOff(db, Number(lastInsertRowid));
}

export function updateTimeOff(db: SqliteDatabase, range: TimeOffRange, now: number): TimeOffRange {
  getTimeOff(db, range.id);
  assertNoOverlap(db, range);
  statements(db).update.run({ id: range.id, start_day: range.startDay, end_day: range.endDay, label: range.note, now });
  return getTimeOff(db, range.id);
}

export function deleteTimeOff(db: SqliteDatabase, id: number, now: number): TimeOffRange {
  const range = getTimeOff(db, id);
  statements(db).setDeleted.run(now, id);
  return range;
}

/** Undo of a delete, unless other time off has taken those days since. */
export function restoreTimeOff(db: SqliteDatabase, id: number): TimeOffRange {
  const row = statements(db).deletedById.get(id);
  if (!row) return getTimeOff(db, id);
  assertNoOverlap(db, toTimeOff(row));
  statements(db).setDeleted.run(null, id);
  return getTimeOff(db, id);
}
