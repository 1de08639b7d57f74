import { assertUsableCategory } from '../repositories/categories';
import {
  createTask,
  getTask,
  listTasks,
  restoreTask,
  setTaskStatus,
  softDeleteTask,
  updateTask,
} from '../repositories/tasks';
import type { Handlers } from './types';

export const taskHandlers = {
  'tasks:list': (filter, { db }) => listTasks(db, filter),
  'tasks:get': ({ id }, { db }) => getTask(db, id),
  'tasks:create': (fields, { db, now }) => {
    if (fields.categoryId !== null) assertUsableCategory(db, fields.categoryId);
    return createTask(db, fields, now());
  },
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
