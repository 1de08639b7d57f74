import { describe, expect, it } from 'vitest';
import type { LeadershipReport } from '../../shared/api/views';
import { reportSummary } from '../../shared/domain/report-summary';
import { niceTicks, strategicHoursGained, summaryFacts } from '../../renderer/features/report/report-figures';

const side = (hours: number, overtimeHours: number, strategicShare: number | null) => ({ weeks: 8, hours, overtimeHours, afterHoursHours: 0, unplannedShare: null, strategicShare });

describe('the report page’s figures', () => {
  it('puts axis ticks on round steps from zero past the highest value', () => {
    expect(niceTicks(47)).toStrictEqual([0, 20, 40, 60]);
    expect(niceTicks(9.5)).toStrictEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0)).toStrictEqual([0, 1]);
    expect(niceTicks(40)).toStrictEqual([0, 10, 20, 30, 40]);
  });

  it('counts strategic hours gained a week from the shares of the average weeks', () => {
    // Before: 10 % of 60 h = 6 h; after: 25 % of 44 h = 11 h → 5 h more a week.
    expect(strategicHoursGained({ before: side(60, 20, 0.1), after: side(44, 4, 0.25) })).toBeCloseTo(5, 12);
    expect(strategicHoursGained({ before: side(60, 20, null), after: side(44, 4, 0.25) })).toBeNull();
    expect(strategicHoursGained(null)).toBeNull();
  });

  it('builds the summary sentence from the report’s numbers in the reader’s formats', () => {
    const report = {
      reclaimed: { grossHours: 40, oversightHours: 1.8, netHours: 38.2, netValue: 2268.125, mspDeliveredHours: 18 },
      cost: { mspCost: 4300, hireCost: 7041.67, months: 1, hasContract: true },
      workload: { before: side(61, 21, 0.05), after: side(47.5, 4.1, 0.2) },
      msp: { completed: 31, responded: 30, averageResponseMinutes: 90, withTarget: 30, withinTarget: 27 },
    } as LeadershipReport;
    const money = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;
    expect(reportSummary(summaryFacts(report, 'November 2026'), { hours: (value) => `${value.toFixed(1)} h`, money })).toBe(
      'In November 2026 the MSP gave you back 38.2 h net (worth $2,268 of your time) for $4,300, against $7,042 for a hire. ' +
        'Your average week is 47.5 h against 61.0 h before you delegated, with 4.1 h of overtime instead of 21.0 h. The MSP completed 31 tasks.',
    );
  });
});
