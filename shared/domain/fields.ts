import { z } from 'zod';
import { isLocalDay } from './day';

/**
 * Each field's rule, written once. Call inputs (shared/api/schemas.ts) are built from these, and the
 * domain's types are inferred from them, so a new value or a tighter rule reaches every layer.
 */

export const id = z.number({ error: 'Expected a numeric id' }).int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * SQLite's text functions stop at a NUL character: a title that starts with one reads as empty and
 * breaks the table's CHECK, and one in a search ends the full-text query early. Nothing she can type
 * contains one, so every free-text field refuses it (rather than quietly dropping part of her text),
 * with a message that names the field: `z.string()….refine(withoutNul, nulMessage('The title'))`.
 */
export const withoutNul = (value: string): boolean => !value.includes('\u0000');
export const nulMessage = (field: string): string => `${field} contains a NUL character (\\0), which cannot be saved; remove it`;

export const localDay = z.string().refine(isLocalDay, 'Use a real date written YYYY-MM-DD');

export const owner = z.enum(['me', 'msp'], { error: 'The work is done by you ("me") or the MSP' });
/** Who does a task or logged the time: her ("me") or the MSP. */
export type Owner = z.infer<typeof owner>;

export const categoryKind = z.enum(['operational', 'strategic'], { error: 'A category is operational or strategic' });
export type CategoryKind = z.infer<typeof categoryKind>;

export const TASK_STATUSES = ['open', 'in_progress', 'waiting', 'done'] as const;
export const taskStatus = z.enum(TASK_STATUSES, { error: 'Unknown task status' });
export type TaskStatus = z.infer<typeof taskStatus>;

/** 0 none, 1 `!`, 2 `!!`, 3 `!!!`. */
export const priority = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  error: 'Priority is 0 (none) to 3 (!!!)',
});
export type Priority = z.infer<typeof priority>;

/** Which tasks a list shows: open ones (any status but done), done ones, or all. */
export const taskListStatus = z.enum(['active', 'done', 'all'], { error: 'Show active, done or all tasks' });
export type TaskListStatus = z.infer<typeof taskListStatus>;

/** How the task list can be ordered. */
export const TASK_SORTS = ['urgency', 'priority', 'newest', 'title'] as const;
export const taskSort = z.enum(TASK_SORTS, { error: 'Sort by urgency, priority, newest or title' });
export type TaskSort = z.infer<typeof taskSort>;
