import type { LocalDay } from '../domain/day';
import type { Month, MspContract } from '../domain/cost';
import type { Delegation } from '../domain/delegation';
import type { Baseline, ReclaimedWeek, WeekTotals } from '../domain/hours-reclaimed';
import type { TimeEntry } from '../domain/time-entry';
import type { Task, TaskStatus } from '../domain/types';

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
