import { daysInMonth, type LocalDay } from '../../../shared/domain/day';
import { formatMoney } from '../../ui/format-figures';

/** Contract amounts are stored in cents; whole amounts are shown without them ("$2,400"). */
export const money = (cents: number, currency: string) => formatMoney(cents / 100, currency, Number.isInteger(cents / 100) ? 0 : 2);

export function monthDays(month: string): { first: LocalDay; last: LocalDay; count: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const count = daysInMonth(year, monthNumber);
  return { first: `${month}-01`, last: `${month}-${String(count).padStart(2, '0')}`, count };
}

const startDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** Contracts span years, so their start days carry the year: "Jan 1, 2026". */
export function formatStartDay(day: LocalDay): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return startDayFormat.format(Date.UTC(year, month - 1, date));
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthName(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthFormat.format(Date.UTC(year, monthNumber - 1, 1));
}
