import type { LocalDay } from '../../shared/domain/day';
import type { Owner } from '../../shared/domain/types';
import { preparedFor, type SqliteDatabase } from '../db/connection';

/**
 * The SQL mirror of `ownerOf` in shared/domain/ownership.ts (the rule is stated there, once):
 * kept → her; handed over → the MSP; no category → her; else the MSP when a delegation of the
 * category is in force on the reference day (planned, else due, else :today). The test
 * `ownership.test.ts` checks both give the same owner on the same generated cases.
 */
const REFERENCE_DAY = 'coalesce(planned_day, due_day, :today)';
export const OWNER_RULE_SQL = `CASE
  WHEN keep_owner = 1 THEN 'me'
  WHEN handed_over = 1 THEN 'msp'
  WHEN category_id IS NULL THEN 'me'
  WHEN EXISTS (
    SELECT 1 FROM delegations AS d
    WHERE d.deleted_at IS NULL AND d.category_id = tasks.category_id
      AND d.start_day <= ${REFERENCE_DAY} AND (d.end_day IS NULL OR ${REFERENCE_DAY} <= d.end_day)
  ) THEN 'msp'
  ELSE 'me' END`;

/**
 * One set-based statement per shape: every open task the shape selects whose stored owner differs
 * from the rule's gets the rule's owner (and loses its technician when it comes back to her).
 * Done and deleted tasks keep the owner they had.
 */
const settle = (where: string) =>
  `UPDATE tasks SET owner = ${OWNER_RULE_SQL},
     technician_id = CASE WHEN ${OWNER_RULE_SQL} = 'me' THEN NULL ELSE technician_id END,
     updated_at = :now
   WHERE deleted_at IS NULL AND status != 'done' AND ${where} AND owner != ${OWNER_RULE_SQL}
   RETURNING id, owner`;

interface SettleParams {
  today: string;
  now: number;
}

const statements = preparedFor((db) => ({
  task: db.prepare<[SettleParams & { id: number }], { id: number; owner: Owner }>(settle('id = :id')),
  category: db.prepare<[SettleParams & { category_id: number }], { id: number; owner: Owner }>(settle('category_id = :category_id')),
  // Matches the expression of the partial index tasks_open_by_reference_day.
  undated: db.prepare<[SettleParams], { id: number; owner: Owner }>(settle('coalesce(planned_day, due_day) IS NULL')),
  pin: db.prepare<[{ ids: string; now: number }]>(
    `UPDATE tasks SET keep_owner = 1, handed_over = 0, owner = 'me', technician_id = NULL, updated_at = :now
     WHERE id IN (SELECT value FROM json_each(:ids)) AND deleted_at IS NULL AND status != 'done'`,
  ),
  setChoice: db.prepare<[{ id: number; keep_owner: number; handed_over: number; technician_id: number | null; now: number }]>(
    `UPDATE tasks SET keep_owner = :keep_owner, handed_over = :handed_over, technician_id = :technician_id, updated_at = :now
     WHERE id = :id AND deleted_at IS NULL`,
  ),
}));

export interface OwnersChanged {
  /** Tasks that moved to the MSP. */
  toMsp: number;
  /** Tasks that came back to her. */
  toMe: number;
}

function count(rows: { owner: Owner }[]): OwnersChanged {
  let toMsp = 0;
  for (const row of rows) if (row.owner === 'msp') toMsp += 1;
  return { toMsp, toMe: rows.length - toMsp };
}

/** Settles one task's owner (after it is created, or its category or days change). */
export function settleTaskOwner(db: SqliteDatabase, id: number, today: LocalDay, now: number): OwnersChanged {
  return count(statements(db).task.all({ id, today, now }));
}

/** Settles every open task of a category (after one of its delegations changes). */
export function settleCategoryOwners(db: SqliteDatabase, categoryId: number, today: LocalDay, now: number): OwnersChanged {
  return count(statements(db).category.all({ category_id: categoryId, today, now }));
}

/** Settles every open undated task, whose reference day is today (when her day changes). */
export function settleUndatedOwners(db: SqliteDatabase, today: LocalDay, now: number): OwnersChanged {
  return count(statements(db).undated.all({ today, now }));
}

/** She keeps these tasks herself, whatever the delegations say. */
export function keepTasks(db: SqliteDatabase, ids: readonly number[], now: number): number {
  if (ids.length === 0) return 0;
  return statements(db).pin.run({ ids: JSON.stringify(ids), now }).changes;
}

/**
 * Her explicit choices for one task: keep it (keepOwner), hand it over (handedOver), or neither, so
 * the delegations decide; and the MSP technician, for a task the MSP owns. The caller settles next.
 */
export function setOwnerChoice(
  db: SqliteDatabase,
  id: number,
  choice: { keepOwner: boolean; handedOver: boolean; technicianId: number | null },
  now: number,
): void {
  statements(db).setChoice.run({
    id,
    keep_owner: choice.keepOwner ? 1 : 0,
    handed_over: choice.handedOver && !choice.keepOwner ? 1 : 0,
    technician_id: choice.keepOwner ? null : choice.technicianId,
    now,
  });
}
