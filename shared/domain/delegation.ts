import { addDays, type LocalDay } from './day';

/** A category handed to the MSP from `startDay` until `endDay` (inclusive; null = open-ended). */
export interface Delegation {
  id: number;
  categoryId: number;
  startDay: LocalDay;
  endDay: LocalDay | null;
  /** Her typed estimate of the weekly hours, in minutes: the baseline when nothing was measured. */
  estimatedWeeklyMinutes: number | null;
  note: string;
}

export type DelegationPeriod = Pick<Delegation, 'startDay' | 'endDay'>;

/** Whether the period is in force on `day`. */
export function inForceOn(period: DelegationPeriod, day: LocalDay): boolean {
  return period.startDay <= day && (period.endDay === null || day <= period.endDay);
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: DelegationPeriod, b: DelegationPeriod): boolean {
  const aEndsBeforeB = a.endDay !== null && a.endDay < b.startDay;
  const bEndsBeforeA = b.endDay !== null && b.endDay < a.startDay;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Whether any of the periods is in force on at least one day of [from, to]. */
export function inForceDuring(periods: readonly DelegationPeriod[], from: LocalDay, to: LocalDay): boolean {
  return periods.some((period) => periodsOverlap(period, { startDay: from, endDay: to }));
}

/** The delegation of `categoryId` in force on `day`, if any (there is at most one). */
export function delegationOn(
  delegations: readonly Delegation[],
  categoryId: number,
  day: LocalDay,
): Delegation | undefined {
  return delegations.find((delegation) => delegation.categoryId === categoryId && inForceOn(delegation, day));
}

/** The first other delegation of the same category that would overlap `candidate`. */
export function conflictingDelegation(
  delegations: readonly Delegation[],
  candidate: Pick<Delegation, 'categoryId' | 'startDay' | 'endDay'> & { id?: number },
): Delegation | undefined {
  return delegations.find(
    (existing) =>
      existing.categoryId === candidate.categoryId && existing.id !== candidate.id && periodsOverlap(existing, candidate),
  );
}

/**
 * The day a task is judged on for ownership: its planned day, else its due day, else `today`.
 * A task in a category delegated on that day belongs to the MSP unless she keeps it.
 */
export function referenceDay(task: { plannedDay: LocalDay | null; dueDay: LocalDay | null }, today: LocalDay): LocalDay {
  return task.plannedDay ?? task.dueDay ?? today;
}

/** Every day of [from, to], inclusive. */
export function daysOf(from: LocalDay, to: LocalDay): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
