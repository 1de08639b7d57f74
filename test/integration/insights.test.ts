import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/day';
import { instantAt } from '../../shared/domain/zoned-time';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const ZONE = 'America/Chicago';
const DESKTOP = 3;
const NETWORK = 4;
const at = (day: string, clock: string) => instantAt(day, clock, ZONE);
/** Wednesday 18 November 2026, 10:00 in Chicago. */
const TODAY = Date.parse('2026-11-18T16:00:00Z');

let app: TestBackend;
beforeEach(async () => {
  app = openTestBackend(undefined, TODAY);
  await app.call('settings:update', { timeZone: ZONE });
});
afterEach(() => app.close());

const log = (day: string, from: string, to: string, categoryId = NETWORK, worker: 'me' | 'msp' = 'me') =>
  app.call('timeEntries:create', { worker, categoryId, startAt: at(day, from), endAt: at(day, to) });

describe('Insights charts', () => {
  it('over an empty range are all zeros, with an empty heatmap', async () => {
    const view = await app.call('insights:charts', { from: '2026-06-01', to: '2026-06-30' });
    expect(view.bucket).toBe('week');
    expect(view.buckets.every((bucket) => bucket.herHours === 0 && bucket.mspHours === 0 && bucket.grossReclaimedHours === 0)).toBe(true);
    expect(view.heatmap.flat().every((cell) => cell === 0)).toBe(true);
  });

  it('over one day of data put it in its week and split it by hour in the heatmap', async () => {
    await log('2026-11-16', '09:15', '10:45');
    const view = await app.call('insights:charts', { from: '2026-11-16', to: '2026-11-16' });
    expect(view.buckets).toHaveLength(1);
    expect(view.buckets[0]).toMatchObject({ start: '2026-11-16', herHours: 1.5, herTotalHours: 1.5, capacityHours: 40, afterHoursHours: 0 });
    expect(view.heatmap[1]![9]).toBe(0.75);
    expect(view.heatmap[1]![10]).toBe(0.75);
    expect(view.heatmap.flat().reduce((total, cell) => total + cell, 0)).toBe(1.5);
  });

  it('file the fall-back night’s two one-o’clock hours under 1 o’clock on Sunday', async () => {
    await log('2026-11-01', '01:00', '03:00');
    const view = await app.call('insights:charts', { from: '2026-10-26', to: '2026-11-01' });
    expect(view.buckets[0]).toMatchObject({ start: '2026-10-26', herHours: 3, afterHoursHours: 3 });
    expect(view.heatmap[0]![1]).toBe(2);
    expect(view.heatmap[0]![2]).toBe(1);
  });

  it('apply the category filter to hours, shares and the heatmap, but measure overtime on all her hours', async () => {
    await log('2026-11-16', '08:00', '10:00', DESKTOP);
    await log('2026-11-16', '10:00', '11:00', NETWORK);
    const view = await app.call('insights:charts', { from: '2026-11-16', to: '2026-11-18', categoryIds: [DESKTOP] });
    expect(view.buckets[0]).toMatchObject({ herHours: 2, herTotalHours: 3 });
    expect(view.buckets[0]!.categories.map((category) => category.categoryId)).toStrictEqual([DESKTOP]);
    expect(view.heatmap[1]![10]).toBe(0);
    expect(view.heatmap[1]![8]).toBe(1);
  });

  it('draw more than two years month by month', async () => {
    await log('2025-03-10', '09:00', '12:00');
    const view = await app.call('insights:charts', { from: '2024-01-01', to: '2026-11-18' });
    expect(view.bucket).toBe('month');
    expect(view.buckets).toHaveLength(35);
    expect(view.buckets.find((bucket) => bucket.start === '2025-03-01')).toMatchObject({ herHours: 3 });
    // March 2025 has 21 weekdays: 168 h of capacity.
    expect(view.buckets.find((bucket) => bucket.start === '2025-03-01')?.capacityHours).toBe(168);
  });

  it('mark delegation starts and ends in the range, and split a week across two months in the report', async () => {
    // Delegated Mon Jun 29 – Fri Jul 3, estimate 10 h a week: Mon–Tue in June (4 h), Wed–Fri in July (6 h).
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-06-29', endDay: '2026-07-03', estimatedWeeklyMinutes: 600 });
    const view = await app.call('insights:charts', { from: '2026-06-01', to: '2026-07-31' });
    expect(view.delegationMarks).toStrictEqual([
      { day: '2026-06-29', categoryId: DESKTOP, kind: 'start' },
      { day: '2026-07-03', categoryId: DESKTOP, kind: 'end' },
    ]);
    expect(view.buckets.find((bucket) => bucket.start === '2026-06-29')?.grossReclaimedHours).toBe(10);
    expect((await app.call('insights:report', { fromMonth: '2026-06', toMonth: '2026-06' })).reclaimed.grossHours).toBeCloseTo(4, 10);
    expect((await app.call('insights:report', { fromMonth: '2026-07', toMonth: '2026-07' })).reclaimed.grossHours).toBeCloseTo(6, 10);
    expect((await app.call('insights:report', { fromMonth: '2026-06', toMonth: '2026-07' })).reclaimed.grossHours).toBeCloseTo(10, 10);
  });
});

