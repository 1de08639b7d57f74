import type { LeadershipReport } from '../../../shared/api/views';
import type { SummaryFacts } from '../../../shared/domain/report-summary';

/**
 * What the report page works out from `insights:report` beyond formatting, kept pure so it is
 * tested (test/unit/report-figures.test.ts): the axis ticks of its charts, the strategic hours
 * gained, and the facts of the summary sentence.
 */

/** Ticks from 0 to at least `max` in steps of 1, 2 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step * 0.999; tick += step) ticks.push(Math.round(tick * 1e9) / 1e9);
  return ticks;
}

/** Her strategic hours a week after delegating minus before: the share times the average week, on each side. */
export function strategicHoursGained(workload: LeadershipReport['workload']): number | null {
  if (!workload || workload.before.strategicShare === null || workload.after.strategicShare === null) return null;
  return workload.after.strategicShare * workload.after.hours - workload.before.strategicShare * workload.before.hours;
}

/** The summary sentence's facts, from the report and the period's name as she reads it. */
export function summaryFacts(report: LeadershipReport, periodName: string): SummaryFacts {
  return {
    periodName,
    netHours: report.reclaimed.netHours,
    netValue: report.reclaimed.netValue,
    hasContract: report.cost.hasContract,
    mspCost: report.cost.mspCost,
    hireCost: report.cost.hireCost,
    comparison: report.workload
      ? {
          before: { hours: report.workload.before.hours, overtimeHours: report.workload.before.overtimeHours },
          after: { hours: report.workload.after.hours, overtimeHours: report.workload.after.overtimeHours },
        }
      : null,
    completed: report.msp.completed,
  };
}
