import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { herWeeklyMs } from '../../electron/repositories/insights';
import { weeklyRollupWeekStart } from '../../electron/repositories/weekly-rollup';
import { openConfSettings } from '../../electron/settings/conf-settings';
import type { InsightsView } from '../../shared/api/views';
import { addDays } from '../../shared/domain/day';
import { instantAt } from '../../shared/domain/zoned-time';
import { openTestBackend, tempDir, type TestBackend } from '../support/temp-backend';

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

/** One bar of the charts as a record: the series' values at the bar that starts on `start`. */
function bar(view: InsightsView, start: string): Record<keyof InsightsView['series'], number> & { start: string } {
  const index = view.starts.indexOf(start);
  expect(index, `no bar starts on ${start}`).toBeGreaterThanOrEqual(0);
  const values = Object.fromEntries((Object.entries(view.series) as [string, number[]][]).map(([name, column]) => [name, column[index]]));
  return { start, ...(values as Record<keyof InsightsView['series'], number>) };
}

/** The hand-computed history below (the leadership report's), without MSP time and tasks. */
async function delegatedDesktopOnNovember2() {
  for (let week = 0; week < 8; week += 1) {
    for (let day = 0; day < 5; day += 1) await log(addDays('2026-09-07', week * 7 + day), '07:00', '17:00', DESKTOP);
  }
  for (const monday of ['2026-11-02', '2026-11-09']) {
    for (let day = 0; day < 5; day += 1) await log(addDays(monday, day), '08:00', '16:00', NETWORK);
  }
  app.setNow(at('2026-11-02', '07:00'));
  await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-11-02' });
  app.setNow(TODAY);
}

