import type { InsightsHeadline, InsightsView, WorkloadWeekView } from '../../shared/api/views';
import { capacityHours, weekDays } from '../../shared/domain/capacity';
import { contractForMonth, hireAnnualCost, loadedHourlyCost, type Month, type MspContract } from '../../shared/domain/cost';
import { addDays, daysBetween, daysInMonth, startOfWeek, type LocalDay } from '../../shared/domain/day';
import type { Delegation } from '../../shared/domain/delegation';
import type { ReclaimedReport } from '../../shared/domain/hours-reclaimed';
import type { Settings } from '../../shared/domain/settings';
import type { SqliteDatabase } from '../db/connection';
import { listCategories } from '../repositories/categories';
import { listDelegations } from '../repositories/delegations';
import { herWeeklyMs, hourHeatmap, monthlyCategoryTotals } from '../repositories/insights';
import { listContracts } from '../repositories/msp';
import { timeOffBetween } from '../repositories/time-off';
import { firstEntryDay } from '../repositories/time-entries';
import { costComparison, reclaimedFigures } from './reclaimed-service';
import { workloadWeeks } from './workload-service';

const HOUR = 3_600_000;
/** Up to two years of weeks are drawn week by week; longer ranges by month, so a screen stays small. */
const MAX_WEEK_BUCKETS = 104;

export interface InsightsQuery {
  /** null: from the first day with any data (an entry, a delegation or a contract). */
  from: LocalDay | null;
  to: LocalDay;
  categoryIds: number[] | null;
}

const monthEnd = (month: Month): LocalDay => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
const nextMonth = (month: Month): Month => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/**
 * Hours to 1/10,000 h (a third of a second) and money to the cent, for the wire: the figures stay
 * exact to the minute, and a value like 12.616666666666667 does not cost 18 bytes a hundred times over.
 */
const hours = (value: number) => Math.round(value * 10_000) / 10_000;
const money = (value: number) => Math.round(value * 100) / 100;

/** The first day with anything to draw: her or the MSP's first entry, the first delegation or contract. */
function firstDataDay(db: SqliteDatabase, delegations: readonly Delegation[], contracts: readonly MspContract[]): LocalDay | null {
  const days = [firstEntryDay(db, 'me'), firstEntryDay(db, 'msp'), ...delegations.map((d) => d.startDay), ...contracts.map((c) => c.startDay)];
  return days.reduce<LocalDay | null>((first, day) => (day !== null && (first === null || day < first) ? day : first), null);
}

interface Bar {
  start: LocalDay;
  herHours: number;
  herTotalHours: number;
  mspHours: number;
  capacityHours: number;
  overtimeHours: number;
  afterHoursHours: number;
  unplannedHours: number;
  strategicHours: number;
  grossReclaimedHours: number;
  netReclaimedHours: number;
  /** Her and the MSP's hours per category chosen. */
  categories: Map<number, { herHours: number; mspHours: number }>;
}

const emptyBar = (start: LocalDay, capacity: number): Bar => ({
  start,
  herHours: 0,
  herTotalHours: 0,
  mspHours: 0,
  capacityHours: capacity,
  overtimeHours: 0,
  afterHoursHours: 0,
  unplannedHours: 0,
  strategicHours: 0,
  grossReclaimedHours: 0,
  netReclaimedHours: 0,
  categories: new Map(),
});

/**
 * Everything the Insights screen shows for a range and a category filter, in one call and as
 * summaries sized by what is shown: per bar (weeks, or months beyond two years) her and the MSP's
 * hours, capacity, overtime, after-hours, unplanned, strategic and reclaimed hours as columns; the
 * contract and the cost against a hire per month and year; the weekday × hour heatmap from the hour
 * rollup; the delegations with their baselines; and the headline figures.
 */
