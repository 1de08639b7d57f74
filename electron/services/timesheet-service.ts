import {
  TIMESHEET_DAY_ENTRY_LIMIT,
  TIMESHEET_WEEK_ENTRY_LIMIT,
  type TimesheetDayTotal,
  type TimesheetDayView,
  type TimesheetRow,
  type TimesheetWeekEntry,
  type TimesheetWeekView,
} from '../../shared/api/contract-timesheet';
import { AppError } from '../../shared/api/errors';
import { isDayOff, isWorkingDay, weekDays, workingWindow } from '../../shared/domain/capacity';
import { addDays, daysBetween, startOfWeek, type LocalDay } from '../../shared/domain/day';
import type { Settings } from '../../shared/domain/settings';
import type { TimeEntry } from '../../shared/domain/time-entry';
import type { Owner } from '../../shared/domain/types';
import { instantAt, shiftWallClock } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { listCategories } from '../repositories/categories';
import { getTimeEntry, updateTimeEntry } from '../repositories/time-entries';
import { timeOffBetween } from '../repositories/time-off';
import {
  countEntriesStartingBetween,
  dayTotalsBetween,
  entriesOnAxis,
  entriesStartingBetween,
  namesFor,
  timesheetCells,
} from '../repositories/timesheet';
import type { EntryCalendar } from './entry-calendar';
import { assertNoOverlap, assertPlausibleSpan, assertStartsByNow, describeMoment } from './entry-rules';

interface Filter {
  day: LocalDay;
  worker: Owner | null;
}

function emptyTotal(day: LocalDay): TimesheetDayTotal {
  return { day, minutes: 0, herMinutes: 0, mspMinutes: 0, afterHoursMinutes: 0 };
}

/** A row's key: `worker:technician:category:task`, `-` for none. */
const rowKeyOf = (of: Pick<TimeEntry, 'worker' | 'technicianId' | 'categoryId' | 'taskId'>) =>
  `${of.worker}:${of.technicianId ?? '-'}:${of.categoryId}:${of.taskId ?? '-'}`;

/** Per day: hers, the MSP's and her after-hours, from the daily rollup. */
function dayTotals(db: SqliteDatabase, worker: Owner | null, days: readonly LocalDay[]): TimesheetDayTotal[] {
  const byDay = new Map(days.map((day) => [day, emptyTotal(day)]));
  for (const row of dayTotalsBetween(db, worker, days[0]!, days.at(-1)!)) {
    const total = byDay.get(row.day);
    if (!total) continue;
    total.minutes += row.minutes;
    if (row.worker === 'me') {
      total.herMinutes += row.minutes;
      total.afterHoursMinutes += row.afterHoursMinutes;
    } else total.mspMinutes += row.minutes;
  }
  return [...byDay.values()];
}

/**
 * The week that holds `day`: its entries (the first 250 by start), one row per person, category
 * and task with minutes per day, and totals per day and for the week. Rows and totals are summed
 * in SQL over the week's days only, so they count every entry even when the list is cut. Each
 * entry names its row by index instead of repeating the row's worker, category and task. Call it
 * inside a transaction, so that every listed entry's row is among the rows.
 */
