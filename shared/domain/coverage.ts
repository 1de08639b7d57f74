import type { TimeOff } from './capacity';
import { addDays, type LocalDay } from './day';
import { delegationOn, inForceDuring, type Delegation } from './delegation';
import type { Owner } from './types';

/**
 * Coverage readiness of a time-off range, as PRODUCT.md defines it, and the handover that would
 * cover the rest: every open task planned or due in the range and every recurring occurrence in it
 * is covered when the MSP owns it or its category is delegated on that day, otherwise at risk.
 */

/** One of the open tasks; a recurring occurrence is a task planned and due on its occurrence day. */
export interface CoverageTask {
  id: number;
  owner: Owner;
  /** She keeps this task although its category is delegated. */
  keepOwner: boolean;
  categoryId: number | null;
  plannedDay: LocalDay | null;
  dueDay: LocalDay | null;
  /** The recurring series it is an occurrence of, or null for a one-off task. */
  seriesId: number | null;
}

/**
 * msp-owns and delegated are covered, exactly as the brief defines it (a task she keeps in a
 * category delegated that day is covered too). The rest are at risk: kept — hers by choice in a
 * category not delegated that day, so a handover leaves it to her; no-category — no delegation can
 * reach it; it needs a category or a direct hand-off; not-delegated — its category is not delegated
 * on the day.
 */
export type CoverageReason = 'msp-owns' | 'delegated' | 'kept' | 'no-category' | 'not-delegated';

export interface CoverageItem {
  taskId: number;
  /** The day it is judged on: its planned day if in the range, else its due day. */
  day: LocalDay;
  categoryId: number | null;
  recurring: boolean;
  covered: boolean;
  reason: CoverageReason;
}

export interface CoverageReport {
  range: TimeOff;
  /** Ordered by day, then task id. */
  items: CoverageItem[];
  coveredCount: number;
  atRiskCount: number;
  /** covered ÷ all, by count; 1 when there is nothing in the range. */
  coverage: number;
}

const inRange = (range: TimeOff, day: LocalDay | null): day is LocalDay =>
  day !== null && range.startDay <= day && day <= range.endDay;

/** The day a task is judged on in the range: its planned day if in it, else its due day if in it, else null (not in the range). */
export function coverageDay(task: Pick<CoverageTask, 'plannedDay' | 'dueDay'>, range: TimeOff): LocalDay | null {
  if (inRange(range, task.plannedDay)) return task.plannedDay;
  if (inRange(range, task.dueDay)) return task.dueDay;
  return null;
}

function judge(task: CoverageTask, day: LocalDay, delegations: readonly Delegation[]): CoverageReason {
  if (task.owner === 'msp') return 'msp-owns';
  if (task.categoryId !== null && delegationOn(delegations, task.categoryId, day)) return 'delegated';
  if (task.keepOwner) return 'kept';
  if (task.categoryId === null) return 'no-category';
  return 'not-delegated';
}

/** Every open task planned or due in the range, each counted once, judged on its day. */
export function coverageReadiness(
  range: TimeOff,
  tasks: readonly CoverageTask[],
  delegations: readonly Delegation[],
): CoverageReport {
  const items: CoverageItem[] = [];
  const seen = new Set<number>();
  for (const task of tasks) {
    const day = coverageDay(task, range);
    if (day === null || seen.has(task.id)) continue;
    seen.add(task.id);
    const reason = judge(task, day, delegations);
    items.push({
      taskId: task.id,
      day,
      categoryId: task.categoryId,
      recurring: task.seriesId !== null,
      covered: reason === 'msp-owns' || reason === 'delegated',
      reason,
    });
  }
  items.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.taskId - b.taskId));
  const coveredCount = items.filter((item) => item.covered).length;
  return {
    range,
    items,
    coveredCount,
    atRiskCount: items.length - coveredCount,
    coverage: items.length === 0 ? 1 : coveredCount / items.length,
  };
}

/** A temporary delegation to add: shaped like a delegation's period, always with an end day. */
export interface HandoverPeriod {
  categoryId: number;
  startDay: LocalDay;
  endDay: LocalDay;
  /** The at-risk tasks it covers. */
  taskIds: number[];
}

export interface HandoverProposal {
  /** Ordered by category, then start day. */
  delegations: HandoverPeriod[];
  /** Tasks she keeps: at risk until she hands them over one by one or does them before she leaves. */
  kept: CoverageItem[];
  /** At-risk tasks with no category: they need a category or a direct hand-off. */
  uncategorised: CoverageItem[];
}

/**
 * The temporary delegations that hand the at-risk work to the MSP for the time off only: for every
 * category with an at-risk task she does not keep, the days of the range on which that category is
 * not delegated yet — the whole time off, less the periods of its existing delegations (two
 * delegations of one category never overlap). Covering the whole time off, not just the days with
 * tasks, also covers the work that comes in while she is away. Tasks she keeps in categories no
 * delegation covers, and tasks without a category, are listed apart.
 */
export function proposeHandover(report: CoverageReport, delegations: readonly Delegation[]): HandoverProposal {
  const byCategory = new Map<number, CoverageItem[]>();
  for (const item of report.items) {
    if (item.reason !== 'not-delegated' || item.categoryId === null) continue;
    const items = byCategory.get(item.categoryId) ?? [];
    items.push(item);
    byCategory.set(item.categoryId, items);
  }

  const periods: HandoverPeriod[] = [];
  for (const [categoryId, items] of [...byCategory].sort(([a], [b]) => a - b)) {
    const existing = delegations.filter((delegation) => delegation.categoryId === categoryId);
    let current: HandoverPeriod | undefined;
    for (let day = report.range.startDay; day <= report.range.endDay; day = addDays(day, 1)) {
      if (inForceDuring(existing, day, day)) {
        current = undefined;
        continue;
      }
      if (current === undefined) {
        current = { categoryId, startDay: day, endDay: day, taskIds: [] };
        periods.push(current);
      }
      current.endDay = day;
      for (const item of items) if (item.day === day) current.taskIds.push(item.taskId);
    }
  }

  return {
    delegations: periods,
    kept: report.items.filter((item) => item.reason === 'kept'),
    uncategorised: report.items.filter((item) => item.reason === 'no-category'),
  };
}
