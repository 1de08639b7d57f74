import { RRule, Weekday, type Options } from 'rrule';
import { addDays, daysBetween, daysInMonth, isLocalDay, startOfWeek, type LocalDay } from './day';

/**
 * Recurring IT work (patching, backup checks, licence renewals) as RFC 5545 rules, computed by the
 * `rrule` library.
 *
 * Occurrences are calendar days, never instants. Every rule is therefore computed on a floating
 * calendar: DTSTART is the start day at 00:00 UTC, no TZID, and occurrences are read back through
 * their UTC date parts. UTC has no daylight-saving time, so a weekly rule cannot drift onto
 * another weekday when her clocks change (America/Chicago on 2026-11-01, Europe/Berlin on
 * 2026-03-29 and 2026-10-25): rrule never consults the machine's zone for such a rule. Had the
 * rule been anchored at local midnight in her zone, the week after a change would start at 23:00
 * or 01:00 UTC and reading it back on the other calendar would land a day off.
 */

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export const WEEKDAY_SHORT: Record<WeekdayCode, string> = {
  MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun',
};
export const WEEKDAY_LONG: Record<WeekdayCode, string> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};

/** Which week of the month: the 1st to 4th, or the last (-1). A 5th exists only in some months. */
export const NTH_VALUES = [1, 2, 3, 4, -1] as const;
export type Nth = (typeof NTH_VALUES)[number];
export const NTH_LABELS: Record<Nth, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', [-1]: 'last' };

/** The month day meaning "the last day of the month, whatever its length". */
export const LAST_DAY_OF_MONTH = -1;

interface RuleBase {
  /** Every `interval` days, weeks or months. */
  interval: number;
  /** The first day the series may occur on; with an interval it also fixes which weeks or months count. */
  start: LocalDay;
  /** The last day the series may occur on (inclusive), or null for no end. */
  until: LocalDay | null;
}

/** The rules the UI builds: a small, typed subset of RFC 5545 that always round-trips through RRULE text. */
export type RecurrenceRule =
  | (RuleBase & { kind: 'daily' })
  | (RuleBase & { kind: 'weekly'; weekdays: WeekdayCode[] })
  /** Day 1–31 of the month, or -1 for the month's last day. */
  | (RuleBase & { kind: 'monthlyDay'; monthDay: number })
  | (RuleBase & { kind: 'monthlyNth'; nth: Nth; weekday: WeekdayCode });

export type RecurrenceKind = RecurrenceRule['kind'];

/** The largest interval per kind: a ten-year search always finds at least one period. */
export const MAX_INTERVAL: Record<RecurrenceKind, number> = { daily: 365, weekly: 52, monthlyDay: 36, monthlyNth: 36 };

/** A rule that yields nothing is reported at the field to change. Fields are the rule model's. */
export interface RuleProblem {
  field: 'start' | 'until' | 'interval' | 'weekdays' | 'monthDay' | 'nth' | 'weekday';
  message: string;
}

/** How far ahead a rule is searched for its first occurrence before it is judged to yield nothing. */
const SEARCH_YEARS = 10;

const RRULE_WEEKDAYS: Record<WeekdayCode, Weekday> = {
  MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU,
};

function dayToDate(day: LocalDay): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
}

/** The UTC date parts are the calendar day (see the note at the top). */
function dateToDay(date: Date): LocalDay {
  return date.toISOString().slice(0, 10);
}

function yearsAfter(day: LocalDay, years: number): LocalDay {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return dateToDay(new Date(Date.UTC(year + years, month - 1, date)));
}

function sortedWeekdays(weekdays: readonly WeekdayCode[]): WeekdayCode[] {
  return WEEKDAY_CODES.filter((code) => weekdays.includes(code));
}

const FREQUENCY: Record<RecurrenceKind, Options['freq']> = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthlyDay: RRule.MONTHLY,
  monthlyNth: RRule.MONTHLY,
};

function byParts(rule: RecurrenceRule): Partial<Options> {
  switch (rule.kind) {
    case 'daily':
      return {};
    case 'weekly':
      return { byweekday: sortedWeekdays(rule.weekdays).map((code) => RRULE_WEEKDAYS[code]) };
    case 'monthlyDay':
      return { bymonthday: [rule.monthDay] };
    case 'monthlyNth':
      return { byweekday: [RRULE_WEEKDAYS[rule.weekday].nth(rule.nth)] };
  }
}

