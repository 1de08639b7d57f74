import { z } from 'zod';
import {
  id,
  localDay,
  nulMessage,
  owner,
  priority,
  taskListStatus,
  taskSort,
  taskStatus,
  withoutNul,
} from '../domain/fields';

export { categoryKind, id, localDay, nulMessage, owner, priority, taskStatus, withoutNul } from '../domain/fields';

/** The latest instant a field accepts: the last millisecond of 9999, so every day stays `YYYY-MM-DD`. */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant in epoch milliseconds (UTC), from 1970 to the end of 9999. */
export const instant = (message: string) =>
  z.number({ error: message }).int(message).min(0, message).max(LAST_INSTANT, message);

export const categoryName = z
  .string()
  .trim()
  .min(1, 'Give the category a name')
  .max(60, 'Keep the name under 60 characters')
  .refine(withoutNul, nulMessage('The name'));

export const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written #rrggbb')
  .transform((value) => value.toLowerCase());

export const taskTitle = z
  .string()
  .trim()
  .min(1, 'Give the task a title')
  .max(500, 'Keep the title under 500 characters')
  .refine(withoutNul, nulMessage('The title'));

export const taskNotes = z.string().max(20_000, 'Notes are limited to 20,000 characters').refine(withoutNul, nulMessage('The notes'));

/** A note on an entry, a delegation or a timer: free text up to 2,000 characters. */
export const shortNote = z.string().max(2000, 'Keep the note under 2,000 characters').refine(withoutNul, nulMessage('The note'));

/** Estimates are whole minutes, at most one working week of 7 × 24 h. */
export const estimateMinutes = z
  .number()
  .int('Estimates are whole minutes')
  .min(1, 'An estimate is at least one minute')
  .max(10_080, 'An estimate over a week (168 h) is not a task; split it');

/** Each task field's rule, without defaults: a patch must never reset the fields it leaves out. */
const taskFieldRules = {
  title: taskTitle,
  notes: taskNotes,
  categoryId: id.nullable(),
  estimateMinutes: estimateMinutes.nullable(),
  dueDay: localDay.nullable(),
  plannedDay: localDay.nullable(),
  priority,
  unplanned: z.boolean(),
};

/** What she edits on a task; who owns it and its status are set through their own fields. */
export const taskFields = z.object(taskFieldRules);
export type TaskFields = z.output<typeof taskFields>;

/**
 * A new task's owner: null follows the delegations (the MSP when its category is delegated on its
 * reference day), 'me' keeps it hers even then, 'msp' hands it over (optionally to a technician).
 */
export const newTask = z
  .object({
    ...taskFieldRules,
    notes: taskNotes.default(''),
    categoryId: taskFieldRules.categoryId.default(null),
    estimateMinutes: taskFieldRules.estimateMinutes.default(null),
    dueDay: taskFieldRules.dueDay.default(null),
    plannedDay: taskFieldRules.plannedDay.default(null),
    priority: priority.default(0),
    unplanned: z.boolean().default(false),
    owner: owner.nullable().default(null),
    technicianId: id.nullable().default(null),
  })
  .strict()
  .refine((task) => task.technicianId === null || task.owner === 'msp', {
    message: 'Only MSP work goes to a technician',
    path: ['technicianId'],
  });
export type NewTask = z.output<typeof newTask>;

/** Any of a task's fields, and its status, changed in one call and one transaction. */
export const taskPatch = z
  .object({ id, ...taskFieldRules, status: taskStatus })
  .partial()
  .required({ id: true })
  .strict();
export type TaskPatch = z.output<typeof taskPatch>;

export const taskFilter = z
  .object({
    status: taskListStatus.default('active'),
    categoryId: id.nullable().default(null),
    owner: owner.nullable().default(null),
    /** Only unplanned (true), only planned (false), or both (null). */
    unplanned: z.boolean().nullable().default(null),
    /** Due on or before this day (e.g. today for "due by today"). */
    dueBy: localDay.nullable().default(null),
    /** Words to find in titles and notes (full-text, prefix match). */
    search: z.string().trim().max(200, 'Search for at most 200 characters').refine(withoutNul, nulMessage('The search')).default(''),
    sort: taskSort.default('urgency'),
    /** Where the page starts: the `next` of the page before (opaque); null for the first page. */
    after: z
      .string()
      .min(1, 'Not a page marker from the task list')
      .max(1000, 'Not a page marker from the task list')
      .regex(/^[A-Za-z0-9_-]+$/, 'Not a page marker from the task list')
      .nullable()
      .default(null),
    limit: z.number().int().min(1).max(100, 'At most 100 tasks a page').default(100),
  })
  .strict();
