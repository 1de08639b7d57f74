import { appHandlers } from './app-handlers';
import { categoryHandlers } from './category-handlers';
import { delegationHandlers } from './delegation-handlers';
import { mspHandlers } from './msp-handlers';
import { reclaimedHandlers } from './reclaimed-handlers';
import { taskHandlers } from './task-handlers';
import { timeEntryHandlers } from './time-entry-handlers';
import type { Handlers } from './types';

export const handlers = {
  ...appHandlers,
  ...categoryHandlers,
  ...taskHandlers,
  ...timeEntryHandlers,
  ...mspHandlers,
  ...delegationHandlers,
  ...reclaimedHandlers,
} satisfies Handlers;