/** rrule writes the parts in the order of these keys: FREQ first, as RFC 5545 asks for compatibility. */
function rruleOptions(rule: RecurrenceRule): Partial<Options> {
  return {
    freq: FREQUENCY[rule.kind],
    dtstart: dayToDate(rule.start),
    interval: rule.interval,
    wkst: RRule.MO,
    ...(rule.until !== null ? { until: dayToDate(rule.until) } : {}),
    ...byParts(rule),
  };
}

/**
 * The rule as RFC 5545 text: a DTSTART line (the start day at 00:00 UTC, floating) and an RRULE
 * line, e.g. `DTSTART:20260105T000000Z\nRRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH`.
 * WKST=MO (the RFC's default, written out) fixes which weeks count for "every 2 weeks".
 */
export function toRRule(rule: RecurrenceRule): string {
  return new RRule(rruleOptions(rule)).toString();
}

function weekdayCode(value: unknown): WeekdayCode | null {
  if (value instanceof Weekday) return WEEKDAY_CODES[value.weekday] ?? null;
  if (typeof value === 'number') return WEEKDAY_CODES[value] ?? null;
  if (typeof value === 'string') return (WEEKDAY_CODES as readonly string[]).includes(value) ? (value as WeekdayCode) : null;
  return null;
}

function asList<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Parses rule text written by `toRRule`, refusing anything that is not a floating, day-based rule. */
function storedOptions(text: string): Partial<Options> & { dtstart: Date } {
  const options = RRule.parseString(text);
  const { dtstart } = options;
  if (!(dtstart instanceof Date) || Number.isNaN(dtstart.getTime())) throw new Error(`The rule has no DTSTART: ${text}`);
  if (options.tzid) throw new Error(`Recurrence rules are floating calendar rules; this one names a zone: ${text}`);
  if (dtstart.getTime() !== dayToDate(dateToDay(dtstart)).getTime()) throw new Error(`DTSTART must be a day at 00:00: ${text}`);
  if (options.freq !== RRule.DAILY && options.freq !== RRule.WEEKLY && options.freq !== RRule.MONTHLY) {
    throw new Error(`Only daily, weekly and monthly rules are supported: ${text}`);
  }
  return { ...options, dtstart };
}

/** The rule model back from its text (for editing a stored series). */
export function parseRule(text: string): RecurrenceRule {
  const options = storedOptions(text);
  const base: RuleBase = {
    interval: options.interval ?? 1,
    start: dateToDay(options.dtstart),
    until: options.until ? dateToDay(options.until) : null,
  };
  const weekdays = asList(options.byweekday);
  if (options.freq === RRule.DAILY) return { ...base, kind: 'daily' };
  if (options.freq === RRule.WEEKLY) {
    const codes = weekdays.map(weekdayCode).filter((code): code is WeekdayCode => code !== null);
    return { ...base, kind: 'weekly', weekdays: sortedWeekdays(codes) };
  }
  const monthDay = asList(options.bymonthday)[0];
  if (monthDay !== undefined) return { ...base, kind: 'monthlyDay', monthDay };
  const first = weekdays[0];
  const code = weekdayCode(first);
  const nth = first instanceof Weekday ? first.n : undefined;
  if (code !== null && (NTH_VALUES as readonly number[]).includes(nth ?? 0)) {
    return { ...base, kind: 'monthlyNth', weekday: code, nth: nth as Nth };
  }
  throw new Error(`Not a rule Offload can edit: ${text}`);
}

/**
 * A DTSTART moved forward to the start of the last whole period (day, week or month, counted in
 * intervals from the original start) that begins on or before `from`. The rule yields the same
 * days from there on, but rrule no longer walks every period since the series began: a daily
 * series that is ten years old costs what a new one does.
 */
