import { isDayOff, isWorkingDay, type TimeOff } from './capacity';
import { addDays, dayOfWeek, startOfWeek, type LocalDay } from './day';
import type { Settings } from './settings';

/**
 * The interrupt reserve and the load of a day in the week plan, as PRODUCT.md defines them. Pure:
 * the caller supplies her unplanned minutes per local day and the day's estimates; nothing here
 * reads a clock or a database.
 */

export type ReserveSettings = Pick<Settings, 'weekStartsOn' | 'workingDays' | 'baselineWeeks'>;

export interface ReserveInput {
  /** Her minutes on a local day in entries whose task is unplanned, or that are marked unplanned. */
  unplannedMinutes: (day: LocalDay) => number;
  /** Her today, in her time zone. */
  today: LocalDay;
  settings: ReserveSettings;
  /** The local day of her first time entry in the app, or null if she has none. */
  firstEntryDay: LocalDay | null;
}

export interface InterruptReserve {
  /** Average unplanned hours per weekday, indexed 0 = Sunday … 6 = Saturday. */
  weekdayHours: number[];
  /** The first days of the weeks averaged, most recent first. */
  weeks: LocalDay[];
}

/**
 * Her average unplanned hours on each weekday over the N most recent full weeks (N = baseline
 * weeks): the weeks that ended before the week containing today, not reaching before the week of
 * her first time entry. Each weekday's average is its unplanned hours summed over those weeks ÷
 * the number of weeks; with no such week every weekday averages 0. Weeks count whole, holidays
 * and days off included, exactly as the brief's "N most recent full weeks" says.
 */
export function interruptReserve(input: ReserveInput): InterruptReserve {
  const { settings } = input;
  const minutesPerWeekday = [0, 0, 0, 0, 0, 0, 0];
  const weeks: LocalDay[] = [];
  if (input.firstEntryDay !== null) {
    const earliest = startOfWeek(input.firstEntryDay, settings.weekStartsOn);
    for (
      let week = addDays(startOfWeek(input.today, settings.weekStartsOn), -7);
      weeks.length < settings.baselineWeeks && week >= earliest;
      week = addDays(week, -7)
    ) {
      weeks.push(week);
      for (let offset = 0; offset < 7; offset += 1) {
        const day = addDays(week, offset);
        minutesPerWeekday[dayOfWeek(day)]! += input.unplannedMinutes(day);
      }
    }
  }
  const weekdayHours = minutesPerWeekday.map((minutes) => (weeks.length === 0 ? 0 : minutes / 60 / weeks.length));
  return { weekdayHours, weeks };
}

/**
 * The reserve held back on `day`: its weekday's average on a working day that is not a day off,
 * and 0 on any other day. The brief defines the reserve for working days only; a day off has
 * capacity 0, so holding a reserve back there would flag every day off as overloaded. When her
 * setting turns the reserve off, the caller passes 0 instead.
 */
export function reserveHoursOn(
  reserve: InterruptReserve,
  settings: Pick<ReserveSettings, 'workingDays'>,
  day: LocalDay,
  timeOff: readonly TimeOff[],
): number {
  if (!isWorkingDay(settings, day) || isDayOff(timeOff, day)) return 0;
  return reserve.weekdayHours[dayOfWeek(day)] ?? 0;
}

export interface DayLoadInput {
  day: LocalDay;
  /** Her today: days before it are over. */
  today: LocalDay;
  capacityHours: number;
  /** The estimates of her open tasks planned on the day, recurring occurrences included. */
  myEstimateMinutes: number;
  /** The estimates of the MSP's tasks planned on the day. */
  mspEstimateMinutes: number;
  /** Share of the MSP's work she spends overseeing it (0.1 = 10 %). */
  oversightShare: number;
  /** The interrupt reserve of the day (0 when the setting turns it off). */
  reserveHours: number;
  /** Her logged minutes on the day (finished entries starting on it). */
  loggedMinutes: number;
}

/** What the day's load is made of, in hours; the segments add up to the load. */
export interface LoadSegments {
  tasks: number;
  oversight: number;
  reserve: number;
  logged: number;
}

export interface DayLoad {
  day: LocalDay;
  segments: LoadSegments;
  loadHours: number;
  capacityHours: number;
  /** The load exceeds the capacity (a load equal to it is not overloaded). */
  overloaded: boolean;
  /** load − capacity when overloaded, else 0. */
  overHours: number;
}

/** Below a millionth of a second: only floating-point noise, never a real overload. */
const NOISE_HOURS = 1e-9;

/**
 * Week plan load of a day = her open tasks' estimates planned on it + oversight share × the MSP's
 * estimates planned on it + the interrupt reserve. A day before today is over: its load is her
 * logged hours alone, and the estimate, oversight and reserve segments are 0, because the hours
 * she really worked replace everything that was only expected of the day. Today still counts the
 * estimates. A day is overloaded when its load exceeds its capacity, by load − capacity.
 */
export function dayLoad(input: DayLoadInput): DayLoad {
  const over = input.day < input.today;
  const segments: LoadSegments = over
    ? { tasks: 0, oversight: 0, reserve: 0, logged: input.loggedMinutes / 60 }
    : {
        tasks: input.myEstimateMinutes / 60,
        oversight: (input.oversightShare * input.mspEstimateMinutes) / 60,
        reserve: input.reserveHours,
        logged: 0,
      };
  const loadHours = segments.tasks + segments.oversight + segments.reserve + segments.logged;
  const overloaded = loadHours - input.capacityHours > NOISE_HOURS;
  return {
    day: input.day,
    segments,
    loadHours,
    capacityHours: input.capacityHours,
    overloaded,
    overHours: overloaded ? loadHours - input.capacityHours : 0,
  };
}