export function insights(db: SqliteDatabase, settings: Settings, today: LocalDay, query: InsightsQuery): InsightsView {
  const delegations = listDelegations(db);
  const contracts = listContracts(db);
  const to = query.to < today ? query.to : today;
  const asked = query.from ?? firstDataDay(db, delegations, contracts) ?? to;
  const from = asked <= to ? asked : to;
  const chosen = query.categoryIds === null ? null : new Set(query.categoryIds);
  const inFilter = (categoryId: number) => chosen === null || chosen.has(categoryId);
  const strategic = new Set(listCategories(db, true).filter((category) => category.kind === 'strategic').map((category) => category.id));
  const report = reclaimedFigures(db, settings, today, delegations);
  const rows = report.rows.filter((row) => inFilter(row.categoryId));
  const firstWeek = startOfWeek(from, settings.weekStartsOn);
  const weekCount = daysBetween(firstWeek, startOfWeek(to, settings.weekStartsOn)) / 7 + 1;
  const bucket = weekCount <= MAX_WEEK_BUCKETS ? 'week' : 'month';
  const bars = bucket === 'week' ? weekBars(db, settings, from, to, rows, inFilter, strategic) : monthBars(db, settings, from, to, rows, inFilter, strategic);

  const categoryIds = [...new Set(bars.flatMap((bar) => [...bar.categories.keys()]))].sort((a, b) => a - b);
  const column = (pick: (bar: Bar) => number) => bars.map((bar) => hours(pick(bar)));

  const delegationMarks: InsightsView['delegationMarks'] = [];
  for (const delegation of delegations) {
    if (!inFilter(delegation.categoryId)) continue;
    if (delegation.startDay >= from && delegation.startDay <= to) delegationMarks.push({ day: delegation.startDay, categoryId: delegation.categoryId, kind: 'start' });
    if (delegation.endDay !== null && delegation.endDay >= from && delegation.endDay <= to) delegationMarks.push({ day: delegation.endDay, categoryId: delegation.categoryId, kind: 'end' });
  }

  const firstDay = [...delegations.map((d) => d.startDay), ...contracts.map((c) => c.startDay)].sort()[0] ?? to;
  const cost = costComparison(db, settings, today, delegations, contracts, report.months, (from > firstDay ? from : firstDay).slice(0, 7), to.slice(0, 7));
  const contractOf = new Map(cost.months.map((month) => [month.month, contractForMonth(contracts, month.month)]));

  const fromWeek = startOfWeek(from, settings.weekStartsOn);
  const inRange = rows.filter((row) => row.weekStart >= fromWeek && row.weekStart <= to);
  const rangeGross = inRange.reduce((total, row) => total + row.reclaimedHours, 0);
  const rangeDelivered = inRange.reduce((total, row) => total + row.mspHours, 0);
  const baselines = new Map(report.baselines.map((baseline) => [baseline.delegationId, baseline]));

  return {
    range: { from, to },
    bucket,
    categoryIds: query.categoryIds,
    starts: bars.map((bar) => bar.start),
    series: {
      herHours: column((bar) => bar.herHours),
      herTotalHours: column((bar) => bar.herTotalHours),
      mspHours: column((bar) => bar.mspHours),
      capacityHours: column((bar) => bar.capacityHours),
      overtimeHours: column((bar) => bar.overtimeHours),
      afterHoursHours: column((bar) => bar.afterHoursHours),
      unplannedHours: column((bar) => bar.unplannedHours),
      strategicHours: column((bar) => bar.strategicHours),
      grossReclaimedHours: column((bar) => bar.grossReclaimedHours),
      netReclaimedHours: column((bar) => bar.netReclaimedHours),
    },
    categories: categoryIds.map((categoryId) => ({
      categoryId,
      herHours: column((bar) => bar.categories.get(categoryId)?.herHours ?? 0),
      mspHours: column((bar) => bar.categories.get(categoryId)?.mspHours ?? 0),
    })),
    delegationMarks: delegationMarks.sort((a, b) => (a.day < b.day ? -1 : 1)),
    cost: {
      loadedHourlyCost: loadedHourlyCost(settings),
      hireAnnualCost: money(hireAnnualCost(settings)),
      hireMonthlyCost: money(hireAnnualCost(settings) / 12),
      months: cost.months.map((month) => month.month),
      includedHours: cost.months.map((month) => {
        const terms = contractOf.get(month.month);
        return terms ? hours(terms.includedMinutes / 60) : null;
      }),
      usedHours: cost.months.map((month) => hours(month.mspHours)),
      overageHours: cost.months.map((month) => {
        const terms = contractOf.get(month.month);
        return terms ? hours(Math.max(0, month.mspHours - terms.includedMinutes / 60)) : 0;
      }),
      mspCost: cost.months.map((month) => (month.mspCost === null ? null : money(month.mspCost))),
      netReclaimedHours: cost.months.map((month) => hours(month.netReclaimedHours)),
      reclaimedValue: cost.months.map((month) => money(month.reclaimedValue)),
      notes: cost.months.map((month) => month.note),
      years: cost.years,
    },
    heatmap: hourHeatmap(db, from, to, query.categoryIds).map((row) => row.map((ms) => hours(ms / HOUR))),
    headline: headline(db, settings, today, delegations, report),
    reclaimed: {
      oversightShare: settings.oversightShare,
      totals: report.totals,
      rangeTotals: {
        grossHours: rangeGross,
        mspDeliveredHours: rangeDelivered,
        oversightHours: settings.oversightShare * rangeDelivered,
        netHours: rangeGross - settings.oversightShare * rangeDelivered,
      },
      delegations: delegations
        .filter((delegation) => inFilter(delegation.categoryId))
        .map((delegation) => {
          const own = rows.filter((row) => row.delegationId === delegation.id);
          const ownInRange = own.filter((row) => row.weekStart >= fromWeek && row.weekStart <= to);
          const baseline = baselines.get(delegation.id);
          return {
            id: delegation.id,
            categoryId: delegation.categoryId,
            startDay: delegation.startDay,
            endDay: delegation.endDay,
            baselineHours: baseline?.weeklyHours ?? 0,
            baselineSource: baseline?.source ?? 'missing',
            baselineWeeks: baseline?.windowWeeks.length ?? 0,
            grossHours: own.reduce((total, row) => total + row.reclaimedHours, 0),
            mspDeliveredHours: own.reduce((total, row) => total + row.mspHours, 0),
            rangeGrossHours: ownInRange.reduce((total, row) => total + row.reclaimedHours, 0),
            rangeMspDeliveredHours: ownInRange.reduce((total, row) => total + row.mspHours, 0),
          };
        }),
    },
    currency: settings.currency,
  };
}

