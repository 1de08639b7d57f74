import { appHandlers } from './app-handlers';
import { categoryHandlers } from './category-handlers';
import { dataHandlers } from './data-handlers';
import { delegationHandlers } from './delegation-handlers';
import { mspHandlers } from './msp-handlers';
import { planningHandlers } from './planning-handlers';
import { reclaimedHandlers } from './reclaimed-handlers';
import { recurringHandlers } from './recurring-handlers';
import { taskHandlers } from './task-handlers';
import { timeEntryHandlers } from './time-entry-handlers';
import { timeOffHandlers } from './time-off-handlers';
import { timerHandlers } from './timer-handlers';
import type { Handlers } from './types';

export const handlers = {
  ...appHandlers,
  ...categoryHandlers,
  ...taskHandlers,
  ...timeEntryHandlers,
  ...timerHandlers,
  ...mspHandlers,
  ...delegationHandlers,
  ...reclaimedHandlers,
  ...recurringHandlers,
  ...planningHandlers,
  ...timeOffHandlers,
  ...dataHandlers,
} satisfies Handlers;
