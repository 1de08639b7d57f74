import { addDays, daysBetween, type LocalDay } from '../../shared/domain/day';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric' });

/** Today's calendar day on this machine (her time zone setting arrives with time tracking). */
export function todayLocal(now = new Date()): LocalDay {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

export function formatDay(day: LocalDay): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return dayFormat.format(new Date(year, month - 1, date));
}

/** "Today", "Tomorrow", "Overdue · Mon, Nov 16", "Fri, Nov 27". */
export function describeDue(day: LocalDay, today: LocalDay): { text: string; overdue: boolean } {
  const delta = daysBetween(today, day);
  if (delta === 0) return { text: 'Today', overdue: false };
  if (delta === 1) return { text: 'Tomorrow', overdue: false };
  if (delta === -1) return { text: 'Overdue · yesterday', overdue: true };
  if (delta < 0) return { text: `Overdue · ${formatDay(day)}`, overdue: true };
  return { text: formatDay(day), overdue: false };
}

export { addDays };
