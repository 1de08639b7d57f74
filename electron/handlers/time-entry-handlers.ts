import { assertUsableCategory } from '../repositories/categories';
import { assertActiveTechnician } from '../repositories/msp';
import { withTaskTitles } from '../repositories/task-titles';
import { getTask } from '../repositories/tasks';
import { deleteTimeEntry, insertTimeEntry, listTimeEntries } from '../repositories/time-entries';
import { assertNoOverlap, assertStartsByNow } from '../services/entry-rules';
import type { Handlers } from './types';

export const timeEntryHandlers = {
  /** Her time and the MSP's, logged after it was worked: an entry that starts in the future is refused. */
  'timeEntries:create': (entry, { db, now, timeZone, calendar }) =>
    db.transaction(() => {
      assertStartsByNow(entry.startAt, now(), timeZone());
      assertUsableCategory(db, entry.categoryId);
      if (entry.technicianId !== null) assertActiveTechnician(db, entry.technicianId);
      if (entry.taskId !== null) getTask(db, entry.taskId);
      assertNoOverlap(db, entry, 0, timeZone(), now());
      return insertTimeEntry(db, entry, calendar(), now());
    })(),
  'timeEntries:list': (filter, { db }) => withTaskTitles(db, listTimeEntries(db, filter)),
  'timeEntries:delete': ({ id }, { db }) => deleteTimeEntry(db, id),
} satisfies Partial<Handlers>;
