import type { LocalDay } from './day';
import type { Priority } from './types';

/**
 * "Plan my week": a suggestion that fills the rest of the week by due date and priority within
 * capacity less the interrupt reserve, keeps fixed items where they are, never overbooks a day and
 * lists what does not fit. Deterministic: the same input, in any order, gives the same plan.
 */

export interface PlanDay {
  day: LocalDay;
  capacityHours: number;
  /** The interrupt reserve held back on the day (0 when the setting turns it off). */
  reserveHours: number;
  /** What is already planned and stays put: planned tasks, recurring occurrences, oversight. */
  fixedHours: number;
}

/** One of her open tasks with no planned day. */
export interface PlanCandidate {
  id: number;
  estimateMinutes: number | null;
  dueDay: LocalDay | null;
  priority: Priority;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface AutoPlanInput {
  /** Her today: days before it are never planned. */
  today: LocalDay;
  /** The days of the week still to plan (one entry per day). */
  days: readonly PlanDay[];
  candidates: readonly PlanCandidate[];
}

/**
 * no-estimate: nothing to plan it by. too-big: larger than the full free room of every day (split
 * it). no-room-before-due: its due day rules out later days and the days up to it are full.
 * no-room: no usable day of the week has room left for it.
 */
export type UnplacedReason = 'no-estimate' | 'too-big' | 'no-room-before-due' | 'no-room';

export interface Placement {
  taskId: number;
  day: LocalDay;
}

export interface Unplaced {
  taskId: number;
  reason: UnplacedReason;
}

export interface PlannedDay extends PlanDay {
  /** Estimates placed on the day by this plan. */
  placedHours: number;
  /** fixed + placed + reserve: the day's load in the week plan. */
  loadHours: number;
  /** max(0, capacity − reserve − fixed − placed); 0 on a day the plan cannot use (before today, no capacity). */
  freeHours: number;
}

export interface AutoPlan {
  /** In the order they were placed: the candidates' planning order. */
  placements: Placement[];
  /** In the candidates' planning order. */
  unplaced: Unplaced[];
  /** The input days in calendar order, with the plan applied. */
  days: PlannedDay[];
}

/** Free room is kept in minutes rounded to a millionth, so hours like 6.8 compare exactly. */
const roundMinutes = (minutes: number): number => Math.round(minutes * 1e6) / 1e6;
const exactMinutes = (hours: number): number => roundMinutes(hours * 60);

/**
 * The planning order: due day (earliest first, undated last), then priority (high first), then
 * the older task first, then the smaller id.
 */
export function planningOrder(a: PlanCandidate, b: PlanCandidate): number {
  if (a.dueDay !== b.dueDay) {
    if (a.dueDay === null) return 1;
    if (b.dueDay === null) return -1;
    return a.dueDay < b.dueDay ? -1 : 1;
  }
  return b.priority - a.priority || a.createdAt - b.createdAt || a.id - b.id;
}

/**
 * Places each candidate, in planning order, on the earliest usable day with enough free room that
 * is on or before its due day. Usable days are those not before today with capacity > 0; a day's
 * free room is capacity − reserve − fixed load, never negative, and nothing is placed beyond it
 * (a day already booked past it takes nothing, not even a task estimated at 0).
 * A task that is overdue, or due before the first usable day, goes on the earliest usable day
 * with room; one due after the week may go on any day of it. A task is too big when it exceeds
 * the largest free room any usable day had before planning (and some day had room); a task that
 * fits nowhere is "no room before due" when its due day excluded some usable days, else "no room".
 */
export function autoPlan(input: AutoPlanInput): AutoPlan {
  const days = [...input.days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const usable = days.filter((day) => day.day >= input.today && day.capacityHours > 0);
  // Negative on a day already booked past capacity − reserve: not even a task estimated at 0 goes there.
  const free = new Map(usable.map((day) => [day.day, exactMinutes(day.capacityHours - day.reserveHours - day.fixedHours)]));
  const placedMinutes = new Map<LocalDay, number>();
  const largestRoom = Math.max(0, ...free.values());
  const firstUsable = usable[0]?.day;
  const lastUsable = usable.at(-1)?.day;

  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  for (const task of [...input.candidates].sort(planningOrder)) {
    const estimate = task.estimateMinutes;
    if (estimate === null) {
      unplaced.push({ taskId: task.id, reason: 'no-estimate' });
      continue;
    }
    if (largestRoom > 0 && estimate > largestRoom) {
      unplaced.push({ taskId: task.id, reason: 'too-big' });
      continue;
    }
    const due = task.dueDay;
    const deadlineBinds = due !== null && firstUsable !== undefined && lastUsable !== undefined && firstUsable <= due && due < lastUsable;
    const allowed = deadlineBinds ? usable.filter((day) => day.day <= due) : usable;
    const chosen = allowed.find((day) => estimate <= (free.get(day.day) ?? 0));
    if (!chosen) {
      unplaced.push({ taskId: task.id, reason: deadlineBinds ? 'no-room-before-due' : 'no-room' });
      continue;
    }
    free.set(chosen.day, roundMinutes((free.get(chosen.day) ?? 0) - estimate));
    placedMinutes.set(chosen.day, (placedMinutes.get(chosen.day) ?? 0) + estimate);
    placements.push({ taskId: task.id, day: chosen.day });
  }

  return {
    placements,
    unplaced,
    days: days.map((day) => {
      const placedHours = (placedMinutes.get(day.day) ?? 0) / 60;
      return {
        ...day,
        placedHours,
        loadHours: day.fixedHours + placedHours + day.reserveHours,
        freeHours: Math.max(0, free.get(day.day) ?? 0) / 60,
      };
    }),
  };
}