/** A bar per week that holds a day of [from, to]. */
function weekBars(
  db: SqliteDatabase,
  settings: Settings,
  from: LocalDay,
  to: LocalDay,
  rows: ReclaimedReport['rows'],
  inFilter: (categoryId: number) => boolean,
  strategic: ReadonlySet<number>,
): Bar[] {
  const reclaimed = new Map<LocalDay, { gross: number; delivered: number }>();
  for (const row of rows) {
    const week = reclaimed.get(row.weekStart) ?? { gross: 0, delivered: 0 };
    week.gross += row.reclaimedHours;
    week.delivered += row.mspHours;
    reclaimed.set(row.weekStart, week);
  }
  return workloadWeeks(db, settings, from, to).map((week) => {
    const bar = emptyBar(week.weekStart, week.capacityHours);
    bar.herTotalHours = week.herHours;
    bar.overtimeHours = week.overtimeHours;
    for (const category of week.categories) {
      if (!inFilter(category.categoryId)) continue;
      bar.herHours += category.herHours;
      bar.mspHours += category.mspHours;
      bar.afterHoursHours += category.herAfterHoursHours;
      bar.unplannedHours += category.herUnplannedHours;
      if (strategic.has(category.categoryId)) bar.strategicHours += category.herHours;
      bar.categories.set(category.categoryId, { herHours: category.herHours, mspHours: category.mspHours });
    }
    const figures = reclaimed.get(week.weekStart);
    bar.grossReclaimedHours = figures?.gross ?? 0;
    bar.netReclaimedHours = figures ? figures.gross - settings.oversightShare * figures.delivered : 0;
    return bar;
  });
}

/** A bar per calendar month of [from, to]: its days in the range, the weekly reclaimed figures split by month. */
function monthBars(
  db: SqliteDatabase,
  settings: Settings,
  from: LocalDay,
  to: LocalDay,
  rows: ReclaimedReport['rows'],
  inFilter: (categoryId: number) => boolean,
  strategic: ReadonlySet<number>,
): Bar[] {
  // The ranges that touch the weeks the bars' overtime reads (they hold every day of [from, to]).
  const timeOff = timeOffBetween(db, startOfWeek(from, settings.weekStartsOn), addDays(startOfWeek(to, settings.weekStartsOn), 6));
  const bars = new Map<Month, Bar>();
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    const first = `${month}-01` < from ? from : `${month}-01`;
    const last = monthEnd(month) > to ? to : monthEnd(month);
    let capacity = 0;
    for (let day = first; day <= last; day = addDays(day, 1)) capacity += capacityHours(settings, day, timeOff);
    bars.set(month, emptyBar(`${month}-01`, capacity));
  }
  for (const row of monthlyCategoryTotals(db, from, to)) {
    const bar = bars.get(row.month);
    if (!bar) continue;
    if (row.worker === 'me') bar.herTotalHours += row.ms / HOUR;
    if (!inFilter(row.categoryId)) continue;
    const category = bar.categories.get(row.categoryId) ?? { herHours: 0, mspHours: 0 };
    if (row.worker === 'me') {
      bar.herHours += row.ms / HOUR;
      bar.afterHoursHours += row.afterHoursMs / HOUR;
      bar.unplannedHours += row.unplannedMs / HOUR;
      if (strategic.has(row.categoryId)) bar.strategicHours += row.ms / HOUR;
      category.herHours += row.ms / HOUR;
    } else {
      bar.mspHours += row.ms / HOUR;
      category.mspHours += row.ms / HOUR;
    }
    bar.categories.set(row.categoryId, category);
  }
  // Overtime is weekly: each week's, on all her hours, counts in the month it starts in.
  const firstWeek = startOfWeek(from, settings.weekStartsOn);
  const herWeeks = herWeeklyMs(db, firstWeek, addDays(startOfWeek(to, settings.weekStartsOn), 6));
  for (let week = firstWeek, index = 0; week <= to; week = addDays(week, 7), index += 1) {
    const bar = bars.get(week.slice(0, 7));
    if (!bar) continue;
    const capacity = weekDays(week).reduce((total, day) => total + capacityHours(settings, day, timeOff), 0);
    bar.overtimeHours += Math.max(0, (herWeeks.get(index) ?? 0) / HOUR - capacity);
  }
  const delivered = new Map<Month, number>();
  for (const row of rows) {
    for (const share of row.months) {
      const bar = bars.get(share.month);
      if (!bar) continue;
      bar.grossReclaimedHours += share.reclaimedHours;
      delivered.set(share.month, (delivered.get(share.month) ?? 0) + share.mspHours);
    }
  }
  for (const [month, bar] of bars) bar.netReclaimedHours = bar.grossReclaimedHours - settings.oversightShare * (delivered.get(month) ?? 0);
  return [...bars.values()];
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
