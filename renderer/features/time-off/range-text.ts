import type { TimeOff } from '../../../shared/domain/capacity';
import { daysBetween } from '../../../shared/domain/day';

/** "Mon, Dec 21 – Thu, Dec 31 (11 days)", "Fri, Nov 20". */
export function describeRange(range: TimeOff, formatDay: (day: string) => string): string {
  if (range.startDay === range.endDay) return formatDay(range.startDay);
  const days = daysBetween(range.startDay, range.endDay) + 1;
  return `${formatDay(range.startDay)} – ${formatDay(range.endDay)} (${days} days)`;
}