/*
 * Hand-computed. Her weeks Sep 7 … Oct 26 (8 weeks): Desktop 10 h Mon–Fri = 50 h a week, 10 h of
 * overtime each (capacity 40). Desktop delegated from Mon Nov 2 (baseline 50 h). Weeks Nov 2 and
 * Nov 9: Network 8 h Mon–Fri = 40 h, no overtime. Today Wed Nov 18.
 * Reclaimed in November: Nov 2 f = 1 → 50; Nov 9 → 50; Nov 16 (Mon–Wed so far) f = 3/5 → 30: 130 h.
 * MSP: Desktop 4 h on Thu Nov 5 and Thu Nov 12 → delivered 8 h, oversight 0.8 h, net 129.2 h.
 * Value: her loaded hourly cost 95,000 × 1.3 / 2,080 = 59.375 → 7,671.25.
 * Cost: the contract (from Oct 1) 3,000 a month, 40 h included → November 3,000; a hire
 * 65,000 × 1.3 / 12 = 7,041.67 for the month.
 * Average week: before (Sep 7 … Oct 26) 50 h, overtime 10 h; now (Nov 9, the only full week since
 * the delegation's own) 40 h, overtime 0.
 * MSP response, target 4 h in Desktop: one task answered in 2 h, one in 8 h → 300 min on average, 1 of 2 in target.
 */
describe('the leadership report', () => {
  it('gives net hours reclaimed and their value, cost against a hire, her week before and after, and MSP response', async () => {
    for (let week = 0; week < 8; week += 1) {
      for (let day = 0; day < 5; day += 1) await log(addDays('2026-09-07', week * 7 + day), '07:00', '17:00', DESKTOP);
    }
    for (const monday of ['2026-11-02', '2026-11-09']) {
      for (let day = 0; day < 5; day += 1) await log(addDays(monday, day), '08:00', '16:00', NETWORK);
    }
    await app.call('msp:saveContract', { startDay: '2026-10-01', monthlyFee: 3000, includedHours: 40, overageRate: 95 });
    await app.call('responseTargets:set', { categoryId: DESKTOP, targetMinutes: 240 });
    app.setNow(at('2026-11-02', '07:00'));
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-02' });
    app.setNow(at('2026-11-03', '09:00'));
    const quick = await app.call('tasks:create', { title: 'Laptop for the new hire', categoryId: DESKTOP, dueDay: '2026-11-06' });
    app.setNow(at('2026-11-03', '11:00'));
    await app.call('tasks:setStatus', { id: quick.id, status: 'in_progress' });
    app.setNow(at('2026-11-04', '10:00'));
    await app.call('tasks:setStatus', { id: quick.id, status: 'done' });
    app.setNow(at('2026-11-10', '09:00'));
    const slow = await app.call('tasks:create', { title: 'Printer drivers', categoryId: DESKTOP, dueDay: '2026-11-13' });
    app.setNow(at('2026-11-10', '17:00'));
    await app.call('tasks:setStatus', { id: slow.id, status: 'done' });
    app.setNow(TODAY);
    await log('2026-11-05', '09:00', '13:00', DESKTOP, 'msp');
    await log('2026-11-12', '09:00', '13:00', DESKTOP, 'msp');

    const report = await app.call('insights:report', { fromMonth: '2026-11', toMonth: '2026-11' });
    expect(report.period).toStrictEqual({ fromMonth: '2026-11', toMonth: '2026-11', from: '2026-11-01', to: '2026-11-18', months: 1 });
    expect(report.reclaimed.grossHours).toBeCloseTo(130, 9);
    expect(report.reclaimed.mspDeliveredHours).toBeCloseTo(8, 9);
    expect(report.reclaimed.oversightHours).toBeCloseTo(0.8, 9);
    expect(report.reclaimed.netHours).toBeCloseTo(129.2, 9);
    expect(report.reclaimed.netValue).toBeCloseTo(7671.25, 6);
    expect(report.cost).toStrictEqual({ mspCost: 3000, hireCost: (65_000 * 1.3) / 12, months: 1, hasContract: true });
    expect(report.workload?.before).toMatchObject({ weeks: 8, hours: 50, overtimeHours: 10 });
    expect(report.workload?.after).toMatchObject({ weeks: 1, hours: 40, overtimeHours: 0 });
    expect(report.msp).toStrictEqual({ completed: 2, responded: 2, averageResponseMinutes: 300, withTarget: 2, withinTarget: 1 });
  });
});
