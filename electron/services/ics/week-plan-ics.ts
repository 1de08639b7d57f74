import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { weekDays } from '../../../shared/domain/capacity';
import { addDays, type LocalDay } from '../../../shared/domain/day';
import { instantAt } from '../../../shared/domain/zoned-time';
import type { PlanContext } from '../week-plan-service';
import { weekPlan } from '../week-plan-service';
import { listTimeOff } from '../../repositories/time-off';
import { vtimezone } from './vtimezone';

const MINUTE = 60_000;
/** A task without an estimate still gets a block she can see and resize. */
const UNESTIMATED_MINUTES = 30;

/**
 * The week plan as iCalendar, for the calendar she already lives in: her time off as all-day events,
 * and her open tasks (and the recurring work not created as tasks yet) as timed blocks in her zone,
 * each day's blocks one after another from the start of her working day in plan order. UIDs are
 * stable (`task-<id>@offload`, `time-off-<id>@offload`), so importing an updated plan moves the
 * events instead of adding copies.
 */
export function weekPlanIcs(context: PlanContext & { now: number }, weekStart: LocalDay): { fileName: string; text: string } {
  const { db, settings, timeZone } = context;
  const plan = weekPlan(context, weekStart);
  const days = weekDays(weekStart);
  const from = instantAt(days[0]!, '00:00', timeZone);
  const to = instantAt(addDays(days[6]!, 1), '00:00', timeZone);
  const calendar = ical({
    name: `Offload week plan — week of ${weekStart}`,
    prodId: { company: 'Offload', product: 'Week plan', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: timeZone, generator: (zone) => vtimezone(zone, from - 7 * 86_400_000, to + 7 * 86_400_000) },
  });

  for (const range of listTimeOff(db)) {
    if (range.endDay < days[0]! || range.startDay > days[6]!) continue;
    calendar.createEvent({
      id: `time-off-${range.id}@offload`,
      start: dateOnly(range.startDay, timeZone),
      end: dateOnly(addDays(range.endDay, 1), timeZone),
      allDay: true,
      stamp: new Date(context.now),
      summary: range.note ? `Time off: ${range.note}` : 'Time off',
    });
  }

  for (const day of plan.days) {
    let cursor = instantAt(day.day, settings.workdayStart, timeZone);
    const blocks = [
      ...day.tasks
        .filter((task) => task.owner === 'me' && task.status !== 'done')
        .map((task) => ({ id: `task-${task.id}@offload`, title: task.title, minutes: task.estimateMinutes, note: task.dueDay ? `Due ${task.dueDay}` : '' })),
      ...day.upcoming
        .filter((occurrence) => occurrence.owner === 'me')
        .map((occurrence) => ({ id: `series-${occurrence.seriesId}-${occurrence.day}@offload`, title: occurrence.title, minutes: occurrence.estimateMinutes, note: 'Recurring' })),
    ];
    for (const block of blocks) {
      const minutes = block.minutes ?? UNESTIMATED_MINUTES;
      calendar.createEvent({
        id: block.id,
        start: new TZDate(cursor, timeZone),
        end: new TZDate(cursor + minutes * MINUTE, timeZone),
        timezone: timeZone,
        stamp: new Date(context.now),
        summary: block.title,
        description: [block.note, block.minutes === null ? 'No estimate yet: 30 minutes held.' : `Estimate: ${minutes} min`].filter(Boolean).join('\n'),
      });
      cursor += minutes * MINUTE;
    }
  }
  // ical-generator writes DTSTAMP in the calendar's zone without a Z; RFC 5545 wants it in UTC.
  const stamp = `DTSTAMP:${new Date(context.now).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  return { fileName: `offload-week-${weekStart}.ics`, text: calendar.toString().replace(/^DTSTAMP:.*$/gm, stamp) };
}

/** An all-day date: a date object whose wall clock in her zone is that day (ical-generator reads its local parts). */
function dateOnly(day: LocalDay, timeZone: string): TZDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, date, timeZone);
}
