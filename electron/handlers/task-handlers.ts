import { AppError } from '../../shared/api/errors';
import { delegationOn, referenceDay } from '../../shared/domain/delegation';
import { assertUsableCategory } from '../repositories/categories';
import { listDelegations } from '../repositories/delegations';
import { assertActiveTechnician } from '../repositories/msp';
import {
  createTask,
  getTask,
  listTasks,
  restoreTask,
  planTask,
  categoriseTask,
  setTaskOwner,
  setTaskStatus,
  softDeleteTask,
  updateTask,
} from '../repositories/tasks';
import type { Handlers } from './types';

export const taskHandlers = {
  'tasks:list': (filter, { db }) => listTasks(db, filter),
  /** One action over many tasks, all or nothing. */
  'tasks:bulk': ({ ids, action }, { db, now }) =>
    db.transaction(() => {
      const at = now();
      if (action.kind === 'categorise') assertUsableCategory(db, action.categoryId);
      let changed = 0;
      for (const id of ids) {
        const task = getTask(db, id);
        switch (action.kind) {
          case 'complete':
          case 'reopen':
            setTaskStatus(db, id, action.kind === 'complete' ? 'done' : 'open', at);
            break;
          case 'plan':
            planTask(db, id, action.plannedDay, at);
            break;
          case 'assign':
            setTaskOwner(db, id, action.owner, action.owner === 'msp' ? task.technicianId : null, action.owner === 'me', at);
            break;
          case 'categorise':
            categoriseTask(db, id, action.categoryId, at);
            break;
        }
        changed += 1;
      }
      return { changed };
    })(),
  'tasks:get': ({ id }, { db }) => getTask(db, id),
  /** A new task in a category delegated on its planned (else due, else today's) day goes to the MSP queue. */
  'tasks:create': (fields, { db, now, today }) =>
    db.transaction(() => {
      if (fields.categoryId === null) return createTask(db, fields, now());
      assertUsableCategory(db, fields.categoryId);
      const task = createTask(db, fields, now());
      if (delegationOn(listDelegations(db), fields.categoryId, referenceDay(fields, today()))) {
        return setTaskOwner(db, task.id, 'msp', null, false, now());
      }
      return task;
    })(),
  /** Hands a task to the MSP (optionally a technician) or keeps it; keeping marks it as hers on purpose. */
  'tasks:assign': ({ id, owner, technicianId, keep }, { db, now }) =>
    db.transaction(() => {
      if (technicianId !== null) {
        if (owner !== 'msp') throw new AppError('VALIDATION', 'Only MSP tasks go to a technician.', [{ field: 'technicianId', message: 'Not an MSP task' }]);
        assertActiveTechnician(db, technicianId);
      }
      return setTaskOwner(db, id, owner, technicianId, owner === 'me' && keep, now());
    })(),
  'tasks:update': ({ id, ...patch }, { db, now }) =>
    db.transaction(() => {
      const current = getTask(db, id);
      if (patch.categoryId != null && patch.categoryId !== current.categoryId) assertUsableCategory(db, patch.categoryId);
      return updateTask(db, id, patch, now());
    })(),
  'tasks:setStatus': ({ id, status }, { db, now }) => setTaskStatus(db, id, status, now()),
  'tasks:delete': ({ id }, { db, now }) => {
    softDeleteTask(db, id, now());
    return { id };
  },
  'tasks:restore': ({ id }, { db }) => restoreTask(db, id),
} satisfies Partial<Handlers>;
