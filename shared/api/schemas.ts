import { z } from 'zod';
import { isLocalDay } from '../domain/day';
import { TASK_SORTS, TASK_STATUSES } from '../domain/types';

export const id = z.number({ error: 'Expected a numeric id' }).int().positive();

export const localDay = z
  .string()
  .refine(isLocalDay, 'Use a real date written YYYY-MM-DD');

export const categoryName = z
  .string()
  .trim()
  .min(1, 'Give the category a name')
  .max(60, 'Keep the name under 60 characters');

export const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written #rrggbb')
  .transform((value) => value.toLowerCase());

export const categoryKind = z.enum(['operational', 'strategic'], {
  error: 'A category is operational or strategic',
});

export const taskTitle = z
  .string()
  .trim()
  .min(1, 'Give the task a title')
  .max(500, 'Keep the title under 500 characters');

export const taskNotes = z.string().max(20_000, 'Notes are limited to 20,000 characters');

/** Estimates are whole minutes, at most one working week of 7 × 24 h. */
export const estimateMinutes = z
  .number()
  .int('Estimates are whole minutes')
  .min(1, 'An estimate is at least one minute')
  .max(10_080, 'An estimate over a week (168 h) is not a task; split it');

export const priority = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  error: 'Priority is 0 (none) to 3 (!!!)',
});

export const taskStatus = z.enum(TASK_STATUSES, { error: 'Unknown task status' });

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

export const newTaskFields = z.object({
  ...taskFieldRules,
  notes: taskNotes.default(''),
  categoryId: taskFieldRules.categoryId.default(null),
  estimateMinutes: taskFieldRules.estimateMinutes.default(null),
  dueDay: taskFieldRules.dueDay.default(null),
  plannedDay: taskFieldRules.plannedDay.default(null),
  priority: priority.default(0),
  unplanned: z.boolean().default(false),
});

export const taskPatchFields = z.object(taskFieldRules).partial();

export const taskFilter = z
  .object({
    status: z.enum(['active', 'done', 'all']).default('active'),
    categoryId: id.nullable().default(null),
    owner: z.enum(['me', 'msp']).nullable().default(null),
    /** Only unplanned (true), only planned (false), or both (null). */
    unplanned: z.boolean().nullable().default(null),
    /** Due on or before this day (e.g. today for "due by today"). */
    dueBy: z.string().refine(isLocalDay, 'Use a real date written YYYY-MM-DD').nullable().default(null),
    /** Words to find in titles and notes (full-text, prefix match). */
    search: z.string().trim().max(200, 'Search for at most 200 characters').default(''),
    sort: z.enum(TASK_SORTS).default('urgency'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(100, 'At most 100 tasks a page').default(100),
  })
  .strict();

export const bulkTaskAction = z
  .object({
    ids: z.array(id).min(1, 'Select at least one task').max(1000, 'At most 1,000 tasks at a time'),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('complete') }),
      z.object({ kind: z.literal('reopen') }),
      z.object({ kind: z.literal('plan'), plannedDay: localDay.nullable() }),
      z.object({ kind: z.literal('assign'), owner: z.enum(['me', 'msp']) }),
      z.object({ kind: z.literal('categorise'), categoryId: id }),
    ]),
  })
  .strict();

const DAY_MS = 86_400_000;

export const owner = z.enum(['me', 'msp'], { error: 'The work is done by you ("me") or the MSP' });

export const newTimeEntry = z
  .object({
    worker: owner,
    technicianId: id.nullable().default(null),
    categoryId: id,
    taskId: id.nullable().default(null),
    startAt: z.number().int().min(0, 'Not a valid start time'),
    endAt: z.number().int().min(0, 'Not a valid end time'),
    note: z.string().max(2000, 'Keep the note under 2,000 characters').default(''),
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
    name: z.string().trim().min(1, 'Give the technician a name').max(80, 'Keep the name under 80 characters'),
    role: z.string().trim().max(80).default(''),
    email: z.union([z.literal(''), z.email('Use an email address such as sam@msp.example')]).default(''),
  })
  .strict();

export const delegationPeriod = z
  .object({
    startDay: localDay,
    endDay: localDay.nullable().default(null),
  })
  .refine((period) => period.endDay === null || period.endDay >= period.startDay, {
    message: 'The end day cannot be before the start day',
    path: ['endDay'],
  });

export const weeklyEstimateMinutes = z
  .number()
  .int('Whole minutes')
  .min(0, 'An estimate cannot be negative')
  .max(7 * 24 * 60, 'A week has 168 hours');

export const timeEntryPatch = z
  .object({
    id,
    categoryId: id.optional(),
    taskId: id.nullable().optional(),
    startAt: z.number().int().min(0).optional(),
    endAt: z.number().int().min(0).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
