import type { DayPlanView, PlanSuggestion, PlanTask, UpcomingOccurrence, WeekPlanView, WeekReviewView } from '../../shared/api/views';
import { autoPlan } from '../../shared/domain/auto-plan';
import { capacityHours, isWorkingDay, weekDays } from '../../shared/domain/capacity';
import { addDays, type LocalDay } from '../../shared/domain/day';
import { ownerOf } from '../../shared/domain/ownership';
import { occurrences } from '../../shared/domain/recurrence';
import type { Settings } from '../../shared/domain/settings';
import { dayLoad, interruptReserve, reserveHoursOn, type InterruptReserve } from '../../shared/domain/week-plan';
import { instantAt } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { herPlannedWithCompletion, herTasksMovedOff, tasksPlannedBetween, unplannedTasks } from '../repositories/plan';
import { listSeries } from '../repositories/recurring';
import { timeOffBetween } from '../repositories/time-off';
import { firstEntryDay } from '../repositories/time-entries';
import { dailyCategoryMinutes, dailyMinutes } from '../repositories/workload';

const BACKLOG_SHOWN = 100;
const MSP_UNPLANNED_SHOWN = 50;

export interface PlanContext {
  db: SqliteDatabase;
  settings: Settings;
  timeZone: string;
  today: LocalDay;
}

/** Her interrupt reserve per weekday, from her unplanned time over the last N full weeks (zero when turned off). */
function reserveFor({ db, settings, today }: PlanContext): InterruptReserve {
  const firstEntry = firstEntryDay(db, 'me');
  const from = addDays(today, -7 * (settings.baselineWeeks + 1));
  const minutes = dailyMinutes(db, 'me', from, today);
  return interruptReserve({
    unplannedMinutes: (day) => minutes.get(day)?.unplannedMinutes ?? 0,
    today,
    settings,
    firstEntryDay: firstEntry,
  });
}

/**
 * Occurrences of recurring series on days not created as tasks yet (beyond each series' horizon),
 * so a week far ahead shows its patching and backup checks too. Owners follow the one rule.
 */
export function upcomingOccurrences(db: SqliteDatabase, from: LocalDay, to: LocalDay): UpcomingOccurrence[] {
  const delegations = listDelegations(db);
  const upcoming: UpcomingOccurrence[] = [];
  for (const series of listSeries(db)) {
    if (series.deletedAt !== null) continue;
    const start = series.generatedUntil !== null && series.generatedUntil >= from ? addDays(series.generatedUntil, 1) : from;
    const end = series.endDay !== null && series.endDay < to ? series.endDay : to;
    if (start > end) continue;
    for (const day of occurrences(series.rrule, start, end)) {
      const owner = ownerOf(
        { categoryId: series.categoryId, plannedDay: day, dueDay: day, keepOwner: series.owner === 'me', handedOver: series.owner === 'msp' },
        delegations,
        day,
      );
      upcoming.push({ seriesId: series.id, day, title: series.title, categoryId: series.categoryId, owner, estimateMinutes: series.estimateMinutes });
    }
  }
  return upcoming;
}

const estimateOf = (items: readonly { estimateMinutes: number | null }[]) => items.reduce((total, item) => total + (item.estimateMinutes ?? 0), 0);

/**
 * The week plan, as PRODUCT.md defines its load: per day, the estimates of her open tasks planned on
 * it (recurring occurrences included) + the oversight share × the estimates of the MSP's open tasks
 * planned on it + the interrupt reserve; for a day that is over, her logged hours instead. Capacity
 * is 0 on non-working days and days off; a day is overloaded when its load exceeds its capacity.
 */
export function weekPlan(context: PlanContext, weekStart: LocalDay): WeekPlanView {
  const { db, settings, today } = context;
  const days = weekDays(weekStart);
  const weekEnd = days[6]!;
  const timeOff = timeOffBetween(db, weekStart, weekEnd);
  const reserve = settings.interruptReserve ? reserveFor(context) : null;
  const planned = tasksPlannedBetween(db, weekStart, weekEnd);
  const upcoming = upcomingOccurrences(db, weekStart, weekEnd);
  const logged = dailyMinutes(db, 'me', weekStart, weekEnd);

  const dayViews: DayPlanView[] = days.map((day) => {
    const tasks = planned.filter((task) => task.plannedDay === day);
    const later = upcoming.filter((occurrence) => occurrence.day === day);
    const open = tasks.filter((task) => task.status !== 'done');
    const capacity = capacityHours(settings, day, timeOff);
    const off = timeOff.find((range) => range.startDay <= day && day <= range.endDay) ?? null;
    const loggedMinutes = logged.get(day)?.minutes ?? 0;
    return {
      day,
      workingDay: isWorkingDay(settings, day),
      timeOff: off ? { id: off.id, note: off.note } : null,
      load: dayLoad({
        day,
        today,
        capacityHours: capacity,
        myEstimateMinutes: estimateOf(open.filter((task) => task.owner === 'me')) + estimateOf(later.filter((item) => item.owner === 'me')),
        mspEstimateMinutes: estimateOf(open.filter((task) => task.owner === 'msp')) + estimateOf(later.filter((item) => item.owner === 'msp')),
        oversightShare: settings.oversightShare,
        reserveHours: reserve ? reserveHoursOn(reserve, settings, day, timeOff) : 0,
        loggedMinutes,
      }),
      recurringHours:
        day < today
          ? 0
          : (estimateOf(open.filter((task) => task.owner === 'me' && task.seriesId !== null)) + estimateOf(later.filter((item) => item.owner === 'me'))) / 60,
      loggedHours: loggedMinutes / 60,
      tasks,
      upcoming: later,
    };
  });

  return {
    weekStart,
    today,
    days: dayViews,
    backlog: unplannedTasks(db, 'me', BACKLOG_SHOWN),
    mspUnplanned: unplannedTasks(db, 'msp', MSP_UNPLANNED_SHOWN),
    oversightShare: settings.oversightShare,
    reserve: { enabled: settings.interruptReserve, weeksAveraged: reserve?.weeks.length ?? 0 },
    totals: {
      capacityHours: dayViews.reduce((total, view) => total + view.load.capacityHours, 0),
      loadHours: dayViews.reduce((total, view) => total + view.load.loadHours, 0),
      overHours: dayViews.reduce((total, view) => total + view.load.overHours, 0),
    },
  };
}

