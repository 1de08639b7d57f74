import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { LocalDay } from '../../shared/domain/day';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });

/** Today's calendar day on this machine, which shares her time zone with the main process. */
export function todayLocal(now = new Date()): LocalDay {
  return format(now, 'yyyy-MM-dd');
}

/** A local day and wall-clock time (`HH:MM`) as an instant; the browser shares her time zone with the app. */
export function instantOfLocal(day: LocalDay, time: string): number {
  return parseISO(`${day}T${time}`).getTime();
}

/** "Mon, Nov 16", in her locale. */
export function formatDay(day: LocalDay): string {
  return dayFormat.format(parseISO(day));
}

/** "Today", "Tomorrow", "Overdue · Mon, Nov 16", "Fri, Nov 27". */
export function describeDue(day: LocalDay, today: LocalDay): { text: string; overdue: boolean } {
  const delta = differenceInCalendarDays(parseISO(day), parseISO(today));
  if (delta === 0) return { text: 'Today', overdue: false };
  if (delta === 1) return { text: 'Tomorrow', overdue: false };
  if (delta === -1) return { text: 'Overdue · yesterday', overdue: true };
  if (delta < 0) return { text: `Overdue · ${formatDay(day)}`, overdue: true };
  return { text: formatDay(day), overdue: false };
}

export { addDays } from '../../shared/domain/day';
