import { AppError } from '../../shared/api/errors';
import { addDays } from '../../shared/domain/day';
import { conflictingDelegation } from '../../shared/domain/delegation';
import { getCategory } from '../repositories/categories';
import {
  assertNoOverlap,
  getDelegation,
  insertDelegation,
  listDelegations,
  restoreDelegation,
  softDeleteDelegation,
  updateDelegation,
} from '../repositories/delegations';
import { setTaskOwner, tasksMovingToMsp, tasksReturningToMe } from '../repositories/tasks';
import type { Handlers } from './types';

export const delegationHandlers = {
  'delegations:list': (_input, { db }) => listDelegations(db),

  'delegations:preview': ({ categoryId, startDay, endDay }, { db }) => {
    getCategory(db, categoryId);
    const conflict = conflictingDelegation(listDelegations(db), { categoryId, startDay, endDay });
    return {
      conflict: conflict ? `Already delegated from ${conflict.startDay}${conflict.endDay ? ` to ${conflict.endDay}` : ' with no end'}` : null,
      tasks: tasksMovingToMsp(db, categoryId, startDay, endDay),
    };
  },

  /** Delegates and moves her open tasks in the period to the MSP, all or nothing. */
  'delegations:create': ({ categoryId, startDay, endDay, estimatedWeeklyMinutes, note, keepTaskIds }, { db, now }) =>
    db.transaction(() => {
      const category = getCategory(db, categoryId);
      if (category.archived) {
        throw new AppError('VALIDATION', `“${category.name}” is archived; restore it before delegating it.`, [
          { field: 'categoryId', message: 'Archived category' },
        ]);
      }
      assertNoOverlap(db, { categoryId, startDay, endDay });
      const delegation = insertDelegation(db, { categoryId, startDay, endDay, estimatedWeeklyMinutes, note }, now());
      const keep = new Set(keepTaskIds);
      let movedTasks = 0;
      for (const task of tasksMovingToMsp(db, categoryId, startDay, endDay)) {
        if (keep.has(task.id)) setTaskOwner(db, task.id, 'me', null, true, now());
        else {
          setTaskOwner(db, task.id, 'msp', null, false, now());
          movedTasks += 1;
        }
      }
      return { delegation, movedTasks };
    })(),

  /** History is editable; the period may not come to overlap another delegation of the category. */
  'delegations:update': ({ id, startDay, endDay, estimatedWeeklyMinutes, note }, { db, now }) =>
    db.transaction(() => {
      const current = getDelegation(db, id);
      assertNoOverlap(db, { id, categoryId: current.categoryId, startDay, endDay });
      return updateDelegation(db, { ...current, startDay, endDay, estimatedWeeklyMinutes, note }, now());
    })(),

  /** Takes the category back: in force through `endDay`; the MSP's open tasks after it return to her. */
  'delegations:end': ({ id, endDay }, { db, now }) =>
    db.transaction(() => {
      const current = getDelegation(db, id);
      if (endDay < current.startDay) {
        throw new AppError('VALIDATION', `The delegation started on ${current.startDay}; it cannot end before that. Delete it instead.`, [
          { field: 'endDay', message: 'Before the start day' },
        ]);
      }
      const delegation = updateDelegation(db, { ...current, endDay }, now());
      const returning = tasksReturningToMe(db, current.categoryId, addDays(endDay, 1));
      for (const task of returning) setTaskOwner(db, task.id, 'me', null, false, now());
      return { delegation, returnedTasks: returning.length };
    })(),

  'delegations:delete': ({ id }, { db, now }) => softDeleteDelegation(db, id, now()),
  'delegations:restore': ({ id }, { db }) => db.transaction(() => restoreDelegation(db, id))(),
} satisfies Partial<Handlers>;