function rebasedStart(options: Partial<Options> & { dtstart: Date }, from: LocalDay): Date {
  const startDay = dateToDay(options.dtstart);
  const interval = options.interval ?? 1;
  if (from <= startDay || options.count != null || interval < 1) return options.dtstart;
  let rebased: LocalDay | null = null;
  if (options.freq === RRule.DAILY) {
    const periods = Math.floor(daysBetween(startDay, from) / interval);
    if (periods > 0) rebased = addDays(startDay, periods * interval);
  } else if (options.freq === RRule.WEEKLY && asList(options.byweekday).length > 0) {
    const weekStart = options.wkst == null ? 1 : ((weekdayIndex(options.wkst) + 1) % 7);
    const firstWeek = startOfWeek(startDay, weekStart);
    const periods = Math.floor(daysBetween(firstWeek, startOfWeek(from, weekStart)) / 7 / interval);
    if (periods > 0) rebased = addDays(firstWeek, periods * interval * 7);
  } else if (options.freq === RRule.MONTHLY && (asList(options.bymonthday).length > 0 || asList(options.byweekday).length > 0)) {
    const [startYear, startMonth] = startDay.split('-').map(Number) as [number, number];
    const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
    const periods = Math.floor(((fromYear - startYear) * 12 + (fromMonth - startMonth)) / interval);
    if (periods > 0) rebased = dateToDay(new Date(Date.UTC(startYear, startMonth - 1 + periods * interval, 1)));
  }
  return rebased === null ? options.dtstart : dayToDate(rebased);
}

/** rrule's weekday number (0 = Monday) of a WKST given as a number, a Weekday or a code. */
function weekdayIndex(value: Options['wkst']): number {
  if (value instanceof Weekday) return value.weekday;
  if (typeof value === 'number') return value;
  return 0;
}

/**
 * The days in [from, to] (inclusive) on which the stored rule occurs, in order; at most `limit`.
 */
export function occurrences(rruleText: string, from: LocalDay, to: LocalDay, limit = Number.POSITIVE_INFINITY): LocalDay[] {
  if (to < from || limit <= 0) return [];
  const options = storedOptions(rruleText);
  const rule = new RRule({ ...options, dtstart: rebasedStart(options, from) }, true);
  const iterator = Number.isFinite(limit) ? (_date: Date, found: number) => found < limit : undefined;
  return rule.between(dayToDate(from), dayToDate(to), true, iterator).map(dateToDay);
}

/** The first day on or after `from` (and on or before `to`, if given) on which the rule occurs. */
export function nextOccurrence(rruleText: string, from: LocalDay, to: LocalDay | null = null): LocalDay | null {
  return occurrences(rruleText, from, to ?? yearsAfter(from, SEARCH_YEARS), 1)[0] ?? null;
}

/**
 * Whether a monthly-on-day-N rule can ever land in [start, lastDay]. Checked by calendar
 * arithmetic before rrule is asked, because rrule looks for a rule with no candidate at all (day
 * 31 every 12 months from February) up to the year 9999 before it gives up.
 */
function monthDayFits(start: LocalDay, interval: number, monthDay: number, lastDay: LocalDay): boolean {
  if (monthDay === LAST_DAY_OF_MONTH || monthDay <= 28) return true;
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  for (let months = 0; ; months += interval) {
    const year = startYear + Math.floor((startMonth - 1 + months) / 12);
    const month = ((startMonth - 1 + months) % 12) + 1;
    if (`${year}-${String(month).padStart(2, '0')}-01` > lastDay) return false;
    if (daysInMonth(year, month) >= monthDay) {
      const day = `${year}-${String(month).padStart(2, '0')}-${String(monthDay).padStart(2, '0')}`;
      if (day >= start && day <= lastDay) return true;
    }
  }
}

/** The first day the rule yields at all, or null when it yields nothing within ten years. */
export function firstOccurrence(rule: RecurrenceRule): LocalDay | null {
  const lastDay = rule.until ?? yearsAfter(rule.start, SEARCH_YEARS);
  if (lastDay < rule.start) return null;
  if (rule.kind === 'monthlyDay' && !monthDayFits(rule.start, rule.interval, rule.monthDay, lastDay)) return null;
  return nextOccurrence(toRRule(rule), rule.start, lastDay);
}