describe('Insights charts', () => {
  it('over an empty range are all zeros, with an empty heatmap', async () => {
    const view = await app.call('insights:charts', { from: '2026-06-01', to: '2026-06-30' });
    expect(view.bucket).toBe('week');
    expect(view.starts).toStrictEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect([...view.series.herHours, ...view.series.mspHours, ...view.series.grossReclaimedHours].every((hours) => hours === 0)).toBe(true);
    expect(view.categories).toStrictEqual([]);
    expect(view.heatmap.flat().every((cell) => cell === 0)).toBe(true);
  });

  it('over one day of data put it in its week and split it by hour in the heatmap', async () => {
    await log('2026-11-16', '09:15', '10:45');
    const view = await app.call('insights:charts', { from: '2026-11-16', to: '2026-11-16' });
    expect(view.starts).toStrictEqual(['2026-11-16']);
    expect(bar(view, '2026-11-16')).toMatchObject({ herHours: 1.5, herTotalHours: 1.5, capacityHours: 40, afterHoursHours: 0 });
    expect(view.categories).toStrictEqual([{ categoryId: NETWORK, herHours: [1.5], mspHours: [0] }]);
    expect(view.heatmap[1]![9]).toBe(0.75);
    expect(view.heatmap[1]![10]).toBe(0.75);
    expect(view.heatmap.flat().reduce((total, cell) => total + cell, 0)).toBe(1.5);
  });

  it('file the fall-back night’s two one-o’clock hours under 1 o’clock on Sunday', async () => {
    await log('2026-11-01', '01:00', '03:00');
    const view = await app.call('insights:charts', { from: '2026-10-26', to: '2026-11-01' });
    expect(bar(view, '2026-10-26')).toMatchObject({ herHours: 3, afterHoursHours: 3 });
    expect(view.heatmap[0]![1]).toBe(2);
    expect(view.heatmap[0]![2]).toBe(1);
  });

  it('apply the category filter to hours, shares and the heatmap, but measure overtime on all her hours', async () => {
    await log('2026-11-16', '08:00', '10:00', DESKTOP);
    await log('2026-11-16', '10:00', '11:00', NETWORK);
    const view = await app.call('insights:charts', { from: '2026-11-16', to: '2026-11-18', categoryIds: [DESKTOP] });
    expect(bar(view, '2026-11-16')).toMatchObject({ herHours: 2, herTotalHours: 3 });
    expect(view.categories.map((category) => category.categoryId)).toStrictEqual([DESKTOP]);
    expect(view.heatmap[1]![10]).toBe(0);
    expect(view.heatmap[1]![8]).toBe(1);
  });

  it('draw more than two years month by month', async () => {
    await log('2025-03-10', '09:00', '12:00');
    // The week of Mon Jun 2, 2025: 5 × 9 h = 45 h against 40, 5 h of overtime, in June.
    for (let day = 0; day < 5; day += 1) await log(addDays('2025-06-02', day), '08:00', '17:00', DESKTOP);
    const view = await app.call('insights:charts', { from: '2024-01-01', to: '2026-11-18' });
    expect(view.bucket).toBe('month');
    expect(view.starts).toHaveLength(35);
    expect(view.starts[0]).toBe('2024-01-01');
    // March 2025 has 21 weekdays: 168 h of capacity.
    expect(bar(view, '2025-03-01')).toMatchObject({ herHours: 3, capacityHours: 168, overtimeHours: 0 });
    expect(bar(view, '2025-06-01')).toMatchObject({ herHours: 45, overtimeHours: 5 });
    expect(view.categories).toStrictEqual([
      { categoryId: DESKTOP, herHours: expect.any(Array), mspHours: expect.any(Array) },
      { categoryId: NETWORK, herHours: expect.any(Array), mspHours: expect.any(Array) },
    ]);
    expect(view.categories[0]!.herHours[view.starts.indexOf('2025-06-01')]).toBe(45);
  });

  it('by month count the same weekly overtime read from the weekly rollup as summed from the days', async () => {
    // Mon Jun 2 – Sun Jun 8, 2025: 45 h against 40. A Monday start reads the weekly rollup built for it.
    for (let day = 0; day < 5; day += 1) await log(addDays('2025-06-02', day), '08:00', '17:00', DESKTOP);
    const fromRollup = await app.call('insights:charts', { from: '2024-01-01', to: '2026-11-18' });
    const db = app.backend.db!;
    const firstWeek = '2023-12-25';
    expect(weeklyRollupWeekStart(db)).toBe(1);
    expect(herWeeklyMs(db, firstWeek, '2026-11-22')).toStrictEqual(herWeeklyMs(db, firstWeek, '2026-11-21'));
    // A range that does not end a week, and a week start the rollup is not built for, sum the days.
    expect(herWeeklyMs(db, firstWeek, '2026-11-22').get(75)).toBe(45 * 3_600_000);
    expect(herWeeklyMs(db, '2023-12-24', '2026-11-21').get(75)).toBe(45 * 3_600_000);
    expect(bar(fromRollup, '2025-06-01')).toMatchObject({ herHours: 45, overtimeHours: 5 });
  });

  it('mark delegation starts and ends in the range, and split a week across two months in the report', async () => {
    // Delegated Mon Jun 29 – Fri Jul 3, estimate 10 h a week: Mon–Tue in June (4 h), Wed–Fri in July (6 h).
    await app.call('delegations:create', { categoryId: DESKTOP, startDay: '2026-06-29', endDay: '2026-07-03', estimatedWeeklyMinutes: 600 });
    const view = await app.call('insights:charts', { from: '2026-06-01', to: '2026-07-31' });
    expect(view.delegationMarks).toStrictEqual([
      { day: '2026-06-29', categoryId: DESKTOP, kind: 'start' },
      { day: '2026-07-03', categoryId: DESKTOP, kind: 'end' },
    ]);
    expect(bar(view, '2026-06-29').grossReclaimedHours).toBe(10);
    expect((await app.call('insights:report', { fromMonth: '2026-06', toMonth: '2026-06' })).reclaimed.grossHours).toBeCloseTo(4, 10);
    expect((await app.call('insights:report', { fromMonth: '2026-07', toMonth: '2026-07' })).reclaimed.grossHours).toBeCloseTo(6, 10);
    expect((await app.call('insights:report', { fromMonth: '2026-06', toMonth: '2026-07' })).reclaimed.grossHours).toBeCloseTo(10, 10);
  });
});

/*
 * The same history as the leadership report's below: 8 weeks of 50 h Desktop, Desktop delegated from
 * Mon Nov 2 (baseline 50 h, measured over 8 weeks), Network 40 h in the weeks of Nov 2 and Nov 9, the
 * MSP's 4 h of Desktop on Thu Nov 5 and Thu Nov 12, the contract from Oct 1 (3,000 a month, 40 h
 * included). Today Wed Nov 18: reclaimed 50 + 50 + 30 = 130 h gross, 0.8 h oversight, 129.2 h net.
 */
