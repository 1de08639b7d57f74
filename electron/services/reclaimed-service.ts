import type { BurnDown, MonthCost, ReclaimedTotals, ReclaimedView, WeeklyAverages, YearCost } from '../../shared/api/views';
import { addDays, daysInMonth, dayOfWeek, startOfWeek, type LocalDay } from '../../shared/domain/day';
import {
  contractForMonth,
  hireAnnualCost,
  loadedHourlyCost,
  monthOf,
  mspMonthCost,
  type Month,
  type MspContract,
} from '../../shared/domain/cost';
import { inForceDuring } from '../../shared/domain/delegation';
import type { Delegation } from '../../shared/domain/delegation';
import { daysRead, hoursReclaimed, type MonthTotals, type ReclaimedReport, type WeekTotals } from '../../shared/domain/hours-reclaimed';
import type { Settings } from '../../shared/domain/settings';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { listContracts } from '../repositories/msp';
import { dailyMinutesOf, firstEntryDay, minutesByCategory, minutesByMonth, totalMinutes } from '../repositories/time-entries';
import { dailyMinutes } from '../repositories/workload';

const monthEnd = (month: Month): LocalDay => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

function nextMonth(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** The weekly rows the report sends at most: a half year of each delegation's weeks. */
const ROW_WEEKS = 26;

export interface ReportRange {
  /** The first day of the span to list; null: from the first delegation (or contract). */
  from: LocalDay | null;
  /** The last day; null: today. */
  to: LocalDay | null;
}

/**
 * The full hours-reclaimed figures (every delegation, every week to today), from the rollup: only
 * the days the figures read (`daysRead`) are loaded — a baseline's N weeks and each delegation's
 * days in force, per category — not every day since her first entry.
 */
export function reclaimedFigures(db: SqliteDatabase, settings: Settings, today: LocalDay, delegations: readonly Delegation[]): ReclaimedReport {
  const firstEntry = firstEntryDay(db, 'me');
  const dates = { delegations, settings, today, firstEntryDay: firstEntry };
  const spans = daysRead(dates);
  return hoursReclaimed({ ...dates, herMinutes: dailyMinutesOf(db, 'me', spans.her), mspMinutes: dailyMinutesOf(db, 'msp', spans.msp) });
}

const sumTotals = (weeks: readonly WeekTotals[]): ReclaimedTotals => {
  const totals = { grossHours: 0, mspDeliveredHours: 0, oversightHours: 0, netHours: 0 };
  for (const week of weeks) {
    totals.grossHours += week.grossHours;
    totals.mspDeliveredHours += week.mspDeliveredHours;
    totals.oversightHours += week.oversightHours;
    totals.netHours += week.netHours;
  }
  return totals;
};

/**
 * Hours reclaimed, oversight and the cost comparison, from the rollup through the pure domain
 * functions. Totals cover all time; weeks, months and per-delegation range sums cover the range
 * asked for, so "all time" is all of it and a delegation taken back years ago still shows its hours.
 * Monthly figures split each week by its in-force working days (PRODUCT.md), so the months add up to
 * the total exactly and the current week is never lost to a month not yet listed.
 */
export function reclaimedReport(db: SqliteDatabase, settings: Settings, today: LocalDay, range: ReportRange): ReclaimedView {
  const delegations = listDelegations(db);
  const contracts = listContracts(db);
  const earliestDelegation = delegations.reduce<LocalDay>((earliest, d) => (d.startDay < earliest ? d.startDay : earliest), today);
  const report = reclaimedFigures(db, settings, today, delegations);

  const firstDay = [earliestDelegation, ...contracts.map((contract) => contract.startDay)].sort()[0] ?? today;
  const from = range.from ?? firstDay;
  const to = range.to !== null && range.to < today ? range.to : today;
  const fromWeek = startOfWeek(from, settings.weekStartsOn);
  const weeks = report.weeks.filter((week) => week.weekStart >= fromWeek && week.weekStart <= to);
  const rowsFrom = addDays(startOfWeek(to, settings.weekStartsOn), -7 * (ROW_WEEKS - 1));
  const rows = report.rows.filter((row) => row.weekStart >= fromWeek && row.weekStart <= to && row.weekStart >= rowsFrom);

  const perDelegation = delegations.map((delegation) => {
    const own = report.rows.filter((row) => row.delegationId === delegation.id);
    const inRange = own.filter((row) => row.weekStart >= fromWeek && row.weekStart <= to);
    return {
      delegationId: delegation.id,
      categoryId: delegation.categoryId,
      grossHours: own.reduce((total, row) => total + row.reclaimedHours, 0),
      mspDeliveredHours: own.reduce((total, row) => total + row.mspHours, 0),
      rangeGrossHours: inRange.reduce((total, row) => total + row.reclaimedHours, 0),
      rangeMspDeliveredHours: inRange.reduce((total, row) => total + row.mspHours, 0),
    };
  });

  const firstMonth = monthOf(from > firstDay ? from : firstDay);
  const lastMonth = monthOf(to);
  const { months, years } = costComparison(db, settings, today, delegations, contracts, report.months, firstMonth, lastMonth);
  const hourly = loadedHourlyCost(settings);

  return {
    today,
    range: { from, to },
    delegations,
    baselines: report.baselines,
    weeks,
    rows,
    totals: report.totals,
    rangeTotals: sumTotals(weeks),
    perDelegation,
    months: report.months.filter((month) => month.month >= firstMonth && month.month <= lastMonth),
    cost: {
      currency: settings.currency,
      loadedHourlyCost: hourly,
      hireAnnualCost: hireAnnualCost(settings),
      totalReclaimedValue: report.totals.netHours * hourly,
      months: [...months].reverse(),
      years: [...years].reverse(),
    },
    oversightShare: settings.oversightShare,
  };
}

/**
 * MSP cost against a hire and the value of the hours reclaimed, per calendar month from
 * `firstMonth` to `lastMonth` and per year, oldest first: MSP cost from all MSP hours in the month,
 * net hours reclaimed from the weekly figures split by their in-force working days (`reclaimedMonths`),
 * a note for a month with a contract and no delegation in force; a year under way (or begun
 * mid-year) compares its months, months × annual cost ÷ 12.
 */
export function costComparison(
  db: SqliteDatabase,
  settings: Settings,
  today: LocalDay,
  delegations: readonly Delegation[],
  contracts: readonly MspContract[],
  reclaimedMonths: readonly MonthTotals[],
  firstMonth: Month,
  lastMonth: Month,
): { months: MonthCost[]; years: YearCost[] } {
  const hourly = loadedHourlyCost(settings);
  const hireAnnual = hireAnnualCost(settings);
  const netByMonth = new Map(reclaimedMonths.map((month) => [month.month, month.netHours]));
  const mspByMonth = minutesByMonth(db, 'msp', `${firstMonth}-01`, monthEnd(lastMonth));
  const months: MonthCost[] = [];
  for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) {
    const mspMinutes = mspByMonth.get(month) ?? 0;
    const contract = contractForMonth(contracts, month);
    const netReclaimedHours = netByMonth.get(month) ?? 0;
    const monthTo = monthEnd(month) < today ? monthEnd(month) : today;
    const delegated = inForceDuring(delegations, `${month}-01`, monthTo);
    months.push({
      month,
      mspHours: mspMinutes / 60,
      mspCost: contract ? mspMonthCost(contract, mspMinutes).totalCents / 100 : null,
      hireCost: hireAnnual / 12,
      netReclaimedHours,
      reclaimedValue: netReclaimedHours * hourly,
      note: contract && !delegated ? 'No category was delegated this month: the contract cost money but could not buy hours back yet.' : null,
    });
  }
  const years = new Map<string, YearCost>();
  for (const month of months) {
    const year = month.month.slice(0, 4);
    const entry = years.get(year) ?? {
      year,
      firstMonth: month.month,
      lastMonth: month.month,
      monthCount: 0,
      partial: year === today.slice(0, 4),
      mspCost: 0,
      hireCost: 0,
      netReclaimedHours: 0,
      reclaimedValue: 0,
    };
    entry.lastMonth = month.month;
    entry.monthCount += 1;
    entry.mspCost += month.mspCost ?? 0;
    // A year under way (or begun with the contract) compares its months: months × annual ÷ 12.
    entry.hireCost = (entry.monthCount * hireAnnual) / 12;
    entry.netReclaimedHours += month.netReclaimedHours;
    entry.reclaimedValue += month.reclaimedValue;
    years.set(year, entry);
  }
  return { months, years: [...years.values()] };
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

/** How many working days back the burn-down's pace is averaged over. */
export const PROJECTION_WORKING_DAYS = 20;

/**
 * This month's MSP hours against the contract's included hours, and the projection PRODUCT.md
 * defines: MSP hours used so far + the remaining working days of the month (after today) × the
 * MSP's average hours per working day over the last 20 working days before today (fewer when the
 * history is shorter; none at all: no projection, and the reason). Working days are hers, by her
 * settings.
 */
export function burnDown(db: SqliteDatabase, settings: Settings, today: LocalDay): BurnDown {
  const month = monthOf(today);
  const contract = contractForMonth(listContracts(db), month) ?? null;
  const usedMinutes = totalMinutes(db, 'msp', `${month}-01`, monthEnd(month));
  const includedMinutes = contract?.includedMinutes ?? 0;
  const usedShare = includedMinutes > 0 ? usedMinutes / includedMinutes : null;
  const working = (day: LocalDay) => settings.workingDays.includes(dayOfWeek(day));

  let remainingWorkingDays = 0;
  for (let day = addDays(today, 1); day <= monthEnd(month); day = addDays(day, 1)) if (working(day)) remainingWorkingDays += 1;

  const firstMspDay = firstEntryDay(db, 'msp');
  const basisDays: LocalDay[] = [];
  if (firstMspDay !== null && settings.workingDays.length > 0) {
    for (let day = addDays(today, -1); basisDays.length < PROJECTION_WORKING_DAYS && day >= firstMspDay; day = addDays(day, -1)) {
      if (working(day)) basisDays.push(day);
    }
  }
  let projectionBasis: BurnDown['projectionBasis'];
  let projectedMinutes: number | null = null;
  if (basisDays.length === 0) {
    projectionBasis = {
      kind: 'none',
      reason:
        firstMspDay === null
          ? 'No MSP time is logged yet, so there is no pace to project from.'
          : settings.workingDays.length === 0
            ? 'You have no working days set, so there is no working-day pace to project from.'
            : 'MSP time was first logged today: a projection needs at least one working day before today.',
    };
  } else {
    const minutes = dailyMinutes(db, 'msp', basisDays.at(-1)!, basisDays[0]!);
    const basisMinutes = basisDays.reduce((total, day) => total + (minutes.get(day)?.minutes ?? 0), 0);
    const perDay = basisMinutes / basisDays.length;
    projectedMinutes = usedMinutes + remainingWorkingDays * perDay;
    projectionBasis = { kind: 'average', workingDays: basisDays.length, hoursPerWorkingDay: perDay / 60, remainingWorkingDays };
  }
  return {
    month,
    contract,
    usedHours: usedMinutes / 60,
    includedHours: includedMinutes / 60,
    overageHours: Math.max(0, usedMinutes - includedMinutes) / 60,
    projectedHours: projectedMinutes === null ? null : projectedMinutes / 60,
    projectionBasis,
    usedShare,
    warning: usedShare !== null && usedShare >= 0.8,
    projectedCostCents: contract && projectedMinutes !== null ? mspMonthCost(contract, projectedMinutes).totalCents : null,
  };
}
