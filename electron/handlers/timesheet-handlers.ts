import { getTimeEntry } from '../repositories/time-entries';
import { moveEntries, timesheetDay, timesheetWeek } from '../services/timesheet-service';
import type { Handlers } from './types';

export const timesheetHandlers = {
  // One transaction: every entry the week lists names a row its rows hold.
  'timesheet:week': (filter, { db, settings }) => db.transaction(() => timesheetWeek(db, filter, settings.get()))(),
  'timesheet:day': (filter, { db, settings, timeZone }) => timesheetDay(db, filter, settings.get(), timeZone()),
  'timeEntries:get': ({ id }, { db }) => getTimeEntry(db, id),
  'timeEntries:move': ({ ids, day }, { db, now, timeZone, calendar }) =>
    db.transaction(() => moveEntries(db, ids, day, { now: now(), timeZone: timeZone(), calendar: calendar() }))(),
} satisfies Partial<Handlers>;
