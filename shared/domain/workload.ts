import {
  capacityHours,
  isDayOff,
  isWorkingDay,
  weekDays,
  workingWindow,
  type CapacitySettings,
  type Interval,
  type TimeOff,
} from './capacity';
import { addDays, startOfWeek, type LocalDay } from './day';
import { exactZoneArithmetic, type ZoneArithmetic } from './zoned-time';

/**
 * Her hours, after-hours and overtime per day and week, as PRODUCT.md defines them. This is the
 * reference implementation: the SQL over the weekly rollups must give the same figures on the same
 * cases. Durations are real elapsed time between instants; days and weeks are calendar days in her
 * zone; an entry belongs to the local day on which it starts.
 */

/** A stopped entry of hers: epoch milliseconds (UTC). */
export interface FinishedEntry {
  startAt: number;
  endAt: number;
}

const MINUTE = 60_000;

/** A local day's real extent and its working window; null when the whole day is after-hours (non-working or off). */
interface DayFrame {
  extent: Interval;
  window: Interval | null;
}

type DayFrames = (day: LocalDay) => DayFrame;

function dayFrames(settings: CapacitySettings, zone: ZoneArithmetic, timeOff: readonly TimeOff[]): DayFrames {
  const frames = new Map<LocalDay, DayFrame>();
  // A day ends at the next one's midnight: each midnight is found once, for the two days it bounds.
  const midnights = new Map<LocalDay, number>();
  const midnight = (day: LocalDay) => {
    let instant = midnights.get(day);
    if (instant === undefined) midnights.set(day, (instant = zone.instantOf(day, '00:00')));
    return instant;
  };
  return (day) => {
    let frame = frames.get(day);
    if (!frame) {
      const extent = { start: midnight(day), end: midnight(addDays(day, 1)) };
      const works = isWorkingDay(settings, day) && !isDayOff(timeOff, day);
      frame = { extent, window: works ? workingWindow(settings, day, zone) : null };
      frames.set(day, frame);
    }
    return frame;
  };
}

const overlapMs = (start: number, end: number, other: Interval): number =>
  Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));

function afterHoursMs(entry: FinishedEntry, zone: ZoneArithmetic, frames: DayFrames): number {
  let total = 0;
  let cursor = entry.startAt;
  if (cursor >= entry.endAt) return 0;
  // The next day is looked up only when the entry reaches into it (most end on the day they start).
  for (let day = zone.dayOf(entry.startAt); ; day = addDays(day, 1)) {
    const { extent, window } = frames(day);
    if (extent.end <= cursor) continue;
    const pieceEnd = Math.min(entry.endAt, extent.end);
    total += pieceEnd - cursor - (window ? overlapMs(cursor, pieceEnd, window) : 0);
    cursor = pieceEnd;
    if (cursor >= entry.endAt) return total;
  }
}

/**
 * After-hours of many entries with one zone, settings and time off, in milliseconds: the days'
 * frames are computed once each, so a year of entries costs a few hundred day lookups.
 */
export function afterHoursCalculator(
  settings: Pick<CapacitySettings, 'workingDays' | 'workdayStart' | 'workdayEnd'>,
  timeZone: string,
  timeOff: readonly TimeOff[],
  /** The zone's arithmetic; `zoneArithmetic` over the entries' span is faster for many entries. */
  zone: ZoneArithmetic = exactZoneArithmetic(timeZone),
): (entry: FinishedEntry) => number {
  const frames = dayFrames({ weekStartsOn: 1, hoursPerDay: 0, ...settings }, zone, timeOff);
  return (entry) => afterHoursMs(entry, zone, frames);
}

/**
 * After-hours minutes of one entry: the part that falls outside the working window of a working
 * day, or on a non-working day or a day off. The entry is split at every local midnight it crosses
 * and at the window's edges, and each piece is judged by the local day it falls on. The figure
 * belongs to the entry's start day, like the rest of the entry.
 */
export function afterHoursMinutes(
  entry: FinishedEntry,
  settings: CapacitySettings,
  timeZone: string,
  timeOff: readonly TimeOff[],
): number {
  const zone = exactZoneArithmetic(timeZone);
  return afterHoursMs(entry, zone, dayFrames(settings, zone, timeOff)) / MINUTE;
}

export interface WorkloadDay {
  day: LocalDay;
  /** Her hours in the entries that start on this day (each entry's whole duration). */
  hours: number;
  capacityHours: number;
  /** After-hours of the entries that start on this day. */
  afterHoursHours: number;
}

export interface WorkloadWeek {
  weekStart: LocalDay;
  hours: number;
  /** Weekly capacity: the sum over the week's days. */
  capacityHours: number;
  /** max(0, her hours − weekly capacity). */
  overtimeHours: number;
  afterHoursHours: number;
}

export interface WorkloadReport {
  /** Every day of the weeks covered, oldest first. */
  days: WorkloadDay[];
  /** The weeks covered, oldest first. */
  weeks: WorkloadWeek[];
}

