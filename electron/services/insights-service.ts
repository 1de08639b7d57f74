import type { InsightsBucket, InsightsHeadline, InsightsView, WorkloadWeekView } from '../../shared/api/views';
import { capacityHours } from '../../shared/domain/capacity';
import { contractForMonth, hireAnnualCost, loadedHourlyCost, mspMonthCost, type Month } from '../../shared/domain/cost';
import { addDays, daysBetween, daysInMonth, startOfWeek, type LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import { hoursReclaimed, type ReclaimedReport } from '../../shared/domain/hours-reclaimed';
import type { Settings } from '../../shared/domain/settings';
import type { SqliteDatabase } from '../db/connection';
import { listCategories } from '../repositories/categories';
import { listDelegations } from '../repositories/delegations';
import { hourHeatmap, monthlyCategoryTotals } from '../repositories/insights';
import { listContracts } from '../repositories/msp';
import { listTimeOff } from '../repositories/time-off';
import { delegatedDailyMinutes, firstEntryDay } from '../repositories/time-entries';
import { workloadWeeks } from './workload-service';

const HOUR = 3_600_000;
/** Up to two years of weeks are drawn week by week; longer ranges by month, so a screen stays small. */
const MAX_WEEK_BUCKETS = 104;

export interface InsightsQuery {
  from: LocalDay;
  to: LocalDay;
  categoryIds: number[] | null;
}

const monthEnd = (month: Month): LocalDay => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
const nextMonth = (month: Month): Month => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/** The full hours-reclaimed figures (every delegation, every week to today), from the rollup. */
export function reclaimedFigures(db: SqliteDatabase, settings: Settings, today: LocalDay, delegations: readonly Delegation[]): ReclaimedReport {
  const firstEntry = firstEntryDay(db, 'me');
  const earliest = delegations.reduce<LocalDay>((first, d) => (d.startDay < first ? d.startDay : first), today);
  const baselineFrom = addDays(startOfWeek(earliest, settings.weekStartsOn), -7 * (settings.baselineWeeks + 1));
  return hoursReclaimed({
    delegations,
    settings,
    today,
    firstEntryDay: firstEntry,
    herMinutes: delegatedDailyMinutes(db, 'me', firstEntry !== null && firstEntry > baselineFrom ? firstEntry : baselineFrom, today),
    mspMinutes: delegatedDailyMinutes(db, 'msp', earliest, today),
  });
}

/**
 * Everything the Insights charts draw for a range and a category filter, as summaries sized by
 * what is shown: weeks (or months beyond two years), the contract per month, the weekday × hour
 * heatmap from the hour rollup, and the headline figures.
 */
export function insights(db: SqliteDatabase, settings: Settings, today: LocalDay, query: InsightsQuery): InsightsView {
  const to = query.to < today ? query.to : today;
  const from = query.from <= to ? query.from : to;
  const chosen = query.categoryIds === null ? null : new Set(query.categoryIds);
  const inFilter = (categoryId: number) => chosen === null || chosen.has(categoryId);
  const strategic = new Set(listCategories(db, true).filter((category) => category.kind === 'strategic').map((category) => category.id));
  const delegations = listDelegations(db);
  const report = reclaimedFigures(db, settings, today, delegations);
  const rows = report.rows.filter((row) => inFilter(row.categoryId));
  const firstWeek = startOfWeek(from, settings.weekStartsOn);
  const weekCount = daysBetween(firstWeek, startOfWeek(to, settings.weekStartsOn)) / 7 + 1;
  const weekly = workloadWeeks(db, settings, firstWeek, to);
  const bucket = weekCount <= MAX_WEEK_BUCKETS ? 'week' : 'month';

  let buckets: InsightsBucket[];
  if (bucket === 'week') {
    buckets = weekly.map((week) => {
      const weekRows = rows.filter((row) => row.weekStart === week.weekStart);
      const gross = weekRows.reduce((total, row) => total + row.reclaimedHours, 0);
      const delivered = weekRows.reduce((total, row) => total + row.mspHours, 0);
      const categories = week.categories.filter((category) => inFilter(category.categoryId));
      const sum = (pick: (category: (typeof categories)[number]) => number) => categories.reduce((total, category) => total + pick(category), 0);
      return {
        start: week.weekStart,
        herHours: sum((category) => category.herHours),
        herTotalHours: week.herHours,
        mspHours: sum((category) => category.mspHours),
        capacityHours: week.capacityHours,
        overtimeHours: week.overtimeHours,
        afterHoursHours: sum((category) => category.herAfterHoursHours),
        unplannedHours: sum((category) => category.herUnplannedHours),
        strategicHours: sum((category) => (strategic.has(category.categoryId) ? category.herHours : 0)),
        categories,
        grossReclaimedHours: gross,
        netReclaimedHours: gross - settings.oversightShare * delivered,
      };
    });
  } else {
    buckets = monthBuckets(db, settings, from, to, weekly, rows, inFilter, strategic);
  }

  const contracts = listContracts(db);
  const monthsOfRange: Month[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) monthsOfRange.push(month);
  const mspByMonth = new Map<string, number>();
  for (const row of monthlyCategoryTotals(db, `${from.slice(0, 7)}-01`, monthEnd(to.slice(0, 7)))) {
    if (row.worker === 'msp') mspByMonth.set(row.month, (mspByMonth.get(row.month) ?? 0) + row.ms);
  }
  const hireMonthly = hireAnnualCost(settings) / 12;
  const contract = monthsOfRange.map((month) => {
    const terms = contractForMonth(contracts, month);
    const usedMinutes = (mspByMonth.get(month) ?? 0) / 60_000;
    return {
      month,
      includedHours: terms ? terms.includedMinutes / 60 : null,
      usedHours: usedMinutes / 60,
      overageHours: terms ? Math.max(0, usedMinutes - terms.includedMinutes) / 60 : 0,
      mspCost: terms ? mspMonthCost(terms, usedMinutes).totalCents / 100 : null,
      hireCost: hireMonthly,
    };
  });

  const delegationMarks: InsightsView['delegationMarks'] = [];
  for (const delegation of delegations) {
    if (!inFilter(delegation.categoryId)) continue;
    if (delegation.startDay >= from && delegation.startDay <= to) delegationMarks.push({ day: delegation.startDay, categoryId: delegation.categoryId, kind: 'start' });
    if (delegation.endDay !== null && delegation.endDay >= from && delegation.endDay <= to) delegationMarks.push({ day: delegation.endDay, categoryId: delegation.categoryId, kind: 'end' });
  }

  return {
    range: { from, to },
    bucket,
    categoryIds: query.categoryIds,
    buckets,
    delegationMarks: delegationMarks.sort((a, b) => (a.day < b.day ? -1 : 1)),
    contract,
    heatmap: hourHeatmap(db, from, to, query.categoryIds).map((row) => row.map((ms) => ms / HOUR)),
    headline: headline(db, settings, today, delegations, report),
    currency: settings.currency,
  };
}

function monthBuckets(
  db: SqliteDatabase,
  settings: Settings,
  from: LocalDay,
  to: LocalDay,
  weekly: readonly WorkloadWeekView[],
  rows: ReclaimedReport['rows'],
  inFilter: (categoryId: number) => boolean,
  strategic: ReadonlySet<number>,
): InsightsBucket[] {
  const timeOff = listTimeOff(db);
  const totals = monthlyCategoryTotals(db, from, to);
  const buckets: InsightsBucket[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    const first = `${month}-01` < from ? from : `${month}-01`;
    const last = monthEnd(month) > to ? to : monthEnd(month);
    let capacity = 0;
    for (let day = first; day <= last; day = addDays(day, 1)) capacity += capacityHours(settings, day, timeOff);
    const monthRows = totals.filter((row) => row.month === month);
    const mine = monthRows.filter((row) => row.worker === 'me');
    const chosen = mine.filter((row) => inFilter(row.categoryId));
    const categories = new Map<number, { herHours: number; mspHours: number; herAfterHoursHours: number; herUnplannedHours: number }>();
    for (const row of monthRows) {
      if (!inFilter(row.categoryId)) continue;
      const entry = categories.get(row.categoryId) ?? { herHours: 0, mspHours: 0, herAfterHoursHours: 0, herUnplannedHours: 0 };
      if (row.worker === 'me') {
        entry.herHours += row.ms / HOUR;
        entry.herAfterHoursHours += row.afterHoursMs / HOUR;
        entry.herUnplannedHours += row.unplannedMs / HOUR;
      } else entry.mspHours += row.ms / HOUR;
      categories.set(row.categoryId, entry);
    }
    let gross = 0;
    let delivered = 0;
    for (const row of rows) {
      for (const share of row.months) {
        if (share.month !== month) continue;
        gross += share.reclaimedHours;
        delivered += share.mspHours;
      }
    }
    buckets.push({
      start: `${month}-01`,
      herHours: chosen.reduce((total, row) => total + row.ms, 0) / HOUR,
      herTotalHours: mine.reduce((total, row) => total + row.ms, 0) / HOUR,
      mspHours: [...categories.values()].reduce((total, entry) => total + entry.mspHours, 0),
      capacityHours: capacity,
      overtimeHours: weekly.filter((week) => week.weekStart.slice(0, 7) === month).reduce((total, week) => total + week.overtimeHours, 0),
      afterHoursHours: chosen.reduce((total, row) => total + row.afterHoursMs, 0) / HOUR,
      unplannedHours: chosen.reduce((total, row) => total + row.unplannedMs, 0) / HOUR,
      strategicHours: chosen.filter((row) => strategic.has(row.categoryId)).reduce((total, row) => total + row.ms, 0) / HOUR,
      categories: [...categories].sort(([a], [b]) => a - b).map(([categoryId, hours]) => ({ categoryId, ...hours })),
      grossReclaimedHours: gross,
      netReclaimedHours: gross - settings.oversightShare * delivered,
    });
  }
  return buckets;
}

/**
 * This month's net hours reclaimed and their value, and her average week before delegating
 * against the N most recent full weeks (see `workloadComparison`).
 */
function headline(db: SqliteDatabase, settings: Settings, today: LocalDay, delegations: readonly Delegation[], report: ReclaimedReport): InsightsHeadline {
  const month = today.slice(0, 7);
  const net = report.months.find((entry) => entry.month === month)?.netHours ?? 0;
  return {
    month,
    netReclaimedThisMonth: net,
    netReclaimedValueThisMonth: net * loadedHourlyCost(settings),
    comparison: workloadComparison(db, settings, today, delegations, null),
  };
}

/**
 * Her average week over the N full weeks before the week of her first delegation (not reaching
 * before her first entry) against the full weeks after that week: the N most recent ones, or, for
 * a period (the leadership report's months), the full weeks that hold a day of it — a report for
 * October printed in December speaks of October. Hours, overtime, after-hours, and the unplanned
 * and strategic shares; null without weeks on both sides.
 */
export function workloadComparison(
  db: SqliteDatabase,
  settings: Settings,
  today: LocalDay,
  delegations: readonly Delegation[],
  period: { from: LocalDay; to: LocalDay } | null,
): InsightsHeadline['comparison'] {
  const first = delegations.reduce<LocalDay | null>((earliest, d) => (earliest === null || d.startDay < earliest ? d.startDay : earliest), null);
  const firstEntry = firstEntryDay(db, 'me');
  if (first === null || firstEntry === null) return null;
  const n = settings.baselineWeeks;
  const delegatedWeek = startOfWeek(first, settings.weekStartsOn);
  const lastFull = addDays(startOfWeek(today, settings.weekStartsOn), -7);
  const earliestWeek = startOfWeek(firstEntry, settings.weekStartsOn);
  const beforeFrom = addDays(delegatedWeek, -7 * n) < earliestWeek ? earliestWeek : addDays(delegatedWeek, -7 * n);
  const afterWeek = addDays(delegatedWeek, 7);
  let afterFrom: LocalDay;
  let afterTo: LocalDay;
  if (period === null) {
    afterFrom = addDays(lastFull, -7 * (n - 1)) <= delegatedWeek ? afterWeek : addDays(lastFull, -7 * (n - 1));
    afterTo = lastFull;
  } else {
    const periodFirst = startOfWeek(period.from, settings.weekStartsOn);
    const periodLast = startOfWeek(period.to, settings.weekStartsOn);
    afterFrom = periodFirst > afterWeek ? periodFirst : afterWeek;
    afterTo = periodLast < lastFull ? periodLast : lastFull;
  }
  if (beforeFrom >= delegatedWeek || afterFrom > afterTo) return null;
  const summarise = (weeks: readonly WorkloadWeekView[]) => {
    const hours = weeks.reduce((total, week) => total + week.herHours, 0);
    return {
      weeks: weeks.length,
      hours: hours / weeks.length,
      overtimeHours: weeks.reduce((total, week) => total + week.overtimeHours, 0) / weeks.length,
      afterHoursHours: weeks.reduce((total, week) => total + week.afterHoursHours, 0) / weeks.length,
      unplannedShare: hours === 0 ? null : weeks.reduce((total, week) => total + week.unplannedHours, 0) / hours,
      strategicShare: hours === 0 ? null : weeks.reduce((total, week) => total + week.strategicHours, 0) / hours,
    };
  };
  return {
    before: summarise(workloadWeeks(db, settings, beforeFrom, addDays(delegatedWeek, -1))),
    after: summarise(workloadWeeks(db, settings, afterFrom, addDays(afterTo, 6))),
  };
}