function isWholeNumber(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const UNIT: Record<RecurrenceKind, string> = { daily: 'days', weekly: 'weeks', monthlyDay: 'months', monthlyNth: 'months' };

/**
 * What is wrong with a rule, at the field to change, or null when it yields at least one day.
 * A rule that yields nothing is refused rather than saved as a series that never occurs.
 */
export function ruleProblem(rule: RecurrenceRule): RuleProblem | null {
  if (!isLocalDay(rule.start)) return { field: 'start', message: 'Use a real date written YYYY-MM-DD' };
  if (rule.until !== null && !isLocalDay(rule.until)) return { field: 'until', message: 'Use a real date written YYYY-MM-DD' };
  const maxInterval = MAX_INTERVAL[rule.kind];
  if (!isWholeNumber(rule.interval, 1, maxInterval)) {
    return { field: 'interval', message: `Repeat every 1 to ${maxInterval} ${UNIT[rule.kind]}, in whole numbers` };
  }
  switch (rule.kind) {
    case 'weekly':
      if (rule.weekdays.length === 0) return { field: 'weekdays', message: 'Choose at least one day of the week' };
      break;
    case 'monthlyDay':
      if (rule.monthDay !== LAST_DAY_OF_MONTH && !isWholeNumber(rule.monthDay, 1, 31)) {
        return { field: 'monthDay', message: 'Choose a day of the month from 1 to 31, or the last day' };
      }
      break;
    case 'monthlyNth':
      if (!(NTH_VALUES as readonly number[]).includes(rule.nth)) return { field: 'nth', message: 'Choose the 1st to 4th, or the last' };
      break;
    case 'daily':
      break;
  }
  if (rule.until !== null && rule.until < rule.start) {
    return { field: 'until', message: `The series cannot end before it starts (${rule.start})` };
  }
  if (firstOccurrence(rule) !== null) return null;
  const unbounded = rule.until === null ? null : firstOccurrence({ ...rule, until: null });
  if (unbounded !== null) {
    return {
      field: 'until',
      message: `No occurrence falls between ${rule.start} and ${rule.until}; the first would be ${unbounded}. Move the end day.`,
    };
  }
  if (rule.kind === 'monthlyDay') {
    return {
      field: 'monthDay',
      message: `Day ${rule.monthDay} never comes in the months this rule visits (every ${rule.interval} month${rule.interval === 1 ? '' : 's'} from ${MONTH_NAMES[Number(rule.start.slice(5, 7)) - 1]} ${rule.start.slice(0, 4)}); choose the last day, another day or another interval.`,
    };
  }
  return { field: 'interval', message: `This rule yields no day within ${SEARCH_YEARS} years` };
}

function every(interval: number, unit: string): string {
  return interval === 1 ? `Every ${unit}` : `Every ${interval} ${unit}s`;
}

function monthly(interval: number): string {
  return interval === 1 ? 'Monthly' : `Every ${interval} months`;
}

const WORK_WEEK: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** The rule in her words: "Every 2 weeks on Mon, Thu", "Monthly on the 3rd Wednesday". */
export function describeRule(rule: RecurrenceRule): string {
  let text: string;
  switch (rule.kind) {
    case 'daily':
      text = every(rule.interval, 'day');
      break;
    case 'weekly': {
      const days = sortedWeekdays(rule.weekdays);
      const workWeek = days.length === WORK_WEEK.length && WORK_WEEK.every((code) => days.includes(code));
      text =
        workWeek && rule.interval === 1
          ? 'Every weekday (Mon–Fri)'
          : `${every(rule.interval, 'week')} on ${days.map((code) => WEEKDAY_SHORT[code]).join(', ')}`;
      break;
    }
    case 'monthlyDay':
      text =
        rule.monthDay === LAST_DAY_OF_MONTH
          ? `${monthly(rule.interval)} on the last day`
          : `${monthly(rule.interval)} on day ${rule.monthDay}${rule.monthDay > 28 ? ` (skipped in months without day ${rule.monthDay})` : ''}`;
      break;
    case 'monthlyNth':
      text = `${monthly(rule.interval)} on the ${NTH_LABELS[rule.nth]} ${WEEKDAY_LONG[rule.weekday]}`;
      break;
  }
  return rule.until === null ? text : `${text}, until ${rule.until}`;
}
