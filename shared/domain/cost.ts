import type { LocalDay } from './day';

/** Working hours in a year, by which an annual salary becomes an hourly cost. */
export const WORK_HOURS_PER_YEAR = 2080;

export interface MspContract {
  id: number;
  startDay: LocalDay;
  monthlyFeeCents: number;
  includedMinutes: number;
  /** Per hour beyond the included hours. */
  overageRateCents: number;
}

export interface CostSettings {
  managerAnnualSalary: number;
  hireAnnualSalary: number;
  /** Employer overhead on salary, in percent (30 = 30 %). */
  overheadPercent: number;
}

/** A month as `YYYY-MM`. */
export type Month = string;

export const monthOf = (day: LocalDay): Month => day.slice(0, 7);


/** The contract in force in a month: the latest one that started on or before the month's last day. */
export function contractForMonth(contracts: readonly MspContract[], month: Month): MspContract | undefined {
  const monthEnd = `${month}-31`;
  return [...contracts]
    .filter((contract) => contract.startDay <= monthEnd)
    .sort((a, b) => (a.startDay < b.startDay ? 1 : -1))[0];
}

/** MSP cost of a month = monthly fee + max(0, all MSP hours in the month − included hours) × overage rate. */
export function mspMonthCost(contract: MspContract, mspMinutesInMonth: number): { feeCents: number; overageHours: number; overageCents: number; totalCents: number } {
  const overageHours = Math.max(0, mspMinutesInMonth - contract.includedMinutes) / 60;
  const overageCents = overageHours * contract.overageRateCents;
  return {
    feeCents: contract.monthlyFeeCents,
    overageHours,
    overageCents,
    totalCents: contract.monthlyFeeCents + overageCents,
  };
}

/** Cost of a hire per year = annual salary × (1 + overhead %). In currency units. */
export function hireAnnualCost(settings: CostSettings): number {
  return settings.hireAnnualSalary * (1 + settings.overheadPercent / 100);
}

/** Her loaded hourly cost = her annual salary × (1 + overhead %) / 2,080. In currency units. */
export function loadedHourlyCost(settings: CostSettings): number {
  return (settings.managerAnnualSalary * (1 + settings.overheadPercent / 100)) / WORK_HOURS_PER_YEAR;
}

/** The value of reclaimed hours = net hours reclaimed × her loaded hourly cost. */
export function reclaimedValue(netHours: number, settings: CostSettings): number {
  return netHours * loadedHourlyCost(settings);
}
