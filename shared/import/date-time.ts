import { tzOffset } from '@date-fns/tz';
import type { LocalDay } from '../domain/day';
import { zoneOffsetAt } from '../domain/zoned-time';

/**
 * Dates and clock times as exporters write them, and wall-clock times turned into instants.
 *
 * Days are handled as day numbers (whole days since 1970-01-01 on a zone-free calendar) and clock
 * times as seconds since midnight, so a 100,000-row file costs integer arithmetic per row; the
 * zone is consulted once per distinct calendar day.
 */

/** The order of a date's fields. YMD needs no decision; DMY and MDY are told apart by the data. */
export type DateOrder = 'YMD' | 'DMY' | 'MDY';
export type DayMonthOrder = Exclude<DateOrder, 'YMD'>;

export type DayMonthDecision =
  /** Every date is year-first (or there are none): nothing to ask. */
  | { order: 'YMD' }
  | { order: DayMonthOrder; example: string }
  /** Every non-ISO date has both fields ≤ 12: she must say which comes first. */
  | { order: 'ambiguous'; examples: string[] }
  /** Some dates can only be day-first and others only month-first. */
  | { order: 'inconsistent'; dayFirst: string; monthFirst: string };

const DAY_MS = 86_400_000;
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$/;

const YEAR_FIRST_FIXED = -1;

/** The value of the digits text[from, to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * The common fixed-width forms without a regular expression: YEAR_FIRST_FIXED for `2024-10-15`,
 * first × 100 + second for `15/10/2024`-like dates, null for anything else (read the slow way).
 */
function fixedWidthDate(text: string): number | null {
  if (text.length !== 10) return null;
  const fourth = text.charCodeAt(4);
  if ((fourth === 45 || fourth === 47) && text.charCodeAt(7) === fourth && digitsAt(text, 0, 4) >= 0) return YEAR_FIRST_FIXED;
  const third = text.charCodeAt(2);
  if ((third === 47 || third === 46 || third === 45) && text.charCodeAt(5) === third) {
    const first = digitsAt(text, 0, 2);
    const second = digitsAt(text, 3, 5);
    if (first >= 0 && second >= 0 && digitsAt(text, 6, 10) >= 0) return first * 100 + second;
  }
  return null;
}

/** The shape of a date before its day/month order is known. */
export type DateShape =
  | { kind: 'ymd'; year: number; month: number; day: number }
  | { kind: 'other'; first: number; second: number; year: number };

/**
 * `2024-10-15`, `2024/10/15` and `2024.10.15` are year-first; `15/10/2024`, `10/15/2024`,
 * `15.10.2024` and `15-10-2024` are year-last, with a two-digit year read as 20xx (`10/15/24`, as
 * Excel writes short dates). The two separators must match. Anything else is not a date.
 */
export function dateShape(text: string): DateShape | null {
  const value = text.trim();
  let match = YEAR_FIRST.exec(value);
  if (match) return { kind: 'ymd', year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) };
  match = YEAR_LAST.exec(value);
  if (!match) return null;
  const yearText = match[4]!;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return { kind: 'other', first: Number(match[1]), second: Number(match[3]), year };
}

/**
 * Collects what the dates of a file say about their order: a first field over 12 can only be a
 * day, a second field over 12 only a day too (so the first is the month).
 */
export class DayMonthEvidence {
  private dayFirst: { text: string; row: number } | null = null;
  private monthFirst: { text: string; row: number } | null = null;
  private readonly ambiguous: string[] = [];
  private readonly slowSeen = new Set<string>();

  add(text: string, row = 0): void {
    let first: number;
    let second: number;
    const fixed = fixedWidthDate(text);
    if (fixed === YEAR_FIRST_FIXED) return;
    if (fixed !== null) {
      first = Math.floor(fixed / 100);
      second = fixed % 100;
    } else {
      if (this.slowSeen.has(text)) return;
      this.slowSeen.add(text);
      const shape = dateShape(text);
      if (!shape || shape.kind === 'ymd') return;
      first = shape.first;
      second = shape.second;
    }
    if (first > 12 && second <= 12) this.dayFirst ??= { text: text.trim(), row };
    else if (second > 12 && first <= 12) this.monthFirst ??= { text: text.trim(), row };
    else if (first <= 12 && second <= 12 && this.ambiguous.length < 3 && !this.ambiguous.includes(text.trim())) this.ambiguous.push(text.trim());
  }

  decide(): DayMonthDecision {
    if (this.dayFirst && this.monthFirst) return { order: 'inconsistent', dayFirst: this.dayFirst.text, monthFirst: this.monthFirst.text };
    if (this.dayFirst) return { order: 'DMY', example: this.dayFirst.text };
    if (this.monthFirst) return { order: 'MDY', example: this.monthFirst.text };
    if (this.ambiguous.length > 0) return { order: 'ambiguous', examples: [...this.ambiguous] };
    return { order: 'YMD' };
  }

  /** The rows that first showed each order, for a message about a file that mixes them. */
  conflictRows(): { dayFirst: number; monthFirst: number } | null {
    return this.dayFirst && this.monthFirst ? { dayFirst: this.dayFirst.row, monthFirst: this.monthFirst.row } : null;
  }
}

