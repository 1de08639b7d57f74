import type { LocalDay } from '../domain/day';
import type { Month, MspContract } from '../domain/cost';
import type { Delegation } from '../domain/delegation';
import type { Baseline, ReclaimedWeek, WeekTotals } from '../domain/hours-reclaimed';
import type { TimeEntry } from '../domain/time-entry';
import type { Owner, Priority, Task, TaskStatus } from '../domain/types';
import type { DayLoad } from '../domain/week-plan';

/** Summaries the main process computes for one screen: small, never raw rows. */

export interface DelegationPreview {
  /** The other delegation this one would overlap, described, or null. */
  conflict: string | null;
  /** Her open tasks that would move to the MSP (she may keep some); the first 200. */
  tasks: Task[];
  /** How many would move in all. */
  totalTasks: number;
}

export interface QueueCount {
  technicianId: number | null;
  status: TaskStatus;
  count: number;
}

export interface BurnDown {
  month: Month;
  contract: MspContract | null;
  usedHours: number;
  includedHours: number;
  overageHours: number;
  /** Used hours extrapolated to the month's end at this month's daily pace. */
  projectedHours: number;
  /** used / included, 0–∞; null without included hours. */
  usedShare: number | null;
  /** At or past 80 % of the included hours. */
  warning: boolean;
  projectedCostCents: number | null;
}

export interface MonthCost {
  month: Month;
  mspHours: number;
  /** Null for months without a contract. */
  mspCost: number | null;
  hireCost: number;
  netReclaimedHours: number;
  reclaimedValue: number;
}

export interface YearCost {
  year: string;
  mspCost: number;
  hireCost: number;
  netReclaimedHours: number;
  reclaimedValue: number;
}

export interface ReclaimedView {
  today: LocalDay;
  delegations: Delegation[];
  baselines: Baseline[];
  /** The most recent weeks (oldest first), with each delegation's row. */
  weeks: WeekTotals[];
  rows: ReclaimedWeek[];
  /** Since the first delegation, up to today. */
  totals: Omit<WeekTotals, 'weekStart'>;
  perCategory: { categoryId: number; grossHours: number; mspDeliveredHours: number }[];
  cost: {
    currency: string;
    loadedHourlyCost: number;
    hireAnnualCost: number;
    totalReclaimedValue: number;
    months: MonthCost[];
    years: YearCost[];
  };
  oversightShare: number;
}

export interface WeeklyAverages {
  /** The weeks averaged (most recent first); empty before she has logged time. */
  windowWeeks: LocalDay[];
  /** Her average weekly hours per category over those weeks. */
  categories: { categoryId: number; hours: number }[];
}

export interface TodaySummary {
  today: LocalDay;
  /** Her completed hours today (a running timer counts in no figure until it stops). */
  loggedHours: number;
  /** Today's capacity: hours per working day, 0 on a non-working day. */
  capacityHours: number;
  /** Her entries today, newest first. */
  entries: TimeEntry[];
  /** Open tasks of hers planned (else due) today. */
  planned: Task[];
  /** Open tasks of hers due before today. */
  overdue: Task[];
  /** Unplanned tasks created today. */
  unplannedToday: number;
}

/** A task as the week plan and time off show it: what a card needs, nothing more (payloads stay small). */
export interface PlanTask {
  id: number;
  title: string;
  categoryId: number | null;
  owner: Owner;
  keepOwner: boolean;
  technicianId: number | null;
  estimateMinutes: number | null;
  dueDay: LocalDay | null;
  plannedDay: LocalDay | null;
  priority: Priority;
  status: TaskStatus;
  unplanned: boolean;
  /** The recurring series it is an occurrence of. */
  seriesId: number | null;
}

/** An occurrence of a recurring series beyond the days already created as tasks (it becomes one in time). */
export interface UpcomingOccurrence {
  seriesId: number;
  day: LocalDay;
  title: string;
  categoryId: number | null;
  owner: Owner;
  estimateMinutes: number | null;
}

export interface WorkloadCategoryHours {
  categoryId: number;
  herHours: number;
  mspHours: number;
}

/** One week's workload figures, as PRODUCT.md defines them. */
export interface WorkloadWeekView {
  weekStart: LocalDay;
  herHours: number;
  /** The sum of the week's days' capacity (time off = 0). */
  capacityHours: number;
  /** max(0, her hours − weekly capacity). */
  overtimeHours: number;
  afterHoursHours: number;
  /** Her hours in entries that are unplanned or on unplanned tasks. */
  unplannedHours: number;
  /** Her hours in strategic categories. */
  strategicHours: number;
  mspHours: number;
  categories: WorkloadCategoryHours[];
}

export interface DayPlanView {
  day: LocalDay;
  /** A working weekday by her settings (time off aside). */
  workingDay: boolean;
  /** Her time off covering the day, if any. */
  timeOff: { id: number; note: string } | null;
  load: DayLoad;
  /** Her logged hours on the day (shown for days that are over, and for today). */
  loggedHours: number;
  /** Tasks planned on the day: hers and the MSP's, open and done. */
  tasks: PlanTask[];
  upcoming: UpcomingOccurrence[];
}

export interface WeekPlanView {
  weekStart: LocalDay;
  today: LocalDay;
  days: DayPlanView[];
  /** Her open tasks with no planned day, by priority and due day: the first 100, and how many in all. */
  backlog: { tasks: PlanTask[]; total: number };
  /** The MSP's open tasks with no planned day: the first 50, and how many in all. */
  mspUnplanned: { tasks: PlanTask[]; total: number };
  oversightShare: number;
  reserve: { enabled: boolean; weeksAveraged: number };
  /** The week's totals, from the days. */
  totals: { capacityHours: number; loadHours: number; overHours: number };
}

/** Last week (or any past week): plan against what happened, and what slipped. */
export interface WeekReviewView {
  weekStart: LocalDay;
  days: { day: LocalDay; plannedHours: number; loggedHours: number }[];
  categories: { categoryId: number | null; plannedHours: number; loggedHours: number }[];
  /** Her tasks planned in the week that were not done on their day, or were moved off it. */
  slipped: { task: PlanTask; plannedDay: LocalDay; outcome: 'open' | 'done-late' | 'moved' | 'unplanned'; movedTo: LocalDay | null }[];
}

/** The auto-plan's suggestion: nothing moves until she accepts. */
export interface PlanSuggestion {
  weekStart: LocalDay;
  placements: { task: PlanTask; day: LocalDay }[];
  unplaced: { task: PlanTask; reason: 'no-estimate' | 'too-big' | 'no-room-before-due' | 'no-room' }[];
  /** Per day from the first plannable day: the load before and after accepting. */
  days: { day: LocalDay; capacityHours: number; reserveHours: number; fixedHours: number; placedHours: number }[];
}

export interface CoverageItemView {
  task: PlanTask;
  day: LocalDay;
  covered: boolean;
  reason: 'msp-owns' | 'delegated' | 'kept' | 'no-category' | 'not-delegated';
}

export interface CoverageView {
  range: { startDay: LocalDay; endDay: LocalDay };
  items: CoverageItemView[];
  /** True when there were more items than shown (the counts cover them all). */
  truncated: boolean;
  coveredCount: number;
  atRiskCount: number;
  /** covered ÷ all, by count; 1 when there is nothing. */
  coverage: number;
  handover: {
    delegations: { categoryId: number; startDay: LocalDay; endDay: LocalDay; taskIds: number[] }[];
    keptTaskIds: number[];
    uncategorisedTaskIds: number[];
  };
}
