import Papa from 'papaparse';
import { pastResponseTarget, type MspSetup } from '../../../shared/domain/msp';
import type { Category, Task } from '../../../shared/domain/types';
import { formatDuration } from '../../../shared/domain/duration';

const STATUS_TEXT: Record<Task['status'], string> = { open: 'Open', in_progress: 'In progress', waiting: 'Waiting', done: 'Done' };

export interface HandoffRow {
  task: Task;
  category: string;
  technician: string;
  /** Minutes since the task was created. */
  ageMinutes: number;
  targetMinutes: number | null;
  /** Still open (not yet picked up) past its category's response target. */
  overdue: boolean;
}

/** The MSP's open tasks with what a technician needs to pick them up. */
export function handoffRows(tasks: Task[], categories: ReadonlyMap<number, Category>, setup: MspSetup, now: number): HandoffRow[] {
  const technicians = new Map(setup.technicians.map((technician) => [technician.id, technician.name]));
  const targets = new Map(setup.responseTargets.map((target) => [target.categoryId, target.targetMinutes]));
  return tasks.map((task) => {
    const ageMinutes = Math.max(0, (now - task.createdAt) / 60_000);
    const targetMinutes = task.categoryId === null ? null : (targets.get(task.categoryId) ?? null);
    return {
      task,
      category: task.categoryId === null ? '' : (categories.get(task.categoryId)?.name ?? ''),
      technician: task.technicianId === null ? 'Unassigned' : (technicians.get(task.technicianId) ?? 'Former technician'),
      ageMinutes,
      targetMinutes,
      overdue: pastResponseTarget(task, targetMinutes, now),
    };
  });
}

export function formatAge(minutes: number): string {
  if (minutes < 60) return `${Math.floor(minutes)}m`;
  if (minutes < 48 * 60) return formatDuration(Math.floor(minutes / 60) * 60);
  return `${Math.floor(minutes / 1440)} d`;
}

/** The handoff sheet as CSV, one row per task, for the MSP's own ticketing. */
export function handoffCsv(rows: HandoffRow[]): string {
  return Papa.unparse(
    rows.map((row) => ({
      Task: row.task.title,
      Category: row.category,
      Technician: row.technician,
      Status: STATUS_TEXT[row.task.status],
      Priority: row.task.priority === 0 ? '' : '!'.repeat(row.task.priority),
      Due: row.task.dueDay ?? '',
      Planned: row.task.plannedDay ?? '',
      Estimate: row.task.estimateMinutes === null ? '' : formatDuration(row.task.estimateMinutes),
      'Opened (UTC)': new Date(row.task.createdAt).toISOString().slice(0, 16).replace('T', ' '),
      'Response target': row.targetMinutes === null ? '' : formatDuration(row.targetMinutes),
      'Past target': row.overdue ? 'yes' : '',
      Notes: row.task.notes,
    })),
    { newline: '\r\n' },
  );
}


export { STATUS_TEXT };
export { downloadText } from '../../ui/download';