export type TaskFilter = z.output<typeof taskFilter>;

export const bulkTaskAction = z
  .object({
    ids: z.array(id).min(1, 'Select at least one task').max(1000, 'At most 1,000 tasks at a time'),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('complete') }).strict(),
      z.object({ kind: z.literal('reopen') }).strict(),
      z.object({ kind: z.literal('plan'), plannedDay: localDay.nullable() }).strict(),
      z.object({ kind: z.literal('assign'), owner }).strict(),
      z.object({ kind: z.literal('categorise'), categoryId: id }).strict(),
    ]),
  })
  .strict();
export type BulkTaskAction = z.output<typeof bulkTaskAction>['action'];

export const taskAssignment = z
  .object({ id, owner, technicianId: id.nullable().default(null), keep: z.boolean().default(false) })
  .strict()
  .refine((assignment) => assignment.technicianId === null || assignment.owner === 'msp', {
    message: 'Only MSP work goes to a technician',
    path: ['technicianId'],
  });

const DAY_MS = 86_400_000;

export const newTimeEntry = z
  .object({
    worker: owner,
    technicianId: id.nullable().default(null),
    categoryId: id,
    taskId: id.nullable().default(null),
    startAt: instant('Not a valid start time'),
    endAt: instant('Not a valid end time'),
    note: shortNote.default(''),
    unplanned: z.boolean().default(false),
  })
  .strict()
  .refine((entry) => entry.endAt > entry.startAt, { message: 'The entry must end after it starts', path: ['endAt'] })
  .refine((entry) => entry.endAt - entry.startAt <= DAY_MS, {
    message: 'An entry longer than 24 hours is not plausible; split it',
    path: ['endAt'],
  })
  .refine((entry) => entry.technicianId === null || entry.worker === 'msp', {
    message: 'Only MSP work has a technician',
    path: ['technicianId'],
  });
export type NewTimeEntry = z.output<typeof newTimeEntry>;

/** Any of an entry's fields; who did the work can be corrected too (a technician only on MSP work). */
export const timeEntryPatch = z
  .object({
    id,
    worker: owner.optional(),
    technicianId: id.nullable().optional(),
    categoryId: id.optional(),
    taskId: id.nullable().optional(),
    startAt: instant('Not a valid start time').optional(),
    endAt: instant('Not a valid end time').optional(),
    note: shortNote.optional(),
    unplanned: z.boolean().optional(),
  })
  .strict();

const money = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .min(0, `${label} cannot be negative`)
    .max(10_000_000, `${label} is implausibly large`);

export const contractFields = z
  .object({
    id: id.nullable().default(null),
    startDay: localDay,
    monthlyFee: money('The monthly fee'),
    includedHours: z.number().min(0, 'Included hours cannot be negative').max(10_000, 'Included hours are implausibly many'),
    overageRate: money('The overage rate'),
  })
  .strict();

export const technicianFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the technician a name')
      .max(80, 'Keep the name under 80 characters')
      .refine(withoutNul, nulMessage('The name')),
    role: z.string().trim().max(80, 'Keep the role under 80 characters').refine(withoutNul, nulMessage('The role')).default(''),
    email: z.union([z.literal(''), z.email('Use an email address such as sam@msp.example')]).default(''),
  })
  .strict();

/** A delegation's days: from `startDay`, until `endDay` inclusive (null = open-ended). */
export const delegationPeriodFields = {
  startDay: localDay,
  endDay: localDay.nullable().default(null),
};

/** Refuses a period that ends before it starts, at the end day's field. */
export function withOrderedPeriod<Schema extends z.ZodType<{ startDay: string; endDay: string | null }>>(schema: Schema) {
  return schema.refine((period) => period.endDay === null || period.endDay >= period.startDay, {
    message: 'The end day cannot be before the start day',
    path: ['endDay'],
  });
}

export const weeklyEstimateMinutes = z
  .number()
  .int('Whole minutes')
  .min(0, 'An estimate cannot be negative')
  .max(7 * 24 * 60, 'A week has 168 hours');
