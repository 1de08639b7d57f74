import { WORK_HOURS_PER_YEAR, hireAnnualCost, mspMonthCost, type CostSettings, type MspContract } from './cost';

export interface WhatIfInput {
  /** Her average weekly hours per category over the window (categories with no hours may be absent). */
  averageWeeklyHours: ReadonlyMap<number, number>;
  /** How many weeks the averages cover (0 when she has no history yet). */
  windowWeeks: number;
  selectedCategoryIds: readonly number[];
  oversightShare: number;
  contract: MspContract | undefined;
  costs: CostSettings;
}

export interface WhatIfResult {
  averageWeekNow: number;
  /** Her average week with the selected categories handed off, before oversight. */
  averageWeekAfter: number;
  handedOffWeekly: number;
  /** What overseeing the MSP on that work would cost her per week. */
  oversightWeekly: number;
  /** (handed off − oversight) × 52. */
  netReclaimedPerYear: number;
  /** Assuming the MSP spends the hours she spends now; null without a contract. */
  mspAnnualCost: number | null;
  hireAnnualCost: number;
  /** The hours she would get back, valued at her loaded hourly cost. */
  netReclaimedValuePerYear: number;
}

const WEEKS_PER_YEAR = 52;

/** "Delegate Desktop support + Server admin and your average week drops from 61 h to 43 h." */
export function whatIf(input: WhatIfInput): WhatIfResult {
  let averageWeekNow = 0;
  for (const hours of input.averageWeeklyHours.values()) averageWeekNow += hours;
  const handedOffWeekly = input.selectedCategoryIds.reduce((total, id) => total + (input.averageWeeklyHours.get(id) ?? 0), 0);
  const oversightWeekly = input.oversightShare * handedOffWeekly;
  const netReclaimedPerYear = (handedOffWeekly - oversightWeekly) * WEEKS_PER_YEAR;
  const monthlyMspMinutes = (handedOffWeekly * WEEKS_PER_YEAR * 60) / 12;
  const mspAnnualCost = input.contract ? (mspMonthCost(input.contract, monthlyMspMinutes).totalCents * 12) / 100 : null;
  const loadedHourly = (input.costs.managerAnnualSalary * (1 + input.costs.overheadPercent / 100)) / WORK_HOURS_PER_YEAR;
  return {
    averageWeekNow,
    averageWeekAfter: averageWeekNow - handedOffWeekly,
    handedOffWeekly,
    oversightWeekly,
    netReclaimedPerYear,
    mspAnnualCost,
    hireAnnualCost: hireAnnualCost(input.costs),
    netReclaimedValuePerYear: netReclaimedPerYear * loadedHourly,
  };
}
