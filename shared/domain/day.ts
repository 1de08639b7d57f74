/**
 * A calendar day in her time zone, written `YYYY-MM-DD`. Days are compared as strings, which
 * orders them correctly because the format is fixed-width.
 */
export type LocalDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isLocalDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The figures walk years of days and weeks at a time; these answers are memoised (a decade is a
 * few thousand days) so a ten-year report does not build tens of thousands of Date objects: a
 * day's number (days since 1970-01-01), the day of a number, and a day's weekday.
 */
const numberOfDay = new Map<LocalDay, number>();
const dayOfNumber = new Map<number, LocalDay>();
const weekdays = new Map<LocalDay, number>();
const MEMO_LIMIT = 100_000;
const DAY_MS = 86_400_000;

/** A day's number: days since 1970-01-01 (UTC only as a time-zone-free calendar). */
function dayNumber(day: LocalDay): number {
  let number = numberOfDay.get(day);
  if (number === undefined) {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    number = Date.UTC(year, month - 1, date) / DAY_MS;
    if (Number.isFinite(number) && numberOfDay.size < MEMO_LIMIT) numberOfDay.set(day, number);
  }
  return number;
}

/** Days are pure calendar arithmetic; UTC is used only as a time-zone-free calendar. */
export function addDays(day: LocalDay, count: number): LocalDay {
  const target = dayNumber(day) + count;
  const cached = dayOfNumber.get(target);
  if (cached !== undefined) return cached;
  const result = new Date(target * DAY_MS).toISOString().slice(0, 10);
  if (Number.isInteger(target) && dayOfNumber.size < MEMO_LIMIT) dayOfNumber.set(target, result);
  return result;
}

/** 0 = Sunday … 6 = Saturday, as in `Date.prototype.getDay`. */
export function dayOfWeek(day: LocalDay): number {
  const cached = weekdays.get(day);
  if (cached !== undefined) return cached;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  if (weekdays.size < MEMO_LIMIT) weekdays.set(day, weekday);
  return weekday;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  return dayNumber(to) - dayNumber(from);
}

/** The first day of the week containing `day`, for a week that starts on `weekStartsOn`. */
export function startOfWeek(day: LocalDay, weekStartsOn: number): LocalDay {
  return addDays(day, -((dayOfWeek(day) - weekStartsOn + 7) % 7));
}

const messageDayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/**
 * A day as the backend's messages write it, "Mon, Dec 21, 2026": words, not `2026-12-21`, and always
 * with the year, since a message does not know which year she is looking at.
 */
export function describeDay(day: LocalDay): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return messageDayFormat.format(Date.UTC(year, month - 1, date));
}

/** "Mon, Dec 21, 2026" for one day, "Mon, Dec 21 – Thu, Dec 31, 2026" for a range. */
export function describeDays(from: LocalDay, to: LocalDay): string {
  if (from === to) return describeDay(from);
  const start = describeDay(from);
  const end = describeDay(to);
  return from.slice(0, 4) === to.slice(0, 4) ? `${start.replace(/, \d{4}$/, '')} – ${end}` : `${start} – ${end}`;
}
