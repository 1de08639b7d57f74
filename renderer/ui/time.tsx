import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { daysBetween, type LocalDay } from '../../shared/domain/day';
import { clockOf, instantAt, localDayOf } from '../../shared/domain/zoned-time';

/**
 * Every day, time and week she sees, in her time zone (the `timeZone` setting, else the system's as
 * the backend reports it), never the browser's: with the setting at America/Chicago and the machine
 * in Asia/Tokyo, "today", entry forms and due labels agree with the figures. The one place the
 * renderer turns instants into days and times, and back, and formats them for her locale.
 */
export interface ZonedTime {
  timeZone: string;
  /** Her current day; the provider re-renders when it changes. */
  today: LocalDay;
  now(): number;
  dayOf(instant: number): LocalDay;
  /** The instant of a wall-clock time (`HH:MM`) on a local day; a time skipped by DST resolves forward. */
  instantAt(day: LocalDay, clock: string): number;
  /** `HH:MM`, 24-hour, for time inputs. */
  clockOf(instant: number): string;
  /** "9:30 AM" or "09:30", as her locale writes times. */
  formatTime(instant: number): string;
  /** "9:30 – 11:00 AM" or "09:30–11:00": two times as her locale writes a range, compactly. */
  formatTimeRange(start: number, end: number): string;
  /** "Mon, Nov 16"; with the year when it is not this year ("Wed, Jan 1, 2020"). */
  formatDay(day: LocalDay): string;
  /** "November 2026" for `2026-11`. */
  formatMonth(month: string): string;
  /** "Mon, Nov 16, 9:30 AM". */
  formatInstant(instant: number): string;
  /** "Today", "Tomorrow", "Overdue · yesterday", "Fri, Nov 27". A done task is never overdue. */
  describeDue(day: LocalDay, options?: { done?: boolean }): { text: string; overdue: boolean };
}

const locale = undefined;
/** Calendar days are formatted on a zone-free calendar: a LocalDay has no instant. */
const calendarDay = (day: LocalDay) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
};
const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayWithYearFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function zonedTime(timeZone: string, now: () => number = Date.now): ZonedTime {
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const today = localDayOf(now(), timeZone);
  const formatDay = (day: LocalDay) =>
    (day.slice(0, 4) === today.slice(0, 4) ? dayFormat : dayWithYearFormat).format(calendarDay(day));
  return {
    timeZone,
    today,
    now,
    dayOf: (instant) => localDayOf(instant, timeZone),
    instantAt: (day, clock) => instantAt(day, clock, timeZone),
    clockOf: (instant) => clockOf(instant, timeZone),
    formatTime: (instant) => timeFormat.format(instant),
    // Across midnight Intl would add both dates; the caller says “next day” its own way.
    formatTimeRange: (start, end) =>
      end > start && localDayOf(start, timeZone) === localDayOf(end, timeZone)
        ? timeFormat.formatRange(start, end)
        : `${timeFormat.format(start)} – ${timeFormat.format(end)}`,
    formatDay,
    formatMonth: (month) => monthFormat.format(calendarDay(`${month}-01`)),
    formatInstant: (instant) => `${formatDay(localDayOf(instant, timeZone))}, ${timeFormat.format(instant)}`,
    describeDue(day, options = {}) {
      const delta = daysBetween(today, day);
      const overdue = delta < 0 && !options.done;
      if (delta === 0) return { text: 'Today', overdue: false };
      if (delta === 1) return { text: 'Tomorrow', overdue: false };
      if (delta === -1) return { text: overdue ? 'Overdue · yesterday' : 'Yesterday', overdue };
      return { text: overdue ? `Overdue · ${formatDay(day)}` : formatDay(day), overdue };
    },
  };
}

const TimeContext = createContext<ZonedTime | null>(null);

/** How often the provider checks whether her day has changed. */
const DAY_CHECK_MS = 15_000;

/**
 * Provides her zone's time to every screen. When her day changes (midnight in her zone, or a new
 * zone setting) everything on screen is refetched: "today", overdue and undated tasks all move.
 */
export function TimeProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [clock, setClock] = useState(() => ({ timeZone, today: localDayOf(Date.now(), timeZone) }));
  const shown = useRef(clock);
  useEffect(() => {
    const check = () => {
      const today = localDayOf(Date.now(), timeZone);
      if (today === shown.current.today && timeZone === shown.current.timeZone) return;
      const dayChanged = today !== shown.current.today;
      shown.current = { timeZone, today };
      setClock(shown.current);
      if (dayChanged) void queryClient.invalidateQueries();
    };
    const first = window.setTimeout(check, 0);
    const timer = window.setInterval(check, DAY_CHECK_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [timeZone, queryClient]);
  const value = useMemo(() => zonedTime(clock.timeZone), [clock]);
  return <TimeContext.Provider value={value}>{children}</TimeContext.Provider>;
}

export function useTime(): ZonedTime {
  const value = useContext(TimeContext);
  if (!value) throw new Error('useTime outside TimeProvider');
  return value;
}
