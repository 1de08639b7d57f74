import { appHandlers } from './app-handlers';
import { categoryHandlers } from './category-handlers';
import { taskHandlers } from './task-handlers';
import type { Handlers } from './types';

export const handlers = {
  ...appHandlers,
  ...categoryHandlers,
  ...taskHandlers,
} satisfies Handlers;
