import { formatDuration, parseDuration } from '../../../shared/domain/duration';
import type { Priority, Task, TaskStatus } from '../../../shared/domain/types';

/** What the task forms hold: text as typed, converted to a call's input on save. */
export interface TaskDraft {
  title: string;
  notes: string;
  categoryId: string;
  estimate: string;
  dueDay: string;
  plannedDay: string;
  priority: string;
  unplanned: boolean;
  status: TaskStatus;
}

export const EMPTY_DRAFT: TaskDraft = {
  title: '',
  notes: '',
  categoryId: '',
  estimate: '',
  dueDay: '',
  plannedDay: '',
  priority: '0',
  unplanned: false,
  status: 'open',
};

export function draftFromTask(task: Task): TaskDraft {
  return {
    title: task.title,
    notes: task.notes,
    categoryId: task.categoryId === null ? '' : String(task.categoryId),
    estimate: task.estimateMinutes === null ? '' : formatDuration(task.estimateMinutes),
    dueDay: task.dueDay ?? '',
    plannedDay: task.plannedDay ?? '',
    priority: String(task.priority),
    unplanned: task.unplanned,
    status: task.status,
  };
}

export interface TaskInputFields {
  title: string;
  notes: string;
  categoryId: number | null;
  estimateMinutes: number | null;
  dueDay: string | null;
  plannedDay: string | null;
  priority: Priority;
  unplanned: boolean;
}

/** Converts a draft, or names the fields she has to fix (checked again by the main process). */
export function draftToFields(draft: TaskDraft): { fields: TaskInputFields } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let estimateMinutes: number | null = null;
  if (draft.estimate.trim() !== '') {
    estimateMinutes = parseDuration(draft.estimate);
    if (estimateMinutes === null) errors.estimateMinutes = 'Write an estimate like 30m, 1.5h or 1h 15m';
  }
  if (draft.title.trim() === '') errors.title = 'Give the task a title';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      title: draft.title.trim(),
      notes: draft.notes,
      categoryId: draft.categoryId === '' ? null : Number(draft.categoryId),
      estimateMinutes,
      dueDay: draft.dueDay === '' ? null : draft.dueDay,
      plannedDay: draft.plannedDay === '' ? null : draft.plannedDay,
      priority: Number(draft.priority) as Priority,
      unplanned: draft.unplanned,
    },
  };
}