/** How many of her backlog tasks the auto-plan considers: the most urgent first. */
const SUGGESTION_CANDIDATES = 500;

/**
 * "Plan my week": her backlog placed on the days from today (or the week's start) to its end, by due
 * day and priority within each day's capacity less the reserve, around what is already planned
 * there. A suggestion only: it changes nothing (weekPlan:apply does, when she accepts).
 */
export function suggestPlan(context: PlanContext, weekStart: LocalDay): PlanSuggestion {
  const plan = weekPlan(context, weekStart);
  const plannable = plan.days.filter((view) => view.day >= context.today);
  const { tasks } = unplannedTasks(context.db, 'me', SUGGESTION_CANDIDATES);
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const result = autoPlan({
    today: context.today,
    days: plannable.map((view) => ({
      day: view.day,
      capacityHours: view.load.capacityHours,
      reserveHours: view.load.segments.reserve,
      fixedHours: view.load.segments.tasks + view.load.segments.oversight,
    })),
    // Ids grow with creation, so they order the candidates as their creation times would.
    candidates: tasks.map((task) => ({ id: task.id, estimateMinutes: task.estimateMinutes, dueDay: task.dueDay, priority: task.priority, createdAt: task.id })),
  });
  return {
    weekStart,
    placements: result.placements.map((placement) => ({ task: byId.get(placement.taskId)!, day: placement.day })),
    unplaced: result.unplaced.map((entry) => ({ task: byId.get(entry.taskId)!, reason: entry.reason })),
    days: result.days.map((day) => ({
      day: day.day,
      capacityHours: day.capacityHours,
      reserveHours: day.reserveHours,
      fixedHours: day.fixedHours,
      placedHours: day.placedHours,
    })),
  };
}

/**
 * A week that is over: per day and per category, the estimates of her tasks planned then against
 * the hours she logged; and what slipped — her tasks planned that week that were still open at its
 * end or done after their day, and those moved off it to a later day or back to the backlog.
 */
export function weekReview(context: PlanContext, weekStart: LocalDay): WeekReviewView {
  const { db, timeZone } = context;
  const days = weekDays(weekStart);
  const weekEnd = days[6]!;
  const planned = herPlannedWithCompletion(db, weekStart, weekEnd);
  const logged = dailyCategoryMinutes(db, 'me', weekStart, weekEnd);
  const plannedHours = (tasks: readonly PlanTask[]) => estimateOf(tasks) / 60;

  const categoryIds = new Set<number | null>([...planned.map((task) => task.categoryId), ...logged.map((row) => row.categoryId)]);
  const slipped: WeekReviewView['slipped'] = [];
  for (const task of planned) {
    const dayEnd = instantAt(addDays(task.plannedDay!, 1), '00:00', timeZone);
    if (task.status !== 'done') slipped.push({ task, plannedDay: task.plannedDay!, outcome: 'open', movedTo: null });
    else if (task.completedAt !== null && task.completedAt >= dayEnd) slipped.push({ task, plannedDay: task.plannedDay!, outcome: 'done-late', movedTo: null });
  }
  const seen = new Set(slipped.map((entry) => entry.task.id));
  for (const move of herTasksMovedOff(db, weekStart, weekEnd)) {
    if (seen.has(move.task.id)) continue;
    seen.add(move.task.id);
    slipped.push({ task: move.task, plannedDay: move.fromDay, outcome: move.toDay === null ? 'unplanned' : 'moved', movedTo: move.task.plannedDay });
  }
  return {
    weekStart,
    days: days.map((day) => ({
      day,
      plannedHours: plannedHours(planned.filter((task) => task.plannedDay === day)),
      loggedHours: logged.filter((row) => row.day === day).reduce((total, row) => total + row.minutes, 0) / 60,
    })),
    categories: [...categoryIds]
      .map((categoryId) => ({
        categoryId,
        plannedHours: plannedHours(planned.filter((task) => task.categoryId === categoryId)),
        loggedHours: logged.filter((row) => row.categoryId === categoryId).reduce((total, row) => total + row.minutes, 0) / 60,
      }))
      .sort((a, b) => b.loggedHours + b.plannedHours - (a.loggedHours + a.plannedHours)),
    slipped,
  };
}
