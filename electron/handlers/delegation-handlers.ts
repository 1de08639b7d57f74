import { describeDay, describeDays, type LocalDay } from '../../shared/domain/day';
import { AppError } from '../../shared/api/errors';
import { conflictingDelegation } from '../../shared/domain/delegation';
import { getCategory } from '../repositories/categories';
import {
  assertNoOverlap,
  type DelegationFields,
  getDelegation,
  insertDelegation,
  listDelegations,
  restoreDelegation,
  softDeleteDelegation,
  updateDelegation,
} from '../repositories/delegations';
import { keepTasks, settleCategoryOwners } from '../repositories/ownership';
import { tasksMovingToMsp } from '../repositories/tasks';
import type { SqliteDatabase } from '../db/connection';
import type { Handlers } from './types';

/** How many of the tasks that would move the preview lists; the count covers them all. */
const PREVIEW_TASKS = 200;

/**
 * Every change to a delegation settles the owners of the category's open tasks by the one rule
 * (shared/domain/ownership.ts), in one set-based statement inside the same transaction.
 */
export const delegationHandlers = {
  'delegations:list': (_input, { db }) => listDelegations(db),

  'delegations:preview': ({ categoryId, startDay, endDay }, { db, today }) => {
    getCategory(db, categoryId);
    const conflict = conflictingDelegation(listDelegations(db), { categoryId, startDay, endDay });
    const moving = tasksMovingToMsp(db, { categoryId, startDay, endDay }, today(), PREVIEW_TASKS);
    return {
      conflict: conflict ? `Already delegated ${conflict.endDay ? `for ${describeDays(conflict.startDay, conflict.endDay)}` : `from ${describeDay(conflict.startDay)} with no end`}` : null,
      tasks: moving.tasks,
      totalTasks: moving.total,
    };
  },

  /** Delegates; the tasks she chose to keep stay hers, the others move as the rule says. All or nothing. */
  'delegations:create': ({ categoryId, startDay, endDay, estimatedWeeklyMinutes, note, keepTaskIds }, { db, now, today }) =>
    db.transaction(() => delegate(db, { categoryId, startDay, endDay, estimatedWeeklyMinutes, note }, keepTaskIds, now(), today()))(),

  /** Several categories from one what-if, all or none. */
  'delegations:createMany': ({ categoryIds, startDay, endDay }, { db, now, today }) =>
    db.transaction(() => {
      const results = categoryIds.map((categoryId) => {
        try {
          return delegate(db, { categoryId, startDay, endDay, estimatedWeeklyMinutes: null, note: '' }, [], now(), today());
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
          const name = getCategory(db, categoryId).name;
          throw new AppError('CONFLICT', `${name}: ${error.message}`, [{ field: 'categoryIds', message: `${name} is already delegated then` }]);
        }
      });
      return { delegations: results.map((result) => result.delegation), movedTasks: results.reduce((sum, result) => sum + result.movedTasks, 0) };
    })(),

  /** History is editable; the period may not come to overlap another delegation of the category. */
  'delegations:update': ({ id, startDay, endDay, estimatedWeeklyMinutes, note }, { db, now, today }) =>
    db.transaction(() => {
      const current = getDelegation(db, id);
      assertNoOverlap(db, { id, categoryId: current.categoryId, startDay, endDay });
      const updated = updateDelegation(db, { ...current, startDay, endDay, estimatedWeeklyMinutes, note }, now());
      settleCategoryOwners(db, current.categoryId, today(), now());
      return updated;
    })(),

  /** Takes the category back: in force through `endDay`; the MSP's open tasks after it return to her. */
  'delegations:end': ({ id, endDay }, { db, now, today }) =>
    db.transaction(() => {
      const current = getDelegation(db, id);
      if (endDay < current.startDay) {
        throw new AppError('VALIDATION', `The delegation started on ${describeDay(current.startDay)}; it cannot end before that. Delete it instead.`, [
          { field: 'endDay', message: 'Before the start day' },
        ]);
      }
      const delegation = updateDelegation(db, { ...current, endDay }, now());
      const { toMe } = settleCategoryOwners(db, current.categoryId, today(), now());
      return { delegation, returnedTasks: toMe };
    })(),

  'delegations:delete': ({ id }, { db, now, today }) =>
    db.transaction(() => {
      const deleted = softDeleteDelegation(db, id, now());
      settleCategoryOwners(db, deleted.categoryId, today(), now());
      return deleted;
    })(),

  'delegations:restore': ({ id }, { db, now, today }) =>
    db.transaction(() => {
      const restored = restoreDelegation(db, id);
      settleCategoryOwners(db, restored.categoryId, today(), now());
      return restored;
    })(),
} satisfies Partial<Handlers>;

/** Delegates one category and settles the owners of its open tasks; call inside a transaction. */
function delegate(db: SqliteDatabase, fields: DelegationFields, keepTaskIds: number[], now: number, today: LocalDay) {
  const category = getCategory(db, fields.categoryId);
  if (category.archived) {
    throw new AppError('VALIDATION', `“${category.name}” is archived; restore it before delegating it.`, [{ field: 'categoryId', message: 'Archived category' }]);
  }
  assertNoOverlap(db, fields);
  const delegation = insertDelegation(db, fields, now);
  keepTasks(db, keepTaskIds, now);
  const { toMsp } = settleCategoryOwners(db, fields.categoryId, today, now);
  return { delegation, movedTasks: toMsp };
}