export function timesheetWeek(db: SqliteDatabase, { day, worker }: Filter, settings: Settings): TimesheetWeekView {
  const weekStart = startOfWeek(day, settings.weekStartsOn);
  const days = weekDays(weekStart);
  const weekEnd = days[6]!;
  const listed = entriesStartingBetween(db, worker, weekStart, weekEnd, TIMESHEET_WEEK_ENTRY_LIMIT);
  const entryCount = listed.length < TIMESHEET_WEEK_ENTRY_LIMIT ? listed.length : countEntriesStartingBetween(db, worker, weekStart, weekEnd);
  const cells = timesheetCells(db, worker, weekStart, weekEnd);

  const rows = new Map<string, TimesheetRow>();
  for (const cell of cells) {
    const key = rowKeyOf({ worker: cell.worker, technicianId: cell.technician_id, categoryId: cell.category_id, taskId: cell.task_id });
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        worker: cell.worker,
        technicianId: cell.technician_id,
        categoryId: cell.category_id,
        taskId: cell.task_id,
        minutesByDay: days.map(() => 0),
        entriesByDay: days.map(() => 0),
        minutes: 0,
        running: false,
      };
      rows.set(key, row);
    }
    const index = daysBetween(weekStart, cell.start_day);
    const minutes = cell.ms / 60_000;
    row.minutesByDay[index] = minutes;
    row.entriesByDay[index] = cell.entries;
    row.minutes += minutes;
    row.running ||= cell.running === 1;
  }

  const names = namesFor(db, [...rows.values()]);
  const categoryOrder = new Map(listCategories(db, true).map((category, index) => [category.id, index]));
  const titleOf = new Map(names.tasks.map((task) => [task.id, task.title]));
  const technicianOf = new Map(names.technicians.map((technician) => [technician.id, technician.name]));
  const sorted = [...rows.values()].sort(
    (a, b) =>
      (a.worker === b.worker ? 0 : a.worker === 'me' ? -1 : 1) ||
      (a.technicianId === null ? '' : (technicianOf.get(a.technicianId) ?? '')).localeCompare(b.technicianId === null ? '' : (technicianOf.get(b.technicianId) ?? '')) ||
      (categoryOrder.get(a.categoryId) ?? 0) - (categoryOrder.get(b.categoryId) ?? 0) ||
      (a.taskId === null ? '' : (titleOf.get(a.taskId) ?? '')).localeCompare(b.taskId === null ? '' : (titleOf.get(b.taskId) ?? '')) ||
      a.key.localeCompare(b.key),
  );

  const rowIndex = new Map(sorted.map((row, index) => [row.key, index]));
  const entries = listed.map(({ entry: { id, ...entry }, ...of }): TimesheetWeekEntry => {
    const row = rowIndex.get(rowKeyOf(of));
    if (row === undefined) throw new Error(`The week's entry ${id} has no row: read the week inside one transaction.`);
    return { id, row, ...entry };
  });

  const perDay = dayTotals(db, worker, days);
  const totals = perDay.reduce(
    (sum, total) => ({
      minutes: sum.minutes + total.minutes,
      herMinutes: sum.herMinutes + total.herMinutes,
      mspMinutes: sum.mspMinutes + total.mspMinutes,
      afterHoursMinutes: sum.afterHoursMinutes + total.afterHoursMinutes,
    }),
    { minutes: 0, herMinutes: 0, mspMinutes: 0, afterHoursMinutes: 0 },
  );
  return { weekStart, days, entries, entryCount, rows: sorted, dayTotals: perDay, totals, ...names };
}

/**
 * One local day on its 00:00–24:00 axis: the entries that start on it, and those of the day before
 * that run past midnight into it (shown from the top of the axis); her working window for the
 * shading; and the day's totals.
 */
export function timesheetDay(db: SqliteDatabase, { day, worker }: Filter, settings: Settings, timeZone: string): TimesheetDayView {
  const startsAt = instantAt(day, '00:00', timeZone);
  const endsAt = instantAt(addDays(day, 1), '00:00', timeZone);
  const found = entriesOnAxis(db, worker, addDays(day, -1), day, startsAt, endsAt, TIMESHEET_DAY_ENTRY_LIMIT + 1);
  const entries = found.slice(0, TIMESHEET_DAY_ENTRY_LIMIT);
  const working = isWorkingDay(settings, day) && !isDayOff(timeOffBetween(db, day, day), day);
  const window = working ? workingWindow(settings, day, timeZone) : null;
  return {
    day,
    startsAt,
    endsAt,
    workingWindow: window && { startAt: window.start, endAt: window.end },
    entries,
    truncated: found.length > TIMESHEET_DAY_ENTRY_LIMIT,
    totals: dayTotals(db, worker, [day])[0]!,
    ...namesFor(db, entries),
  };
}

/**
 * Moves entries to `day`, each keeping its wall-clock start and end in her zone (an entry past
 * midnight still ends the next day). The caller holds the transaction: all move, or none.
 */
export function moveEntries(
  db: SqliteDatabase,
  ids: readonly number[],
  day: LocalDay,
  context: { now: number; timeZone: string; calendar: EntryCalendar },
): TimeEntry[] {
  const moved: TimeEntry[] = [];
  for (const id of new Set(ids)) {
    const entry = getTimeEntry(db, id);
    if (entry.endAt === null) {
      throw new AppError('VALIDATION', 'Stop the timer before moving its entry to another day.', [{ field: 'day', message: 'The timer is running' }]);
    }
    const days = daysBetween(entry.startDay, day);
    if (days === 0) {
      moved.push(entry);
      continue;
    }
    const next = { ...entry, startAt: shiftWallClock(entry.startAt, days, context.timeZone), endAt: shiftWallClock(entry.endAt, days, context.timeZone) };
    if (next.endAt <= next.startAt) {
      const message = `On that day this entry would end before it starts: the clocks changed during it on ${describeMoment(entry.startAt, context.timeZone, context.now)}. Edit its times instead.`;
      throw new AppError('VALIDATION', message, [{ field: 'day', message }]);
    }
    assertPlausibleSpan(next.startAt, next.endAt);
    assertStartsByNow(next.startAt, context.now, context.timeZone, 'day');
    assertNoOverlap(db, next, id, context.timeZone, context.now);
    moved.push(updateTimeEntry(db, next, context.calendar, context.now));
  }
  return moved;
}
