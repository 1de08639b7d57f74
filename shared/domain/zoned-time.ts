import type { LocalDay } from './day';

/**
 * Instants ↔ her wall clock, in an IANA zone, through Intl alone: the answers never depend on the
 * zone of the machine running the code (the suites run again under a faked clock and far-off zones
 * to prove it).
 */

const DAY_MS = 86_400_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: number, timeZone: string): WallClock {
  const wall: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') wall[part.type] = Number(part.value);
  }
  return {
    year: wall.year!,
    month: wall.month!,
    day: wall.day!,
    hour: wall.hour!,
    minute: wall.minute!,
    second: wall.second!,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Chicago in winter: −6 h). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  return offsetAt(instant, timeZone);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT`, `GMT+05:30`, `GMT-00:44:30` (a zone's old local mean time) at the end of a formatted instant. */
const LONG_OFFSET = /GMT(?:([+\-\u2212])(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The offset as Intl names it (`timeZoneName: 'longOffset'`): one short string to read instead of
 * the wall clock's eight parts — 10,000 offsets in 18 ms against 56 ms. An import's calendar finds
 * its zone's offsets day by day over the entries' whole span (zoneOffsetFinder). Should a runtime
 * name the offset otherwise, the wall clock still gives it.
 */
function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, format);
  }
  const named = LONG_OFFSET.exec(format.format(instant));
  return named ? namedOffset(named) : wallClockOffsetAt(instant, timeZone);
}

function namedOffset([, sign, hours, minutes, seconds]: RegExpExecArray): number {
  if (sign === undefined) return 0;
  const ms = Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds ?? 0) * 1000;
  return sign === '+' ? ms : -ms;
}

/** The offset as the wall clock's difference from UTC at the instant, to the second. */
export function wallClockOffsetAt(instant: number, timeZone: string): number {
  const wall = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const MINUTE_MS = 60_000;

/** A change of the zone's offset: at instant `at`, from `before` to `after` (ms). */
export interface OffsetChange {
  at: number;
  before: number;
  after: number;
}

/** Every change of the zone's offset in [from, to), found day by day and then to the minute. */
export function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const found: OffsetChange[] = [];
  let previous = offsetAt(from, timeZone);
  for (let day = from; day < to; day += DAY_MS) {
    const next = offsetAt(day + DAY_MS, timeZone);
    if (next === previous) continue;
    let low = day;
    let high = day + DAY_MS;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(middle, timeZone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, before: previous, after: next });
    previous = next;
  }
  return found;
}

/**
 * Instants ↔ local days and wall-clock times in one zone, for work over many instants (imports,
 * re-filing hundreds of thousands of entries): `zoneArithmetic` answers from the zone's offset
 * changes in a span, found once, instead of a formatter call each; `exactZoneArithmetic` asks Intl
 * every time. Both give the same answers (test/unit/zoned-time.test.ts).
 */
export interface ZoneArithmetic {
  offsetOf(instant: number): number;
  dayOf(instant: number): LocalDay;
  /** As `instantAt`. */
  instantOf(day: LocalDay, clock: string): number;
}

export function exactZoneArithmetic(timeZone: string): ZoneArithmetic {
  return {
    offsetOf: (instant) => offsetAt(instant, timeZone),
    dayOf: (instant) => localDayOf(instant, timeZone),
    instantOf: (day, clock) => instantAt(day, clock, timeZone),
  };
}

/** Fast answers for instants in [from, to] (outside it, Intl is asked). */
export function zoneArithmetic(timeZone: string, from: number, to: number): ZoneArithmetic {
  const offsetOf = zoneOffsetFinder(timeZone, from, to);
  const days = new Map<number, LocalDay>();
  return {
    offsetOf,
    dayOf(instant) {
      const dayNumber = Math.floor((instant + offsetOf(instant)) / DAY_MS);
      let day = days.get(dayNumber);
      if (day === undefined) {
        day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
        days.set(dayNumber, day);
      }
      return day;
    },
    instantOf: (day, clock) => instantWith(offsetOf, day, clock),
  };
}

function zoneOffsetFinder(timeZone: string, from: number, to: number): (instant: number) => number {
  const spanStart = from - DAY_MS;
  const spanEnd = to + DAY_MS;
  const changes = offsetChanges(timeZone, spanStart, spanEnd);
  const initial = offsetAt(spanStart, timeZone);
  return (instant) => {
    if (instant < spanStart || instant > spanEnd) return offsetAt(instant, timeZone);
    let offset = initial;
    let low = 0;
    let high = changes.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (changes[middle]!.at <= instant) {
        offset = changes[middle]!.after;
        low = middle + 1;
      } else high = middle - 1;
    }
    return offset;
  };
}

/**
 * The local day of many instants in [from, to] in one zone, by arithmetic on its offset changes
 * instead of a formatter call each: for re-filing hundreds of thousands of entries.
 */
export function localDayFinder(timeZone: string, from: number, to: number): (instant: number) => LocalDay {
  return zoneArithmetic(timeZone, from, to).dayOf;
}

/** The local calendar day of an instant in `timeZone` (the day a time entry belongs to). */
export function localDayOf(instant: number, timeZone: string): LocalDay {
  const wall = wallClockOf(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/**
 * The instant of a wall-clock time (`HH:MM` or `HH:MM:SS`) on a local day in `timeZone`.
 * A time skipped by a DST jump resolves forward, as clocks do (02:30 on a spring-forward night is
 * 03:30); a time that occurs twice when clocks fall back is its first occurrence (01:30 on
 * America/Chicago's fall-back night is 01:30 CDT, 06:30 UTC).
 */
export function instantAt(day: LocalDay, clock: string, timeZone: string): number {
  return instantWith((instant) => offsetAt(instant, timeZone), day, clock);
}

function instantWith(offsetOf: (instant: number) => number, day: LocalDay, clock: string): number {
  const [year, month, date] = day.split('-') as [string, string, string];
  const [hours, minutes, seconds = 0] = clock.split(':') as [string, string, string?];
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(date), Number(hours), Number(minutes), Number(seconds));
  // Zones change offset at most once in a day: the offsets a day either side are the candidates.
  const before = offsetOf(wall - DAY_MS);
  const after = offsetOf(wall + DAY_MS);
  const early = wall - before;
  // The same offset a day either side (most days): the one candidate.
  if (after === before) return early;
  const late = wall - after;
  const earlyFits = early + offsetOf(early) === wall;
  const lateFits = late + offsetOf(late) === wall;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (lateFits && !earlyFits) return late;
  // In the gap, the wall time does not exist: the offset from before the jump carries it forward.
  return early;
}

/**
 * The instant with the same wall-clock time (to the millisecond) `days` calendar days later in
 * `timeZone`: 09:00 on a summer day moved to a winter day is still 09:00 there, although the
 * instants are 24 h × days ± 1 h apart. A wall time that does not exist on the new day (a
 * spring-forward gap) resolves forward, and a repeated one to its first occurrence, as in instantAt.
 */
export function shiftWallClock(instant: number, days: number, timeZone: string): number {
  const wall = new Date(instant + offsetAt(instant, timeZone) + days * DAY_MS).toISOString();
  const millis = instant - Math.floor(instant / 1000) * 1000;
  return instantAt(wall.slice(0, 10), wall.slice(11, 19), timeZone) + millis;
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in `timeZone`, as `HH:MM` (24-hour), e.g. for a time input. */
export function clockOf(instant: number, timeZone: string): string {
  let format = clockFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** Her configured zone, or the system's when she has not chosen one. */
export function effectiveTimeZone(setting: string | null): string {
  return setting ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
