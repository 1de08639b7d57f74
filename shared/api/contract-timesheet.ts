import { z } from 'zod';
import type { LocalDay } from '../domain/day';
import type { TimeEntry } from '../domain/time-entry';
import type { Owner } from '../domain/types';
import { call, type CallSpec } from './call';
import { id, localDay, owner } from './schemas';

/** An entry as the day lists it: its note cut to a preview (the editor reads the whole entry). */
export interface TimesheetEntry extends TimeEntry {
  noteTruncated: boolean;
}

/**
 * An entry as the week lists it: only what its row does not already say. Its worker, technician,
 * category and task are its row's (`rows[row]`); the day it belongs to is the local day of `startAt`
 * in her zone (one of `days`). The editor reads the whole entry with `timeEntries:get`.
 */
export interface TimesheetWeekEntry {
  id: number;
  /** Index into the week's `rows`: the row of the entry's worker, technician, category and task. */
  row: number;
  /** Epoch milliseconds (UTC). */
  startAt: number;
  /** Null while the timer runs. */
  endAt: number | null;
  /** The note's first 60 characters. */
  note: string;
  /** Present only when the note was cut: the whole note is longer than `note`. */
  noteTruncated?: true;
  /** Present only when the entry itself is marked unplanned (an interrupt). */
  unplanned?: true;
}

/** One row of the week: the entries of one person (her, the MSP team or a technician) in one category and task. */
export interface TimesheetRow {
  /** Stable within a week: `worker:technician:category:task`. */
  key: string;
  worker: Owner;
  technicianId: number | null;
  categoryId: number;
  taskId: number | null;
  /** Finished minutes per day of the week, in the order of `days`. */
  minutesByDay: number[];
  /** Entries per day, the running timer included. */
  entriesByDay: number[];
  minutes: number;
  /** The running timer is in this row (its minutes count nowhere until it stops). */
  running: boolean;
}

export interface TimesheetDayTotal {
  day: LocalDay;
  /** Every shown entry's finished minutes on the day (by the filter). */
  minutes: number;
  herMinutes: number;
  mspMinutes: number;
  /** Her after-hours minutes in the entries that belong to the day (the local day they start on). */
  afterHoursMinutes: number;
}

/** What an entry links to, named for the screen (a deleted task keeps its title, marked). */
export interface TimesheetNames {
  tasks: { id: number; title: string; deleted: boolean }[];
  technicians: { id: number; name: string }[];
}

export interface TimesheetWeekView extends TimesheetNames {
  weekStart: LocalDay;
  /** The seven days, from her week start. */
  days: LocalDay[];
  /** The week's entries, oldest first, at most `TIMESHEET_WEEK_ENTRY_LIMIT`; totals count them all. Each names its row. */
  entries: TimesheetWeekEntry[];
  /** How many entries the week holds by the filter (more than `entries` when the list was cut). */
  entryCount: number;
  rows: TimesheetRow[];
  dayTotals: TimesheetDayTotal[];
  totals: { minutes: number; herMinutes: number; mspMinutes: number; afterHoursMinutes: number };
}

export interface TimesheetDayView extends TimesheetNames {
  day: LocalDay;
  /** Her local midnight at the start and the end of the day (a DST day is 23 or 25 hours long). */
  startsAt: number;
  endsAt: number;
  /** Her working window on the day, or null on a non-working day or a day off. */
  workingWindow: { startAt: number; endAt: number } | null;
  /** Entries on the day's axis, oldest first: those that start on it, and those of the day before that run into it. */
  entries: TimesheetEntry[];
  /** More entries than the axis was sent. */
  truncated: boolean;
  totals: TimesheetDayTotal;
}

/** At most this many entries of a week cross the boundary (the totals count every entry). */
export const TIMESHEET_WEEK_ENTRY_LIMIT = 250;
/** At most this many entries of a day. */
export const TIMESHEET_DAY_ENTRY_LIMIT = 150;

/** Her entries, the MSP's, or both (null). */
const whose = owner.nullable().default(null);

/** The timesheet: a week of entries with totals, a day on a time axis, one whole entry, and moving entries to another day. */
export const timesheetCalls = {
  /** The week (by her week start) that holds `day`: its entries, rows per person, category and task, and totals, summed in SQL. */
  'timesheet:week': call(z.object({ day: localDay, worker: whose }).strict())
    .reads('timeEntries', 'tasks', 'msp', 'settings', 'timeOff')
    .returns<TimesheetWeekView>(),
  /** One local day on a 00:00–24:00 axis, with the entries of the day before that run past midnight into it. */
  'timesheet:day': call(z.object({ day: localDay, worker: whose }).strict())
    .reads('timeEntries', 'tasks', 'msp', 'settings', 'timeOff')
    .returns<TimesheetDayView>(),
  /** One entry with its whole note, for the editor. */
  'timeEntries:get': call(z.object({ id }).strict()).reads('timeEntries').returns<TimeEntry>(),
  /**
   * Moves entries to another local day, keeping their wall-clock times in her zone (09:00–10:30 stays
   * 09:00–10:30 across a DST change; work past midnight still ends the next day), in one transaction:
   * all move or none does.
   */
  'timeEntries:move': call(
    z
      .object({
        ids: z.array(id).min(1, 'Choose an entry to move').max(200, 'Move at most 200 entries at a time'),
        day: localDay,
      })
      .strict(),
  ).writes('timeEntries').returns<TimeEntry[]>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