describe('the Insights screen’s one call', () => {
  beforeEach(async () => {
    await delegatedDesktopOnNovember2();
    await log('2026-11-05', '09:00', '13:00', DESKTOP, 'msp');
    await log('2026-11-12', '09:00', '13:00', DESKTOP, 'msp');
    await app.call('msp:saveContract', { startDay: '2026-10-01', monthlyFee: 3000, includedHours: 40, overageRate: 95 });
  });

  it('lists each month of the contract with its hours, cost and net hours back, why October bought none, and the year so far', async () => {
    const { cost } = await app.call('insights:charts', { from: '2026-09-01', to: '2026-11-30' });
    expect(cost).toMatchObject({
      months: ['2026-10', '2026-11'],
      includedHours: [40, 40],
      usedHours: [0, 8],
      overageHours: [0, 0],
      mspCost: [3000, 3000],
      netReclaimedHours: [0, 129.2],
      reclaimedValue: [0, 7671.25],
      hireMonthlyCost: 7041.67,
    });
    expect(cost.notes[0]).toMatch(/No category was delegated this month/);
    expect(cost.notes[1]).toBeNull();
    expect(cost.years).toStrictEqual([
      { year: '2026', firstMonth: '2026-10', lastMonth: '2026-11', monthCount: 2, partial: true, mspCost: 6000, hireCost: (2 * 65_000 * 1.3) / 12, netReclaimedHours: expect.closeTo(129.2, 9), reclaimedValue: expect.closeTo(7671.25, 6) },
    ]);
  });

  it('gives each delegation its baseline and hours reclaimed, over all time and over the range', async () => {
    const { reclaimed } = await app.call('insights:charts', { from: '2026-11-09', to: '2026-11-18' });
    expect(reclaimed.totals).toMatchObject({ grossHours: 130, mspDeliveredHours: 8, netHours: expect.closeTo(129.2, 9) });
    // From the week of Nov 9: 50 + 30 gross, the MSP's 4 h of Nov 12 delivered.
    expect(reclaimed.rangeTotals).toMatchObject({ grossHours: 80, mspDeliveredHours: 4, netHours: expect.closeTo(79.6, 9) });
    expect(reclaimed.delegations).toStrictEqual([
      {
        id: expect.any(Number),
        categoryId: DESKTOP,
        startDay: '2026-11-02',
        endDay: null,
        baselineHours: 50,
        baselineSource: 'measured',
        baselineWeeks: 8,
        grossHours: 130,
        mspDeliveredHours: 8,
        rangeGrossHours: 80,
        rangeMspDeliveredHours: 4,
      },
    ]);
    expect((await app.call('insights:charts', { from: '2026-11-09', to: '2026-11-18', categoryIds: [NETWORK] })).reclaimed.delegations).toStrictEqual([]);
  });

  it('draws all time from the first day with data when asked without a first day', async () => {
    const view = await app.call('insights:charts', { from: null, to: '2026-11-18' });
    expect(view.range).toStrictEqual({ from: '2026-09-07', to: '2026-11-18' });
    expect(view.starts[0]).toBe('2026-09-07');
    expect(view.starts).toHaveLength(11);
    expect(bar(view, '2026-09-07')).toMatchObject({ herHours: 50, overtimeHours: 10 });
    expect(bar(view, '2026-11-09')).toMatchObject({ herHours: 40, grossReclaimedHours: 50, netReclaimedHours: 49.6, mspHours: 4 });
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
  /*
   * Her weeks after Nov 9 (40 h): Nov 16, Nov 23, Nov 30 and Dec 7 at 30 h (Network 6 h Mon–Fri).
   * Today Wed 16 December. November's report averages the full weeks that hold a day of November
   * and follow the delegation's week: Nov 9, 16, 23, 30 → (40 + 3 × 30) / 4 = 32.5 h. The weeks of
   * December are not November's (the last eight full weeks, Nov 9 … Dec 7, would give 32 h).
   * October has no week after the delegation: no comparison.
   */
  it('compares her week before delegating with the weeks of the period, not with weeks outside it', async () => {
    await delegatedDesktopOnNovember2();
    // Today first: time is logged once it has been worked.
    app.setNow(at('2026-12-16', '10:00'));
    for (const monday of ['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']) {
      for (let day = 0; day < 5; day += 1) await log(addDays(monday, day), '09:00', '15:00', NETWORK);
    }
    const november = await app.call('insights:report', { fromMonth: '2026-11', toMonth: '2026-11' });
    expect(november.workload?.before).toMatchObject({ weeks: 8, hours: 50, overtimeHours: 10 });
    expect(november.workload?.after).toMatchObject({ weeks: 4, hours: 32.5, overtimeHours: 0 });
    expect((await app.call('insights:report', { fromMonth: '2026-10', toMonth: '2026-10' })).workload).toBeNull();
  });

  it('counts her and the MSP’s hours by category on the days of the period only', async () => {
    // The week of Oct 26 holds Nov 1, but its 50 h of Desktop were logged in October.
    await delegatedDesktopOnNovember2();
    await log('2026-11-05', '09:00', '13:00', DESKTOP, 'msp');
    const november = await app.call('insights:report', { fromMonth: '2026-11', toMonth: '2026-11' });
    expect(november.categories).toStrictEqual([
      { categoryId: DESKTOP, herHours: 0, mspHours: 4, herAfterHoursHours: 0, herUnplannedHours: 0 },
      { categoryId: NETWORK, herHours: 80, mspHours: 0, herAfterHoursHours: 0, herUnplannedHours: 0 },
    ]);
  });

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

describe('the Insights screen’s size', () => {
  it('stays under 64 KB for ten years of history month by month, with every category in every month', async () => {
    // Odd durations, so the hours are not round numbers: the wire carries them to 1/10,000 h.
    for (let month = 0; month < 120; month += 1) {
      const year = 2016 + Math.floor((month + 11) / 12);
      const day = `${year}-${String(((month + 11) % 12) + 1).padStart(2, '0')}-0`;
      for (let categoryId = 1; categoryId <= 9; categoryId += 1) {
        await log(`${day}${categoryId}`, '08:00', `${String(8 + (categoryId % 3)).padStart(2, '0')}:${String(13 + ((month * 7 + categoryId) % 47)).padStart(2, '0')}`, categoryId);
        if (categoryId <= 3) await log(`${day}${categoryId}`, '13:00', `14:${String(10 + month % 43).padStart(2, '0')}`, categoryId, 'msp');
      }
    }
    await app.call('delegations:create', { categoryId: 2, startDay: '2019-03-04' });
    await app.call('delegations:create', { categoryId: 3, startDay: '2020-06-10', endDay: '2023-01-31' });
    await app.call('delegations:create', { categoryId: 3, startDay: '2024-02-01' });
    await app.call('msp:saveContract', { startDay: '2019-01-01', monthlyFee: 4000, includedHours: 40, overageRate: 95 });
    const view = await app.call('insights:charts', { from: null, to: '2026-11-18' });
    expect(view.bucket).toBe('month');
    expect(view.starts).toHaveLength(120);
    expect(view.categories).toHaveLength(9);
    expect(view.cost.months).toHaveLength(95);
    expect(new TextEncoder().encode(JSON.stringify(view)).length).toBeLessThan(64 * 1024);
  }, 60_000);
});

describe('saving the report as PDF', () => {
  it('in browser mode answers with the browser’s Print and the file name of the period', async () => {
    expect(await app.call('report:pdf', { fromMonth: '2026-09', toMonth: '2026-11', paper: 'letter' })).toStrictEqual({
      kind: 'print-in-browser',
      fileName: 'Offload report 2026-09 to 2026-11.pdf',
      message: 'Use your browser’s Print and choose “Save as PDF”.',
    });
  });

  it('in the desktop app hands the period’s file name and her paper to the shell’s printer', async () => {
    const dataDir = tempDir();
    const printToPdf = vi.fn((_request: { fileName: string; paper: 'a4' | 'letter' }) => Promise.resolve({ saved: true as const, path: `/home/gail/Documents/${_request.fileName}` }));
    const desktop = openBackend({ dataDir, mode: 'electron', version: '0.0.0-test', settings: openConfSettings(dataDir), now: () => TODAY, printToPdf });
    try {
      const saved = await desktop.dispatch('report:pdf', { fromMonth: '2026-11', toMonth: '2026-11', paper: 'a4' });
      expect(saved).toStrictEqual({ ok: true, value: { kind: 'saved', fileName: 'Offload report 2026-11.pdf', path: '/home/gail/Documents/Offload report 2026-11.pdf' } });
      expect(printToPdf).toHaveBeenCalledExactlyOnceWith({ fileName: 'Offload report 2026-11.pdf', paper: 'a4' });
      printToPdf.mockResolvedValueOnce({ saved: false } as never);
      expect(await desktop.dispatch('report:pdf', { fromMonth: '2026-11', toMonth: '2026-11', paper: 'a4' })).toStrictEqual({
        ok: true,
        value: { kind: 'cancelled', fileName: 'Offload report 2026-11.pdf' },
      });
    } finally {
      desktop.close();
    }
  });

  it('refuses a period that ends before it starts, and paper it does not know', async () => {
    expect((await app.failure('report:pdf', { fromMonth: '2026-11', toMonth: '2026-10', paper: 'a4' })).issues).toStrictEqual([
      { field: 'toMonth', message: 'The last month cannot be before the first' },
    ]);
    expect((await app.failure('report:pdf', { fromMonth: '2026-11', toMonth: '2026-11', paper: 'a3' })).code).toBe('VALIDATION');
  });
});
