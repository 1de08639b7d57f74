import { AppError } from '../../shared/api/errors';
import { assertUsableCategory } from '../repositories/categories';
import { assertActiveTechnician } from '../repositories/msp';
import { getTask } from '../repositories/tasks';
import { deleteTimeEntry, findOverlappingEntry, insertTimeEntry, listTimeEntries } from '../repositories/time-entries';
import type { Handlers } from './types';

const clock = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);

export const timeEntryHandlers = {
  'timeEntries:create': (entry, { db, now, timeZone, calendar }) =>
    db.transaction(() => {
      assertUsableCategory(db, entry.categoryId);
      if (entry.technicianId !== null) assertActiveTechnician(db, entry.technicianId);
      if (entry.taskId !== null) getTask(db, entry.taskId);
      const overlap = findOverlappingEntry(db, entry);
      if (overlap) {
        const who = entry.worker === 'me' ? 'You already logged' : 'This technician already logged';
        throw new AppError(
          'CONFLICT',
          `${who} time from ${clock(overlap.startAt, timeZone())}${overlap.endAt ? ` to ${clock(overlap.endAt, timeZone())}` : ' (still running)'}, which overlaps this entry.`,
          [{ field: 'startAt', message: 'Overlaps another entry' }],
        );
      }
      return insertTimeEntry(db, entry, calendar(), now());
    })(),
  'timeEntries:list': (filter, { db }) => listTimeEntries(db, filter),
  'timeEntries:delete': ({ id }, { db }) => deleteTimeEntry(db, id),
} satisfies Partial<Handlers>;
