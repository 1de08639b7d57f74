import { z } from 'zod';
import type { LocalDay } from '../domain/day';
import {
  NTH_VALUES,
  WEEKDAY_CODES,
  ruleProblem,
  type RecurrenceRule,
} from '../domain/recurrence';
import type { Owner, Priority } from '../domain/types';
import { call, type CallSpec } from './call';
import { estimateMinutes, id, localDay, priority, taskNotes, taskTitle } from './schemas';

/** A stored series of recurring work, as the list shows it. */
export interface RecurringSeries {
  id: number;
  title: string;
  notes: string;
  categoryId: number | null;
  /**
   * Who its occurrences go to: null follows the delegations (MSP when the category is delegated on
   * the occurrence's day, else her); 'me' keeps them hers even then; 'msp' always hands them over.
   */
  owner: Owner | null;
  estimateMinutes: number | null;
  priority: Priority;
  rule: RecurrenceRule;
  /** The RFC 5545 text the series is stored as. */
  rrule: string;
  /** "Every 2 weeks on Mon, Thu". */
  description: string;
  skipIfOpen: boolean;
  /** The next day on or after today the rule occurs on (and the series has not ended), else null. */
  nextOccurrence: LocalDay | null;
  /** Occurrences materialised as tasks that are not done yet. */
  openOccurrences: number;
  /** Set when she ended the series: the last day it occurs on. */
  endDay: LocalDay | null;
  createdAt: number;
  updatedAt: number;
}

/** What a change to a series did to its occurrences (the tasks). */
export interface SeriesChange {
  series: RecurringSeries;
  /** Occurrences created as tasks. */
  created: number;
  /** Untouched future occurrences rewritten to the new template. */
  updated: number;
  /** Future occurrences removed: deleted when untouched and regenerated, soft-deleted when the series ends. */
  removed: number;
  /** Occurrences brought back by undoing an end or a delete. */
  restored: number;
}

const weekday = z.enum(WEEKDAY_CODES, { error: 'Choose a day of the week' });
const interval = z
  .number({ error: 'How often: a whole number' })
  .int('How often: a whole number')
  .min(1, 'Repeat at least every 1');
const ruleBase = {
  interval,
  start: localDay,
  until: localDay.nullable().default(null),
};

/**
 * The rule model the UI builds. Beyond its shape, a rule must yield at least one day: the problem
 * is reported at the rule's field (`rule.monthDay`, `rule.until`, …) and nothing is saved.
 */
export const recurrenceRule = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('daily'), ...ruleBase }).strict(),
      z
        .object({
          kind: z.literal('weekly'),
          ...ruleBase,
          weekdays: z.array(weekday).max(7, 'A week has seven days').refine((days) => new Set(days).size === days.length, 'Each day once'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('monthlyDay'),
          ...ruleBase,
          monthDay: z.number({ error: 'Choose a day of the month' }).int('Choose a day of the month'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('monthlyNth'),
          ...ruleBase,
          nth: z.literal([...NTH_VALUES], { error: 'Choose the 1st to 4th, or the last' }),
          weekday,
        })
        .strict(),
    ],
    { error: 'Repeat daily, weekly, monthly on a day or monthly on a weekday' },
  )
  .superRefine((rule, context) => {
    const problem = ruleProblem(rule);
    if (problem) context.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
  });

/** The template every occurrence is created from, and its rule. Every field is required: an update replaces them all. */
const seriesFields = {
  title: taskTitle,
  notes: taskNotes,
  categoryId: id.nullable(),
  owner: z.enum(['me', 'msp'], { error: 'Occurrences go to you ("me"), the MSP, or follow the delegations (null)' }).nullable(),
  estimateMinutes: estimateMinutes.nullable(),
  priority,
  rule: recurrenceRule,
  skipIfOpen: z.boolean(),
};

const newSeries = z
  .object({
    ...seriesFields,
    notes: taskNotes.default(''),
    categoryId: id.nullable().default(null),
    owner: seriesFields.owner.default(null),
    estimateMinutes: estimateMinutes.nullable().default(null),
    priority: priority.default(0),
    skipIfOpen: z.boolean().default(false),
  })
  .strict();

/** Calls for recurring work (series of tasks from RFC 5545 rules). Spread into the contract. */
export const recurringCalls = {
  /** Series not deleted, active ones first. */
  'recurring:list': call(z.object({}).strict().optional()).reads('recurring', 'tasks').returns<RecurringSeries[]>(),
  /** Saves the series and materialises its occurrences as tasks for the horizon, all or nothing. */
  'recurring:create': call(newSeries).writes('recurring', 'tasks').returns<SeriesChange>(),
  /**
   * Replaces the series' template and rule, then regenerates its future occurrences that are open,
   * not started and untouched; done, started, individually edited and past ones stay as they are.
   * One occurrence alone is edited as the task it is (tasks:update).
   */
  'recurring:update': call(
    z.object({ id, scope: z.literal('series', { error: 'Only the whole series is edited here; edit one occurrence as its task' }), ...seriesFields }).strict(),
  ).writes('recurring', 'tasks').returns<SeriesChange>(),
  /** Stops the series after `fromDay` (occurrences on it stay); later open, not started occurrences are soft-deleted. */
  'recurring:end': call(z.object({ id, fromDay: localDay }).strict()).writes('recurring', 'tasks').returns<SeriesChange>(),
  /** Ends the series before today (today's open occurrence goes too) and hides it from the list. */
  'recurring:delete': call(z.object({ id }).strict()).writes('recurring', 'tasks').returns<SeriesChange>(),
  /** Undoes end or delete: the series runs again and the occurrences that removed come back. */
  'recurring:restore': call(z.object({ id }).strict()).writes('recurring', 'tasks').returns<SeriesChange>(),
} satisfies Record<string, CallSpec<z.ZodType, unknown>>;
