import { assertUsableCategory } from '../repositories/categories';
import { assertActiveTechnician } from '../repositories/msp';
import { setOwnerChoice, settleTaskOwner } from '../repositories/ownership';
import {
  categoriseTask,
  createTask,
  getTask,
  listTasks,
  planTask,
  restoreTask,
  setTaskStatus,
  softDeleteTask,
  updateTask,
} from '../repositories/tasks';
import type { Handlers } from './types';

export const taskHandlers = {
  'tasks:list': (filter, { db, today }) => listTasks(db, filter, today()),

  /** One action over many tasks, all or nothing; owners follow the new days or category. */
  'tasks:bulk': ({ ids, action }, { db, now, today }) =>
    db.transaction(() => {
      const at = now();
      if (action.kind === 'categorise') assertUsableCategory(db, action.categoryId);
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
            setOwnerChoice(
              db,
              id,
              action.owner === 'msp'
                ? { keepOwner: false, handedOver: task.owner !== 'msp' || task.handedOver, technicianId: task.technicianId }
                : { keepOwner: true, handedOver: false, technicianId: null },
              at,
            );
            break;
          case 'categorise':
            categoriseTask(db, id, action.categoryId, at);
            break;
        }
        settleTaskOwner(db, id, today(), at);
      }
      return { changed: ids.length };
    })(),

  'tasks:get': ({ id }, { db }) => getTask(db, id),

  /**
   * A new task's owner is settled in the same transaction: her explicit choice (keep, or hand to the
   * MSP and a technician), else the delegation of its category on its reference day.
   */
  'tasks:create': ({ owner, technicianId, ...fields }, { db, now, today }) =>
    db.transaction(() => {
      if (fields.categoryId !== null) assertUsableCategory(db, fields.categoryId);
      if (technicianId !== null) assertActiveTechnician(db, technicianId);
      const at = now();
      const task = createTask(db, fields, at);
      if (owner !== null) {
        setOwnerChoice(db, task.id, { keepOwner: owner === 'me', handedOver: owner === 'msp', technicianId }, at);
      }
      settleTaskOwner(db, task.id, today(), at);
      return getTask(db, task.id);
    })(),

  /**
   * Hands a task to the MSP (optionally a technician) or takes it back. Taking back with `keep`
   * keeps it hers even while its category is delegated; without it, the delegations decide again.
   * Choosing a technician for a task the MSP already owns changes nothing else.
   */
  'tasks:assign': ({ id, owner, technicianId, keep }, { db, now, today }) =>
    db.transaction(() => {
      const task = getTask(db, id);
      if (technicianId !== null) assertActiveTechnician(db, technicianId);
      const at = now();
      setOwnerChoice(
        db,
        id,
        owner === 'msp'
          ? { keepOwner: false, handedOver: task.owner !== 'msp' || task.handedOver, technicianId }
          : { keepOwner: keep, handedOver: false, technicianId: null },
        at,
      );
      settleTaskOwner(db, id, today(), at);
      return getTask(db, id);
    })(),

  /** Fields and status together: one call, one transaction, so nothing is ever half saved. */
  'tasks:update': ({ id, status, ...patch }, { db, now, today }) =>
    db.transaction(() => {
      const current = getTask(db, id);
      if (patch.categoryId != null && patch.categoryId !== current.categoryId) assertUsableCategory(db, patch.categoryId);
      const at = now();
      updateTask(db, id, patch, at);
      if (status !== undefined && status !== current.status) setTaskStatus(db, id, status, at);
      settleTaskOwner(db, id, today(), at);
      return getTask(db, id);
    })(),

  'tasks:setStatus': ({ id, status }, { db, now, today }) =>
    db.transaction(() => {
      setTaskStatus(db, id, status, now());
      settleTaskOwner(db, id, today(), now());
      return getTask(db, id);
    })(),

  'tasks:delete': ({ id }, { db, now }) => {
    softDeleteTask(db, id, now());
    return { id };
  },

  'tasks:restore': ({ id }, { db, now, today }) =>
    db.transaction(() => {
      restoreTask(db, id);
      settleTaskOwner(db, id, today(), now());
      return getTask(db, id);
    })(),
} satisfies Partial<Handlers>;
