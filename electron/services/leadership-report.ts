import type { LeadershipReport } from '../../shared/api/views';
import { contractForMonth, hireAnnualCost, loadedHourlyCost, mspMonthCost, type Month } from '../../shared/domain/cost';
import { addDays, daysInMonth, type LocalDay } from '../../shared/domain/day';
import type { Settings } from '../../shared/domain/settings';
import { instantAt } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { monthlyCategoryTotals, mspCompleted, mspResponseTimes } from '../repositories/insights';
import { listContracts, listResponseTargets } from '../repositories/msp';
import { minutesByMonth } from '../repositories/time-entries';
import { workloadComparison } from './insights-service';
import { reclaimedFigures } from './reclaimed-service';
import { workloadWeeks } from './workload-service';

/** A run of months over two years draws no weekly charts: the page has room for about a hundred bars. */
const MAX_REPORT_WEEKS = 104;
const HOUR = 3_600_000;

const monthEnd = (month: Month): LocalDay => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
const nextMonth = (month: Month): Month => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/**
 * The leadership report for the months [fromMonth, toMonth], up to today: net hours reclaimed
 * (weekly figures split by their in-force working days, as the brief defines) and their value at
 * her loaded hourly cost, MSP cost against a hire for the same months, her average week before she
 * delegated against the weeks of the period, and the MSP's throughput and response against its targets. The summary
 * sentence is built from these numbers where it is shown (shared/domain/report-summary.ts).
 */
export function leadershipReport(
  db: SqliteDatabase,
  settings: Settings,
  timeZone: string,
  today: LocalDay,
  fromMonth: Month,
  toMonth: Month,
): LeadershipReport {
  const lastMonth = toMonth > today.slice(0, 7) ? today.slice(0, 7) : toMonth;
  const firstMonth = fromMonth > lastMonth ? lastMonth : fromMonth;
  const from = `${firstMonth}-01`;
  const to = monthEnd(lastMonth) < today ? monthEnd(lastMonth) : today;
  const months: Month[] = [];
  for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) months.push(month);

  const delegations = listDelegations(db);
  const figures = reclaimedFigures(db, settings, today, delegations);
  const inPeriod = figures.months.filter((month) => month.month >= firstMonth && month.month <= lastMonth);
  const gross = inPeriod.reduce((total, month) => total + month.grossHours, 0);
  const delivered = inPeriod.reduce((total, month) => total + month.mspDeliveredHours, 0);
  const oversight = inPeriod.reduce((total, month) => total + month.oversightHours, 0);
  const net = gross - oversight;
  const hourly = loadedHourlyCost(settings);

  const contracts = listContracts(db);
  const mspMinutes = minutesByMonth(db, 'msp', from, monthEnd(lastMonth));
  let mspCost = 0;
  let hasContract = false;
  for (const month of months) {
    const terms = contractForMonth(contracts, month);
    if (!terms) continue;
    hasContract = true;
    mspCost += mspMonthCost(terms, mspMinutes.get(month) ?? 0).totalCents / 100;
  }
  const hireCost = (months.length * hireAnnualCost(settings)) / 12;

  const startInstant = instantAt(from, '00:00', timeZone);
  const endInstant = instantAt(addDays(to, 1), '00:00', timeZone);
  const completed = mspCompleted(db, startInstant, endInstant).reduce((total, row) => total + row.completed, 0);
  const responses = mspResponseTimes(db, startInstant, endInstant);
  const targets = new Map(listResponseTargets(db).map((target) => [target.categoryId, target.targetMinutes]));
  const targeted = responses.filter((response) => response.categoryId !== null && targets.has(response.categoryId));

  const weeks = workloadWeeks(db, settings, from, to);
  const comparison = workloadComparison(db, settings, today, delegations, { from, to });
  const netByWeek = new Map(figures.weeks.map((week) => [week.weekStart, week.netHours]));

  // By day, not by week: the weeks at the period's edges hold days of the months around it.
  const categories = new Map<number, { herHours: number; mspHours: number; herAfterHoursHours: number; herUnplannedHours: number }>();
  for (const row of monthlyCategoryTotals(db, from, to)) {
    const entry = categories.get(row.categoryId) ?? { herHours: 0, mspHours: 0, herAfterHoursHours: 0, herUnplannedHours: 0 };
    if (row.worker === 'me') {
      entry.herHours += row.ms / HOUR;
      entry.herAfterHoursHours += row.afterHoursMs / HOUR;
      entry.herUnplannedHours += row.unplannedMs / HOUR;
    } else entry.mspHours += row.ms / HOUR;
    categories.set(row.categoryId, entry);
  }

  return {
    period: { fromMonth: firstMonth, toMonth: lastMonth, from, to, months: months.length },
    currency: settings.currency,
    reclaimed: { grossHours: gross, oversightHours: oversight, netHours: net, netValue: net * hourly, mspDeliveredHours: delivered },
    cost: { mspCost, hireCost, months: months.length, hasContract },
    workload: comparison,
    msp: {
      completed,
      responded: responses.length,
      averageResponseMinutes: responses.length === 0 ? null : responses.reduce((total, response) => total + response.minutes, 0) / responses.length,
      withTarget: targeted.length,
      withinTarget: targeted.filter((response) => response.minutes <= targets.get(response.categoryId!)!).length,
    },
    weeks:
      weeks.length > MAX_REPORT_WEEKS
        ? []
        : weeks.map((week) => ({
            start: week.weekStart,
            netReclaimedHours: netByWeek.get(week.weekStart) ?? 0,
            herHours: week.herHours,
            capacityHours: week.capacityHours,
            overtimeHours: week.overtimeHours,
            afterHoursHours: week.afterHoursHours,
            strategicHours: week.strategicHours,
          })),
    categories: [...categories].sort(([a], [b]) => a - b).map(([categoryId, entry]) => ({ categoryId, ...entry })),
    loadedHourlyCost: hourly,
  };
}