export interface WorkloadInput {
  /** Her entries (worker "me"). An entry without an end is a running timer and counts nowhere. */
  entries: readonly { startAt: number; endAt: number | null }[];
  timeOff: readonly TimeOff[];
  settings: CapacitySettings;
  timeZone: string;
  /** The report covers the whole weeks (by `weekStartsOn`) that contain any day of [from, to]. */
  from: LocalDay;
  to: LocalDay;
}

/**
 * Her hours, capacity, after-hours and weekly overtime for every day and week covered. Overtime in
 * a week = max(0, her hours − weekly capacity). Each entry counts, whole, on the local day it
 * starts, so a week's after-hours never exceed her hours in it.
 */
export function workloadReport(input: WorkloadInput): WorkloadReport {
  const { settings, timeZone, timeOff } = input;
  const zone = exactZoneArithmetic(timeZone);
  const frames = dayFrames(settings, zone, timeOff);
  const firstWeek = startOfWeek(input.from, settings.weekStartsOn);
  const lastWeek = startOfWeek(input.to, settings.weekStartsOn);

  const days = new Map<LocalDay, { ms: number; afterHoursMs: number }>();
  for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) {
    for (const day of weekDays(week)) days.set(day, { ms: 0, afterHoursMs: 0 });
  }
  for (const entry of input.entries) {
    if (entry.endAt === null || entry.endAt < entry.startAt) continue;
    const totals = days.get(zone.dayOf(entry.startAt));
    if (!totals) continue;
    const finished = { startAt: entry.startAt, endAt: entry.endAt };
    totals.ms += finished.endAt - finished.startAt;
    totals.afterHoursMs += afterHoursMs(finished, zone, frames);
  }

  const toHours = (ms: number) => ms / MINUTE / 60;
  const dayRows: WorkloadDay[] = [];
  const weekRows: WorkloadWeek[] = [];
  for (let week = firstWeek; week <= lastWeek; week = addDays(week, 7)) {
    let weekMs = 0;
    let weekAfterHoursMs = 0;
    let weekCapacity = 0;
    for (const day of weekDays(week)) {
      const totals = days.get(day) ?? { ms: 0, afterHoursMs: 0 };
      const capacity = capacityHours(settings, day, timeOff);
      dayRows.push({ day, hours: toHours(totals.ms), capacityHours: capacity, afterHoursHours: toHours(totals.afterHoursMs) });
      weekMs += totals.ms;
      weekAfterHoursMs += totals.afterHoursMs;
      weekCapacity += capacity;
    }
    const hours = toHours(weekMs);
    weekRows.push({
      weekStart: week,
      hours,
      capacityHours: weekCapacity,
      overtimeHours: Math.max(0, hours - weekCapacity),
      afterHoursHours: toHours(weekAfterHoursMs),
    });
  }
  return { days: dayRows, weeks: weekRows };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a day number (days since 1970-01-01); kept, since entries share few days. */
const dayNames = new Map<number, LocalDay>();
function dayName(dayNumber: number): LocalDay {
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    if (dayNames.size > 100_000) dayNames.clear();
    name = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(dayNumber, name);
  }
  return name;
}

/**
 * An entry's time split at every local hour boundary in `timeZone`: `[day, hour, ms]` per piece,
 * each piece filed under the local day and hour it falls in (for where her hours sit, weekday ×
 * hour). On the fall-back night the repeated hour collects both passes; the skipped hour of the
 * spring-forward night collects nothing.
 */
export function localHourPieces(
  entry: FinishedEntry,
  timeZone: string,
  /** The zone's arithmetic; `zoneArithmetic` over the entries' span is faster for many entries. */
  zone: ZoneArithmetic = exactZoneArithmetic(timeZone),
): [LocalDay, number, number][] {
  const offsetOf = zone.offsetOf;
  const pieces: [LocalDay, number, number][] = [];
  let cursor = entry.startAt;
  while (cursor < entry.endAt) {
    const offset = offsetOf(cursor);
    const wall = cursor + offset;
    const day = dayName(Math.floor(wall / DAY_MS));
    const hour = Math.floor(wall / HOUR_MS) - Math.floor(wall / DAY_MS) * 24;
    // The next wall-clock hour; if the offset changes before it, the piece ends at the change.
    let next = Math.floor(wall / HOUR_MS) * HOUR_MS + HOUR_MS - offset;
    const offsetAtNext = offsetOf(next - 1);
    if (offsetAtNext !== offset) {
      let low = cursor;
      let high = next - 1;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 2);
        if (offsetOf(middle) === offset) low = middle;
        else high = middle;
      }
      next = Math.ceil(high / 60_000) * 60_000;
    }
    const end = Math.min(entry.endAt, next);
    const last = pieces.at(-1);
    if (last && last[0] === day && last[1] === hour) last[2] += end - cursor;
    else pieces.push([day, hour, end - cursor]);
    cursor = end;
  }
  return pieces;
}
