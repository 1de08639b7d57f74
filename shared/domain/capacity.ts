import { addDays, dayOfWeek, type LocalDay } from './day';
import type { Settings } from './settings';
import { instantAt, type ZoneArithmetic } from './zoned-time';

/**
 * Capacity, exactly as PRODUCT.md defines it: working days and a daily working window (default
 * Mon–Fri, 08:00–17:00) and hours per working day (default 8). Days marked as time off have
 * capacity 0. Weekly capacity = the sum over the week's days.
 */

export type CapacitySettings = Pick<Settings, 'weekStartsOn' | 'workingDays' | 'workdayStart' | 'workdayEnd' | 'hoursPerDay'>;

/** Days she marked as time off, from `startDay` to `endDay` inclusive. */
export interface TimeOff {
  startDay: LocalDay;
  endDay: LocalDay;
}

/** A stored range of time off, with her note ("Vacation", "Dentist"). */
export interface TimeOffRange extends TimeOff {
  id: number;
  note: string;
}

/** Her time off as timeOff:list gives it: the ranges asked for, and whether earlier ones were left out. */
export interface TimeOffList {
  ranges: TimeOffRange[];
  earlier: boolean;
}

/** A stretch of real time, epoch milliseconds, `start` included and `end` excluded. */
export interface Interval {
  start: number;
  end: number;
}

/** Whether `day` is one of her working weekdays. Time off does not change the answer. */
export function isWorkingDay(settings: Pick<CapacitySettings, 'workingDays'>, day: LocalDay): boolean {
  return settings.workingDays.includes(dayOfWeek(day));
}

/** Whether `day` lies in any of the time-off ranges. */
export function isDayOff(timeOff: readonly TimeOff[], day: LocalDay): boolean {
  return timeOff.some((range) => range.startDay <= day && day <= range.endDay);
}

/** Hours per working day on a working day that is not a day off; 0 on any other day. */
export function capacityHours(
  settings: Pick<CapacitySettings, 'workingDays' | 'hoursPerDay'>,
  day: LocalDay,
  timeOff: readonly TimeOff[],
): number {
  return isWorkingDay(settings, day) && !isDayOff(timeOff, day) ? settings.hoursPerDay : 0;
}

/** The seven days of the week that starts on `weekStart`, in order. */
export function weekDays(weekStart: LocalDay): LocalDay[] {
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => addDays(weekStart, offset));
}

/** Weekly capacity: the sum of the capacity of the week's seven days. */
export function weekCapacityHours(
  settings: Pick<CapacitySettings, 'workingDays' | 'hoursPerDay'>,
  weekStart: LocalDay,
  timeOff: readonly TimeOff[],
): number {
  return weekDays(weekStart).reduce((total, day) => total + capacityHours(settings, day, timeOff), 0);
}

/**
 * The working window of `day` as instants in her zone, from `workdayStart` to `workdayEnd`. On a
 * day whose clocks change the window keeps its wall-clock edges, so its real length changes; an
 * edge that falls in a spring-forward gap moves forward as clocks do.
 */
export function workingWindow(
  settings: Pick<CapacitySettings, 'workdayStart' | 'workdayEnd'>,
  day: LocalDay,
  zone: string | ZoneArithmetic,
): Interval {
  const instantOf = typeof zone === 'string' ? (clock: string) => instantAt(day, clock, zone) : (clock: string) => zone.instantOf(day, clock);
  return { start: instantOf(settings.workdayStart), end: instantOf(settings.workdayEnd) };
}
