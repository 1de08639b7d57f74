import type { LeadershipReport } from '../../shared/api/views';
import { contractForMonth, hireAnnualCost, loadedHourlyCost, mspMonthCost, type Month } from '../../shared/domain/cost';
import { addDays, daysInMonth, type LocalDay } from '../../shared/domain/day';
import type { Settings } from '../../shared/domain/settings';
import { instantAt } from '../../shared/domain/zoned-time';
import type { SqliteDatabase } from '../db/connection';
import { listDelegations } from '../repositories/delegations';
import { mspCompleted, mspResponseTimes } from '../repositories/insights';
import { listContracts, listResponseTargets } from '../repositories/msp';
import { minutesByMonth } from '../repositories/time-entries';
import { insights, reclaimedFigures, workloadComparison } from './insights-service';
import { workloadWeeks } from './workload-service';

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

  const view = insights(db, settings, today, { from, to, categoryIds: null });
  const weeks = workloadWeeks(db, settings, from, to);
  const comparison = workloadComparison(db, settings, today, delegations, { from, to });

  const categories = new Map<number, { herHours: number; mspHours: number; herAfterHoursHours: number; herUnplannedHours: number }>();
  for (const week of weeks) {
    for (const category of week.categories) {
      const entry = categories.get(category.categoryId) ?? { herHours: 0, mspHours: 0, herAfterHoursHours: 0, herUnplannedHours: 0 };
      entry.herHours += category.herHours;
      entry.mspHours += category.mspHours;
      entry.herAfterHoursHours += category.herAfterHoursHours;
      entry.herUnplannedHours += category.herUnplannedHours;
      categories.set(category.categoryId, entry);
    }
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
    weeks: view.bucket === 'week'
      ? view.buckets.map((bucket) => ({
          start: bucket.start,
          netReclaimedHours: bucket.netReclaimedHours,
          herHours: bucket.herTotalHours,
          capacityHours: bucket.capacityHours,
          overtimeHours: bucket.overtimeHours,
          afterHoursHours: bucket.afterHoursHours,
        }))
      : [],
    categories: [...categories].sort(([a], [b]) => a - b).map(([categoryId, entry]) => ({ categoryId, ...entry })),
    loadedHourlyCost: hourly,
  };
}
