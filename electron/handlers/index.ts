import { appHandlers } from './app-handlers';
import { backupHandlers } from './backup-handlers';
import { categoryHandlers } from './category-handlers';
import { dataHandlers } from './data-handlers';
import { delegationHandlers } from './delegation-handlers';
import { desktopHandlers } from './desktop-handlers';
import { mspHandlers } from './msp-handlers';
import { planningHandlers } from './planning-handlers';
import { reclaimedHandlers } from './reclaimed-handlers';
import { recurringHandlers } from './recurring-handlers';
import { reportHandlers } from './report-handlers';
import { taskHandlers } from './task-handlers';
import { timeEntryHandlers } from './time-entry-handlers';
import { timeOffHandlers } from './time-off-handlers';
import { timerHandlers } from './timer-handlers';
import { timesheetHandlers } from './timesheet-handlers';
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
  ...reportHandlers,
  ...recurringHandlers,
  ...planningHandlers,
  ...timeOffHandlers,
  ...backupHandlers,
  ...desktopHandlers,
  ...timesheetHandlers,
  ...dataHandlers,
} satisfies Handlers;