/** Day/month order from every date of a file (the whole file, not a sample). */
export function decideDayMonthOrder(dates: Iterable<string>): DayMonthDecision {
  const evidence = new DayMonthEvidence();
  for (const date of dates) evidence.add(date);
  return evidence.decide();
}

/** Whole days since 1970-01-01 for a real calendar date in 1970–9999, else null. */
export function dayNumberOf(year: number, month: number, day: number): number | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** A date in the given order as a day number, or null when it is not a real date in that order. */
export function parseDayNumber(text: string, order: DayMonthOrder | null): number | null {
  const shape = dateShape(text);
  if (!shape) return null;
  if (shape.kind === 'ymd') return dayNumberOf(shape.year, shape.month, shape.day);
  if (order === null) return null;
  return order === 'DMY' ? dayNumberOf(shape.year, shape.second, shape.first) : dayNumberOf(shape.year, shape.first, shape.second);
}

/** A date in the given order as `YYYY-MM-DD`, or null. */
export function parseDate(text: string, order: DayMonthOrder | null): LocalDay | null {
  const dayNumber = parseDayNumber(text, order);
  return dayNumber === null ? null : localDayOfNumber(dayNumber);
}

export function localDayOfNumber(dayNumber: number): LocalDay {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A clock time as seconds since midnight: `14:05`, `14:05:09`, `2:05 PM`, `2:05:09 pm`, `2:05pm`,
 * `2:05 p.m.`. With AM/PM the hour is 1–12 and `12:xx AM` is just after midnight; without, 0–23.
 * `24:00` (and `24:00:00`) is accepted as the midnight that ends a day and returns 86,400.
 */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes > 59 || seconds > 59) return null;
  const meridiem = match[4]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    if (meridiem === 'a') hours = hours === 12 ? 0 : hours;
    else hours = hours === 12 ? 12 : hours + 12;
  } else if (hours === 24) {
    return minutes === 0 && seconds === 0 ? 86_400 : null;
  } else if (hours > 23) {
    return null;
  }
  return hours * 3600 + minutes * 60 + seconds;
}

/** True when `timeZone` is an IANA zone (or offset) the runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  return !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

/** Zone offsets never change for a day, so they are kept between imports (a preview, then the apply). */
const offsetsByZone = new Map<string, Map<number, number>>();
/** A century of days per zone. */
const OFFSET_MEMO_LIMIT = 36_600;

/**
 * Turns wall-clock times in one zone into instants. A time skipped by a DST jump resolves forward
 * by the length of the jump (02:30 on a spring-forward night is 03:30), as clocks do; a time that
 * happens twice when clocks fall back is its first (earlier) occurrence.
 *
 * The offset is looked up once per calendar day: a day whose offset is the same from 14 h before
 * its start to 12 h after its end (the widest offsets in use) has one offset for every wall-clock
 * time on it; only the two or so days a year with a change take the exact, slower path.
 */
export class WallClock {
  private readonly dayOffsets: Map<number, number>;

  constructor(readonly timeZone: string) {
    let offsets = offsetsByZone.get(timeZone);
    if (!offsets) {
      offsets = new Map();
      offsetsByZone.set(timeZone, offsets);
    }
    this.dayOffsets = offsets;
  }

  /** The instant (epoch ms) of `secondsOfDay` (0–86,400) on `dayNumber`, in this zone. */
  instant(dayNumber: number, secondsOfDay: number): number {
    const local = dayNumber * DAY_MS + secondsOfDay * 1000;
    let offset = this.dayOffsets.get(dayNumber);
    if (offset === undefined) {
      offset = this.uniformOffset(dayNumber);
      if (this.dayOffsets.size < OFFSET_MEMO_LIMIT) this.dayOffsets.set(dayNumber, offset);
    }
    return Number.isNaN(offset) ? this.exactInstant(local) : local - offset;
  }

  /** The instant of a local day and clock text, for callers outside a bulk import. */
  instantOf(day: LocalDay, clock: string): number | null {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const dayNumber = dayNumberOf(year, month, date);
    const seconds = parseClock(clock);
    return dayNumber === null || seconds === null ? null : this.instant(dayNumber, seconds);
  }

  /** The app's one reading of a zone's offset (shared/domain/zoned-time.ts), to the second and with its sign under an hour. */
  private offsetAt(instant: number): number {
    return zoneOffsetAt(instant, this.timeZone);
  }

  /** The day's single offset in ms, or NaN when it may change during the day. */
  private uniformOffset(dayNumber: number): number {
    const start = dayNumber * DAY_MS;
    const before = this.offsetAt(start - 14 * 3_600_000);
    const after = this.offsetAt(start + DAY_MS + 12 * 3_600_000);
    return before === after ? before : Number.NaN;
  }

  private exactInstant(local: number): number {
    const offsetBefore = this.offsetAt(local - DAY_MS);
    const offsetAfter = this.offsetAt(local + DAY_MS);
    const early = local - offsetBefore;
    const late = local - offsetAfter;
    const earlyFits = this.offsetAt(early) === offsetBefore;
    const lateFits = this.offsetAt(late) === offsetAfter;
    if (earlyFits && lateFits) return Math.min(early, late);
    if (earlyFits) return early;
    if (lateFits) return late;
    // In a gap neither offset fits: the offset from before the jump carries the time forward.
    return early;
  }
}
