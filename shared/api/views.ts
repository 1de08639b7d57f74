import type { LocalDay } from '../domain/day';
import type { Month, MspContract } from '../domain/cost';
import type { Delegation } from '../domain/delegation';
import type { Baseline, MonthTotals, ReclaimedWeek, WeekTotals } from '../domain/hours-reclaimed';
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
  /**
   * Used so far + the month's remaining working days (after today) × the MSP's average hours per
   * working day over the last 20 working days before today; null when there is no history to
   * average (see `projectionBasis`).
   */
  projectedHours: number | null;
  /** What the projection rests on, or why there is none. */
  projectionBasis:
    | { kind: 'average'; workingDays: number; hoursPerWorkingDay: number; remainingWorkingDays: number }
    | { kind: 'none'; reason: string };
  /** used / included, 0–∞; null without included hours. */
  usedShare: number | null;
  /** At or past 80 % of the included hours. */
  warning: boolean;
  projectedCostCents: number | null;
}

export interface MonthCost {
  month: Month;
  /** All MSP hours logged in the month (the contract counts them all). */
  mspHours: number;
  /** Null for months without a contract. */
  mspCost: number | null;
  hireCost: number;
  /** Net hours reclaimed in the month: weekly figures split by their in-force working days, oversight on each entry's day. */
  netReclaimedHours: number;
  reclaimedValue: number;
  /** Why nothing comes back this month although the MSP costs money: no delegation was in force in it. */
  note: string | null;
}

export interface YearCost {
  year: string;
  /** The months compared (a year under way: those so far). */
  firstMonth: Month;
  lastMonth: Month;
  monthCount: number;
  /** True while the year is under way: it compares its months so far. */
  partial: boolean;
  mspCost: number;
  /** months × annual cost of a hire ÷ 12. */
  hireCost: number;
  netReclaimedHours: number;
  reclaimedValue: number;
}

/** Totals of the hours-reclaimed figures over a span of weeks. */
export type ReclaimedTotals = Omit<WeekTotals, 'weekStart'>;

