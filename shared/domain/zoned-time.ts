import { TZDate } from '@date-fns/tz';
import type { LocalDay } from './day';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day of an instant in `timeZone` (the day a time entry belongs to). */
export function localDayOf(instant: number, timeZone: string): LocalDay {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The instant of a wall-clock time on a local day. A time skipped by a DST jump resolves forward,
 * as clocks do (02:30 on a spring-forward night is 03:30).
 */
export function instantAt(day: LocalDay, clock: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return new TZDate(year, month - 1, date, hours, minutes, timeZone).getTime();
}

/** Her configured zone, or the system's when she has not chosen one. */
export function effectiveTimeZone(setting: string | null): string {
  return setting ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
