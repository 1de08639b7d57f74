import {
  createCategory,
  getCategory,
  listCategories,
  setCategoryArchived,
  updateCategory,
} from '../repositories/categories';
import type { Handlers } from './types';

export const categoryHandlers = {
  'categories:list': (input, { db }) => listCategories(db, input?.includeArchived ?? false),
  'categories:create': (input, { db, now }) => createCategory(db, input, now()),
  'categories:update': ({ id, ...patch }, { db, now }) => updateCategory(db, id, patch, now()),
  'categories:archive': ({ id }, { db, now }) => setCategoryArchived(db, id, true, now()),
  'categories:restore': ({ id }, { db, now }) => {
    getCategory(db, id);
    return setCategoryArchived(db, id, false, now());
  },
} satisfies Partial<Handlers>;
