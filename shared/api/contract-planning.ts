import { z } from 'zod';
import type { TimeOffList, TimeOffRange } from '../domain/capacity';
import type { Delegation } from '../domain/delegation';
import type { Task } from '../domain/types';
import { id, localDay, nulMessage, withoutNul } from '../domain/fields';
import { isTimeZone } from '../domain/settings';
import { call, type CallSpec } from './call';
import type { CoverageView, PlanSuggestion, WeekPlanView, WeekReviewView, WorkloadWeekView } from './views';

/** A range of her days to look at: at most three years of weeks in one call. */
const weekRange = z
  .object({ from: localDay, to: localDay })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'The range must end on or after its first day', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= 3 * 366 * 86_400_000, {
    message: 'Ask for at most three years of weeks at a time',
    path: ['to'],
  });

/** Any day of the week wanted; the week is the one (by her week start) that holds it. */
const week = z.object({ weekStart: localDay }).strict();

const timeOffFields = {
  startDay: localDay,
  endDay: localDay,
  note: z.string().trim().max(200, 'Keep the note under 200 characters').refine(withoutNul, nulMessage('The note')).default(''),
};

/** A range of days off: ordered, and at most a year at a time. */
function withTimeOffRules<Schema extends z.ZodType<{ startDay: string; endDay: string }>>(schema: Schema) {
  return schema
    .refine((range) => range.endDay >= range.startDay, { message: 'The last day cannot be before the first', path: ['endDay'] })
    .refine((range) => Date.parse(range.endDay) - Date.parse(range.startDay) < 366 * 86_400_000, {
      message: 'Time off is at most a year at a time',
      path: ['endDay'],
    });
}

const timeOffRange = withTimeOffRules(z.object(timeOffFields).strict());
/** One strict object, not `{ id }.and(range)`: zod lets a key through an intersection when either side would strip it. */
const timeOffUpdate = withTimeOffRules(z.object({ id, ...timeOffFields }).strict());

const dayRange = z
  .object({ startDay: localDay, endDay: localDay })
  .strict()
  .refine((range) => range.endDay >= range.startDay, { message: 'The last day cannot be before the first', path: ['endDay'] });

/** Calls for planning her week against her capacity, and for time off and its coverage. Spread into the contract. */
export const planningCalls = {
  /** Per week: her hours, capacity, overtime, after-hours, unplanned and strategic hours, and per category hers and the MSP's. */
  'workload:weeks': call(weekRange).reads('timeEntries', 'settings', 'timeOff', 'categories').returns<WorkloadWeekView[]>(),

  'weekPlan:get': call(week).reads('tasks', 'timeEntries', 'settings', 'timeOff', 'recurring', 'delegations').returns<WeekPlanView>(),
  /** A past week: plan against what she logged, per day and category, and what slipped. */
  'weekPlan:review': call(week).reads('tasks', 'timeEntries', 'settings', 'categories').returns<WeekReviewView>(),
  /** "Plan my week": a suggestion that changes nothing until weekPlan:apply. */
  'weekPlan:suggest': call(week).reads('tasks', 'timeEntries', 'settings', 'timeOff', 'recurring', 'delegations').returns<PlanSuggestion>(),
  /** Accepts (all or part of) a suggestion: plans each task on its day, in one transaction. */
  'weekPlan:apply': call(
    z
      .object({
        placements: z
          .array(z.object({ taskId: id, day: localDay }).strict())
          .min(1, 'Nothing to plan')
          .max(500, 'At most 500 tasks at a time'),
      })
      .strict(),
  ).writes('tasks').returns<{ planned: number }>(),
  /**
   * One drag (or keyboard move) on the week plan, in one transaction: onto a day plans the task there
   * (the owner follows the rule for that day); onto the backlog unplans it and, for an MSP task, takes
   * it back; onto the MSP lane hands it to the MSP, keeping its day.
   */
  'weekPlan:move': call(
    z
      .object({
        taskId: id,
        to: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('day'), day: localDay }).strict(),
          z.object({ kind: z.literal('backlog') }).strict(),
          z.object({ kind: z.literal('msp') }).strict(),
        ]),
      })
      .strict(),
  ).writes('tasks').returns<Task>(),
  /** The week plan as an iCalendar file. */
  'weekPlan:ics': call(week).reads('tasks', 'settings', 'timeOff', 'recurring').returns<{ fileName: string; text: string }>(),

  /**
   * Her time off in order of its days: all of it, or (`from`) only the ranges that end on or after
   * that day, saying whether any ended before — the screen's list stays as long as her recent and
   * coming time off however many years she has kept.
   */
  'timeOff:list': call(z.object({ from: localDay.optional() }).strict().optional()).reads('timeOff').returns<TimeOffList>(),
  /** Overlapping time off is refused, naming the days in the way. Capacity and after-hours follow at once. */
  'timeOff:create': call(timeOffRange).writes('timeOff', 'timeEntries').returns<TimeOffRange>(),
  'timeOff:update': call(timeOffUpdate).writes('timeOff', 'timeEntries').returns<TimeOffRange>(),
  'timeOff:delete': call(z.object({ id }).strict()).writes('timeOff', 'timeEntries').returns<TimeOffRange>(),
  'timeOff:restore': call(z.object({ id }).strict()).writes('timeOff', 'timeEntries').returns<TimeOffRange>(),
  /** Which of the open tasks and recurring occurrences in the days are covered, which at risk, and the handover that covers the rest. */
  'timeOff:coverage': call(dayRange).reads('tasks', 'delegations', 'recurring').returns<CoverageView>(),
  /** Hands the at-risk work to the MSP for those days only: the proposed temporary delegations, in one transaction. */
  'timeOff:handOver': call(dayRange).writes('delegations', 'tasks').returns<{ delegations: Delegation[]; coverage: CoverageView }>(),

  /** What changing her zone would do, before she confirms: how many entries move to another local day. */
  'settings:zonePreview': call(
    z.object({ timeZone: z.string().refine(isTimeZone, 'Unknown time zone: choose one from the list, such as America/Chicago') }).strict(),
  ).reads('timeEntries', 'settings').returns<{ timeZone: string; entries: number; entriesMoving: number }>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
