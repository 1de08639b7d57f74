import type { BurnDown, MonthCost, ReclaimedView, WeeklyAverages, YearCost } from '../../shared/api/views';
import { addDays, daysInMonth, startOfWeek, type LocalDay } from '../../shared/domain/day';
import {
  contractForMonth,
  hireAnnualCost,
  loadedHourlyCost,
  monthOf,
  monthOfWeek,
  mspMonthCost,
  type Month,
} from '../../shared/domain/cost';
import { hoursReclaimed } from '../../shared/domain/hours-reclaimed';
import type { Settings } from '../../shared/domain/settings';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { listContracts } from '../repositories/msp';
import { delegatedDailyMinutes, firstEntryDay, minutesByCategory, minutesByMonth, totalMinutes } from '../repositories/time-entries';

const monthEnd = (month: Month): LocalDay => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

function previousMonth(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** Hours reclaimed, oversight and the cost comparison, from the rollup table through the pure domain functions. */
export function reclaimedReport(db: SqliteDatabase, settings: Settings, today: LocalDay, weeksShown: number): ReclaimedView {
  const delegations = listDelegations(db);
  const firstEntry = firstEntryDay(db, 'me');
  const earliestDelegation = delegations.reduce<LocalDay>((earliest, d) => (d.startDay < earliest ? d.startDay : earliest), today);
  const from = firstEntry !== null && firstEntry < earliestDelegation ? firstEntry : earliestDelegation;
  const report = hoursReclaimed({
    delegations,
    settings,
    today,
    firstEntryDay: firstEntry,
    herMinutes: delegatedDailyMinutes(db, 'me', from, today),
    mspMinutes: delegatedDailyMinutes(db, 'msp', earliestDelegation, today),
  });

  const perCategory = new Map<number, { categoryId: number; grossHours: number; mspDeliveredHours: number }>();
  for (const row of report.rows) {
    const entry = perCategory.get(row.categoryId) ?? { categoryId: row.categoryId, grossHours: 0, mspDeliveredHours: 0 };
    entry.grossHours += row.reclaimedHours;
    entry.mspDeliveredHours += row.mspHours;
    perCategory.set(row.categoryId, entry);
  }

  const hourly = loadedHourlyCost(settings);
  const hireAnnual = hireAnnualCost(settings);
  const contracts = listContracts(db);
  const netByMonth = new Map<Month, number>();
  for (const week of report.weeks) netByMonth.set(monthOfWeek(week.weekStart), (netByMonth.get(monthOfWeek(week.weekStart)) ?? 0) + week.netHours);

  const firstMonth = [earliestDelegation, ...contracts.map((contract) => contract.startDay)].map(monthOf).sort()[0] ?? monthOf(today);
  const months: MonthCost[] = [];
  const mspByMonth = minutesByMonth(db, 'msp', `${firstMonth}-01`, monthEnd(monthOf(today)));
  for (let month = monthOf(today); month >= firstMonth; month = previousMonth(month)) {
    const mspMinutes = mspByMonth.get(month) ?? 0;
    const contract = contractForMonth(contracts, month);
    const netReclaimedHours = netByMonth.get(month) ?? 0;
    months.push({
      month,
      mspHours: mspMinutes / 60,
      mspCost: contract ? mspMonthCost(contract, mspMinutes).totalCents / 100 : null,
      hireCost: hireAnnual / 12,
      netReclaimedHours,
      reclaimedValue: netReclaimedHours * hourly,
    });
  }
  const years = new Map<string, YearCost>();
  for (const month of months) {
    const year = month.month.slice(0, 4);
    const entry = years.get(year) ?? { year, mspCost: 0, hireCost: 0, netReclaimedHours: 0, reclaimedValue: 0 };
    entry.mspCost += month.mspCost ?? 0;
    // A year still under way is compared month for month: the hire's cost counts for the months shown.
    entry.hireCost += month.hireCost;
    entry.netReclaimedHours += month.netReclaimedHours;
    entry.reclaimedValue += month.reclaimedValue;
    years.set(year, entry);
  }

  const shownFrom = addDays(startOfWeek(today, settings.weekStartsOn), -7 * (weeksShown - 1));
  return {
    today,
    delegations,
    baselines: report.baselines,
    weeks: report.weeks.filter((week) => week.weekStart >= shownFrom),
    rows: report.rows.filter((row) => row.weekStart >= shownFrom),
    totals: report.totals,
    perCategory: [...perCategory.values()],
    cost: {
      currency: settings.currency,
      loadedHourlyCost: hourly,
      hireAnnualCost: hireAnnual,
      totalReclaimedValue: report.totals.netHours * hourly,
      months: months.slice(0, 12),
      years: [...years.values()],
    },
    oversightShare: settings.oversightShare,
  };
}

/** Her average weekly hours per category over the N most recent full weeks (for the what-if). */
export function weeklyAverages(db: SqliteDatabase, settings: Settings, today: LocalDay): WeeklyAverages {
  const firstEntry = firstEntryDay(db, 'me');
  if (firstEntry === null) return { windowWeeks: [], categories: [] };
  const earliest = startOfWeek(firstEntry, settings.weekStartsOn);
  const windowWeeks: LocalDay[] = [];
  for (
    let week = addDays(startOfWeek(today, settings.weekStartsOn), -7);
    windowWeeks.length < settings.baselineWeeks && week >= earliest;
    week = addDays(week, -7)
  ) {
    windowWeeks.push(week);
  }
  if (windowWeeks.length === 0) return { windowWeeks, categories: [] };
  const from = windowWeeks.at(-1)!;
  const to = addDays(windowWeeks[0]!, 6);
  return {
    windowWeeks,
    categories: minutesByCategory(db, 'me', from, to).map((row) => ({
      categoryId: row.categoryId,
      hours: row.minutes / 60 / windowWeeks.length,
    })),
  };
}

/** This month's MSP hours against the contract's included hours. */
export function burnDown(db: SqliteDatabase, today: LocalDay): BurnDown {
  const month = monthOf(today);
  const contract = contractForMonth(listContracts(db), month) ?? null;
  const usedMinutes = totalMinutes(db, 'msp', `${month}-01`, monthEnd(month));
  const dayOfMonth = Number(today.slice(8, 10));
  const days = Number(monthEnd(month).slice(8, 10));
  const projectedMinutes = (usedMinutes / dayOfMonth) * days;
  const includedMinutes = contract?.includedMinutes ?? 0;
  const usedShare = includedMinutes > 0 ? usedMinutes / includedMinutes : null;
  return {
    month,
    contract,
    usedHours: usedMinutes / 60,
    includedHours: includedMinutes / 60,
    overageHours: Math.max(0, usedMinutes - includedMinutes) / 60,
    projectedHours: projectedMinutes / 60,
    usedShare,
    warning: usedShare !== null && usedShare >= 0.8,
    projectedCostCents: contract ? mspMonthCost(contract, projectedMinutes).totalCents : null,
  };
}
