import { AppError } from '../../shared/api/errors';
import { describeDay, describeDays, type LocalDay } from '../../shared/domain/day';
import { conflictingDelegation, type Delegation } from '../../shared/domain/delegation';
import { preparedFor, type SqliteDatabase } from '../db/connection';

interface DelegationRow {
  id: number;
  category_id: number;
  start_day: string;
  end_day: string | null;
  estimated_weekly_minutes: number | null;
  note: string;
}

const COLUMNS = 'id, category_id, start_day, end_day, estimated_weekly_minutes, note';

function toDelegation(row: DelegationRow): Delegation {
  return {
    id: row.id,
    categoryId: row.category_id,
    startDay: row.start_day,
    endDay: row.end_day,
    estimatedWeeklyMinutes: row.estimated_weekly_minutes,
    note: row.note,
  };
}

export type DelegationFields = Omit<Delegation, 'id'>;

const statements = preparedFor((db) => ({
  all: db.prepare<[], DelegationRow>(`SELECT ${COLUMNS} FROM delegations WHERE deleted_at IS NULL ORDER BY start_day, id`),
  byId: db.prepare<[number], DelegationRow>(`SELECT ${COLUMNS} FROM delegations WHERE id = ? AND deleted_at IS NULL`),
  deletedById: db.prepare<[number], DelegationRow>(`SELECT ${COLUMNS} FROM delegations WHERE id = ? AND deleted_at IS NOT NULL`),
  insert: db.prepare<[Record<string, unknown>]>(
    `INSERT INTO delegations (category_id, start_day, end_day, estimated_weekly_minutes, note, created_at, updated_at)
     VALUES (:category_id, :start_day, :end_day, :estimated_weekly_minutes, :note, :now, :now)`,
  ),
  update: db.prepare<[Record<string, unknown>]>(
    `UPDATE delegations SET start_day = :start_day, end_day = :end_day, estimated_weekly_minutes = :estimated_weekly_minutes,
       note = :note, updated_at = :now WHERE id = :id`,
  ),
  setDeleted: db.prepare<[number | null, number]>('UPDATE delegations SET deleted_at = ? WHERE id = ?'),
}));

export function listDelegations(db: SqliteDatabase): Delegation[] {
  return statements(db).all.all().map(toDelegation);
}

export function getDelegation(db: SqliteDatabase, id: number): Delegation {
  const row = statements(db).byId.get(id);
  if (!row) throw new AppError('NOT_FOUND', `There is no delegation #${id}; it may have been deleted.`);
  return toDelegation(row);
}

/** Refuses a period that overlaps another delegation of the same category, naming it. */
export function assertNoOverlap(db: SqliteDatabase, candidate: Pick<Delegation, 'categoryId' | 'startDay' | 'endDay'> & { id?: number }): void {
  const conflict = conflictingDelegation(listDelegations(db), candidate);
  if (!conflict) return;
  const period = conflict.endDay ? `for ${describeDays(conflict.startDay, conflict.endDay)}` : `from ${describeDay(conflict.startDay)} with no end`;
  throw new AppError(
    'CONFLICT',
    `This category is already delegated ${period}; two delegations of one category cannot overlap. End or edit that one first.`,
    [{ field: 'startDay', message: `Overlaps the delegation ${period}` }],
  );
}

export function insertDelegation(db: SqliteDatabase, fields: DelegationFields, now: number): Delegation {
  const { lastInsertRowid } = statements(db).insert.run({
    category_id: fields.categoryId,
    start_day: fields.startDay,
    end_day: fields.endDay,
    estimated_weekly_minutes: fields.estimatedWeeklyMinutes,
    note: fields.note,
    now,
  });
  return getDelegation(db, Number(lastInsertRowid));
}

export function updateDelegation(db: SqliteDatabase, delegation: Delegation, now: number): Delegation {
  statements(db).update.run({
    id: delegation.id,
    start_day: delegation.startDay,
    end_day: delegation.endDay,
    estimated_weekly_minutes: delegation.estimatedWeeklyMinutes,
    note: delegation.note,
    now,
  });
  return getDelegation(db, delegation.id);
}

export function softDeleteDelegation(db: SqliteDatabase, id: number, now: number): Delegation {
  const delegation = getDelegation(db, id);
  statements(db).setDeleted.run(now, id);
  return delegation;
}

/** Undo of a delete: only if the period still fits beside the delegations made since. */
export function restoreDelegation(db: SqliteDatabase, id: number): Delegation {
  const row = statements(db).deletedById.get(id);
  if (!row) return getDelegation(db, id);
  assertNoOverlap(db, toDelegation(row));
  statements(db).setDeleted.run(null, id);
  return getDelegation(db, id);
}

export type { LocalDay };