export interface ReclaimedView {
  today: LocalDay;
  /** The span the weekly and monthly lists cover: from the first delegation (or `from`) to today (or `to`). */
  range: { from: LocalDay; to: LocalDay };
  delegations: Delegation[];
  baselines: Baseline[];
  /** Every week of the range with a delegation in force, oldest first. */
  weeks: WeekTotals[];
  /** Each delegation's row for the last weeks of the range (at most 26), oldest first. */
  rows: ReclaimedWeek[];
  /** Since the first delegation, up to today. */
  totals: ReclaimedTotals;
  /** Over the range asked for. */
  rangeTotals: ReclaimedTotals;
  /** Per delegation, over all its weeks and over the range. */
  perDelegation: { delegationId: number; categoryId: number; grossHours: number; mspDeliveredHours: number; rangeGrossHours: number; rangeMspDeliveredHours: number }[];
  /** Per calendar month of the range (weekly figures split by their in-force working days). */
  months: MonthTotals[];
  cost: {
    currency: string;
    loadedHourlyCost: number;
    hireAnnualCost: number;
    totalReclaimedValue: number;
    /** Newest first: every month of the range from the first delegation or contract to today's. */
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

/** An entry as a log lists it: with the title of the task it was for (a deleted task's too), or null. */
export type LoggedEntry = TimeEntry & { taskTitle: string | null };

export interface TodaySummary {
  today: LocalDay;
  /** Her completed hours today (a running timer counts in no figure until it stops). */
  loggedHours: number;
  /** Today's capacity: hours per working day, 0 on a non-working day. */
  capacityHours: number;
  /** Her entries today, newest first, each with the title of the task it was for. */
  entries: LoggedEntry[];
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
  /** The after-hours and unplanned part of her hours in the category. */
  herAfterHoursHours: number;
  herUnplannedHours: number;
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
  /** The part of the load's task hours that is recurring work (occurrences, created or upcoming). */
  recurringHours: number;
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

/**
 * Per bar of the Insights charts, one value for each of `InsightsView.starts`, in order: the columns
 * a chart draws and its table lists, without a key per value (ten years by month stays small).
 */
export interface InsightsSeries {
  /** Her hours in the categories chosen (all when none is). */
  herHours: number[];
  /** All her hours, whatever the filter: capacity and overtime are measured on them. */
  herTotalHours: number[];
  /** The MSP's hours in the categories chosen. */
  mspHours: number[];
  capacityHours: number[];
  /** Weekly overtime (on all her hours); for a month, the overtime of the weeks that start in it. */
  overtimeHours: number[];
  /** The after-hours, unplanned and strategic parts of her hours in the categories chosen. */
  afterHoursHours: number[];
  unplannedHours: number[];
  strategicHours: number[];
  /** Hours reclaimed by the delegations of the categories chosen: gross, and net of oversight. */
  grossReclaimedHours: number[];
  netReclaimedHours: number[];
}

/** The contract and the cost of the MSP against a hire, per calendar month (columns) and per year. */
export interface InsightsCost {
  loadedHourlyCost: number;
  hireAnnualCost: number;
  /** A hire for one month: the annual cost ÷ 12. */
  hireMonthlyCost: number;
  /** The months of the range from the first contract or delegation, oldest first; one value per month below. */
  months: string[];
  /** The contract's included hours; null in a month without a contract. */
  includedHours: (number | null)[];
  /** All MSP hours logged in the month, whatever the filter: the contract counts them all. */
  usedHours: number[];
  overageHours: number[];
  /** Null in a month without a contract. */
  mspCost: (number | null)[];
  /** Net hours reclaimed by every delegation (weekly figures split by their in-force working days) and their value. */
  netReclaimedHours: number[];
  reclaimedValue: number[];
  /** Why a month with a contract bought no hours back (no delegation in force), else null. */
  notes: (string | null)[];
  /** Per calendar year of those months, oldest first; a year under way compares its months so far. */
  years: YearCost[];
}

/** A delegation as Insights lists it: its period, its baseline and the hours it reclaimed. */
export interface InsightsDelegation {
  id: number;
  categoryId: number;
  startDay: LocalDay;
  endDay: LocalDay | null;
  baselineHours: number;
  baselineSource: Baseline['source'];
  /** How many weeks a measured baseline averages. */
  baselineWeeks: number;
  /** Over all its weeks up to today, and over the range. */
  grossHours: number;
  mspDeliveredHours: number;
  rangeGrossHours: number;
  rangeMspDeliveredHours: number;
}

/** Everything the Insights screen shows for a range and a category filter, in one call. */
export interface InsightsView {
  /** The range drawn: `to` no later than today; asked without a first day, from the first day with data. */
  range: { from: LocalDay; to: LocalDay };
  /** Up to two years of weeks are drawn week by week; longer ranges month by month. */
  bucket: 'week' | 'month';
  /** null: every category. */
  categoryIds: number[] | null;
  /** Each bar's first day: a week's (the first may fall before `range.from`), or a month's. */
  starts: LocalDay[];
  series: InsightsSeries;
  /** Her and the MSP's hours per bar, for each category chosen that has any in the range, in id order. */
  categories: { categoryId: number; herHours: number[]; mspHours: number[] }[];
  /** Delegations (of the categories chosen) starting or ending in the range, to mark on the reclaimed chart. */
  delegationMarks: { day: LocalDay; categoryId: number; kind: 'start' | 'end' }[];
  cost: InsightsCost;
  /** Her hours by weekday (0 = Sunday … 6) × local hour (0–23) over the range, in the categories chosen. */
  heatmap: number[][];
  headline: InsightsHeadline;
  reclaimed: {
    oversightShare: number;
    /** Since the first delegation, up to today, every category: what the headline and the cost table count. */
    totals: ReclaimedTotals;
    /** Over the range, the delegations of the categories chosen. */
    rangeTotals: ReclaimedTotals;
    /** The delegations of the categories chosen, oldest first. */
    delegations: InsightsDelegation[];
  };
  currency: string;
}

/** The figures on top of Insights: this month, and her average week before delegating against now. */
export interface InsightsHeadline {
  month: string;
  netReclaimedThisMonth: number;
  netReclaimedValueThisMonth: number;
  /** Null until she has delegated and has full weeks on both sides. */
  comparison: {
    before: { weeks: number; hours: number; overtimeHours: number; afterHoursHours: number; unplannedShare: number | null; strategicShare: number | null };
    after: { weeks: number; hours: number; overtimeHours: number; afterHoursHours: number; unplannedShare: number | null; strategicShare: number | null };
  } | null;
}

/** The one-page report for leadership, for a month or a run of months. */
export interface LeadershipReport {
  period: { fromMonth: string; toMonth: string; from: LocalDay; to: LocalDay; months: number };
  currency: string;
  reclaimed: { grossHours: number; oversightHours: number; netHours: number; netValue: number; mspDeliveredHours: number };
  cost: { mspCost: number; hireCost: number; months: number; hasContract: boolean };
  /** Her average week before delegating against the full weeks of the period after it; null without both. */
  workload: InsightsHeadline['comparison'];
  msp: {
    completed: number;
    responded: number;
    /** Null when it responded to nothing in the period. */
    averageResponseMinutes: number | null;
    /** Responses in categories that have a response target, and how many met it. */
    withTarget: number;
    withinTarget: number;
  };
  /** Week by week through the period (none for a run of months over two years): net hours reclaimed and her hours against capacity. */
  weeks: { start: LocalDay; netReclaimedHours: number; herHours: number; capacityHours: number; overtimeHours: number; afterHoursHours: number; strategicHours: number }[];
  /** Her hours by category in the period, and the MSP's. */
  categories: WorkloadCategoryHours[];
  loadedHourlyCost: number;
}

/** What saving the report as PDF did. */
export type ReportPdfResult =
  | { kind: 'saved'; fileName: string; path: string }
  | { kind: 'cancelled'; fileName: string }
  /** Browser mode: the page uses the browser's Print → Save as PDF, with `fileName` as its title. */
  | { kind: 'print-in-browser'; fileName: string; message: string };
