import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weeklyRollupWeekStart } from '../../electron/repositories/weekly-rollup';
import { addDays } from '../../shared/domain/day';
import { workloadReport } from '../../shared/domain/workload';
import { instantAt } from '../../shared/domain/zoned-time';
import { openTestBackend, type TestBackend } from '../support/temp-backend';

const ZONE = 'America/Chicago';
const NETWORK = 4;
const SERVER = 2;
const HOUR = 3_600_000;
const at = (day: string, clock: string) => instantAt(day, clock, ZONE);

let app: TestBackend;
beforeEach(async () => {
  app = openTestBackend(undefined, Date.parse('2026-11-20T18:00:00Z'));
  await app.call('settings:update', { timeZone: ZONE });
});
afterEach(() => app.close());

async function log(day: string, from: string, toDay: string, to: string, worker: 'me' | 'msp' = 'me', categoryId = NETWORK) {
  await app.call('timeEntries:create', { worker, categoryId, startAt: at(day, from), endAt: at(toDay, to) });
}

/*
 * Hand-computed, Chicago, Mon–Fri 08:00–17:00, 8 h a day, weeks from Monday.
 * Sun Nov 1 (the fall-back night) 01:00–03:00: 3 h of real time, all after-hours (a Sunday); week of Oct 26.
 * Week of Mon Nov 2, with Wed Nov 4 off:
 *   Mon 07:00–12:00   5 h, 1 h before the window
 *   Tue 16:00–19:30   3.5 h, 2.5 h after it
 *   Wed 09:00–11:00   2 h on a day off: all after-hours
 *   Fri 23:00–Sat 01:00  2 h, all after-hours, belongs to Friday
 *   → her hours 12.5, capacity 4 × 8 = 32, overtime 0, after-hours 7.5
 *   MSP: Thu 10:00–12:00 Server, 2 h (not hers)
 * Week of Mon Nov 9, Fri Nov 13 off: Mon–Thu and Sat 08:00–17:00 = 45 h; capacity 32; overtime 13; after-hours 9 (Saturday).
 */
async function seed() {
  await app.call('timeOff:create', { startDay: '2026-11-04', endDay: '2026-11-04', note: 'Dentist' });
  await app.call('timeOff:create', { startDay: '2026-11-13', endDay: '2026-11-13', note: '' });
  await log('2026-11-01', '01:00', '2026-11-01', '03:00');
  await log('2026-11-02', '07:00', '2026-11-02', '12:00');
  await log('2026-11-03', '16:00', '2026-11-03', '19:30');
  await log('2026-11-04', '09:00', '2026-11-04', '11:00');
  await log('2026-11-06', '23:00', '2026-11-07', '01:00');
  await log('2026-11-05', '10:00', '2026-11-05', '12:00', 'msp', SERVER);
  for (const day of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-14']) await log(day, '08:00', day, '17:00');
}

describe('workload figures per week', () => {
  it('count her hours, capacity less days off, overtime and after-hours split at the window and midnight', async () => {
    await seed();
    const weeks = await app.call('workload:weeks', { from: '2026-10-26', to: '2026-11-15' });
    expect(weeks.map(({ weekStart, herHours, capacityHours, overtimeHours, afterHoursHours, mspHours }) => ({ weekStart, herHours, capacityHours, overtimeHours, afterHoursHours, mspHours }))).toStrictEqual([
      { weekStart: '2026-10-26', herHours: 3, capacityHours: 40, overtimeHours: 0, afterHoursHours: 3, mspHours: 0 },
      { weekStart: '2026-11-02', herHours: 12.5, capacityHours: 32, overtimeHours: 0, afterHoursHours: 7.5, mspHours: 2 },
      { weekStart: '2026-11-09', herHours: 45, capacityHours: 32, overtimeHours: 13, afterHoursHours: 9, mspHours: 0 },
    ]);
    expect(weeks[1]!.categories).toStrictEqual([
      { categoryId: SERVER, herHours: 0, mspHours: 2, herAfterHoursHours: 0, herUnplannedHours: 0 },
      { categoryId: NETWORK, herHours: 12.5, mspHours: 0, herAfterHoursHours: 7.5, herUnplannedHours: 0 },
    ]);
  });

  it('follow a Sunday week start: the fall-back Sunday belongs to the week of Nov 1', async () => {
    await seed();
    expect(weeklyRollupWeekStart(app.backend.db!)).toBe(1);
    await app.call('settings:update', { weekStartsOn: 0 });
    // The weekly rollup is rebuilt for Sunday weeks within the settings change, and read from.
    expect(weeklyRollupWeekStart(app.backend.db!)).toBe(0);
    const [week] = await app.call('workload:weeks', { from: '2026-11-01', to: '2026-11-07' });
    expect(week).toMatchObject({ weekStart: '2026-11-01', herHours: 15.5, capacityHours: 32, afterHoursHours: 10.5 });
    // Reopened with the same settings, the rollup stays as it is.
    const reopened = app.reopen();
    expect(weeklyRollupWeekStart(reopened.backend.db!)).toBe(0);
    const [again] = await reopened.call('workload:weeks', { from: '2026-11-01', to: '2026-11-07' });
    expect(again).toStrictEqual(week);
    app = reopened;
  });

  it('follow a week start changed while Offload was closed: the weekly rollup is rebuilt on open', async () => {
    await seed();
    app.settings.update({ weekStartsOn: 0 });
    const reopened = app.reopen();
    app = reopened;
    expect(weeklyRollupWeekStart(app.backend.db!)).toBe(0);
    const [week] = await app.call('workload:weeks', { from: '2026-11-01', to: '2026-11-07' });
    expect(week).toMatchObject({ weekStart: '2026-11-01', herHours: 15.5, capacityHours: 32, afterHoursHours: 10.5 });
  });

  it('move after-hours when time off is added or removed, and when the working window changes', async () => {
    await seed();
    const afterHours = async () => (await app.call('workload:weeks', { from: '2026-11-02', to: '2026-11-02' }))[0]!.afterHoursHours;
    const [dayOff] = (await app.call('timeOff:list')).ranges.filter((range) => range.startDay === '2026-11-04');
    await app.call('timeOff:delete', { id: dayOff!.id });
    expect(await afterHours()).toBe(5.5);
    await app.call('timeOff:restore', { id: dayOff!.id });
    expect(await afterHours()).toBe(7.5);
    await app.call('settings:update', { workdayStart: '07:00', workdayEnd: '20:00' });
    // Mon 0, Tue 0, Wed 2 (day off), Fri 2.
    expect(await afterHours()).toBe(4);
  });

  it('count unplanned time from unplanned entries and from entries on unplanned tasks, even when the task is marked later', async () => {
    const task = await app.call('tasks:create', { title: 'Firewall down', categoryId: NETWORK });
    await app.call('timeEntries:create', { worker: 'me', categoryId: NETWORK, taskId: task.id, startAt: at('2026-11-16', '09:00'), endAt: at('2026-11-16', '10:30') });
    await app.call('timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt: at('2026-11-16', '11:00'), endAt: at('2026-11-16', '11:30'), unplanned: true });
    const unplanned = async () => (await app.call('workload:weeks', { from: '2026-11-16', to: '2026-11-16' }))[0]!.unplannedHours;
    expect(await unplanned()).toBe(0.5);
    await app.call('tasks:update', { id: task.id, unplanned: true });
    expect(await unplanned()).toBe(2);
    await app.call('tasks:update', { id: task.id, unplanned: false });
    expect(await unplanned()).toBe(0.5);
  });

  it('count strategic hours from the categories of type strategic', async () => {
    const categories = await app.call('categories:list');
    const strategic = categories.find((category) => category.kind === 'strategic')!;
    await app.call('timeEntries:create', { worker: 'me', categoryId: strategic.id, startAt: at('2026-11-16', '09:00'), endAt: at('2026-11-16', '11:00') });
    await log('2026-11-16', '13:00', '2026-11-16', '14:00');
    const [week] = await app.call('workload:weeks', { from: '2026-11-16', to: '2026-11-16' });
    expect(week).toMatchObject({ herHours: 3, strategicHours: 2 });
  });

  it('give the same figures in SQL as the domain reference on generated entries', async () => {
    // The rounds reach two years ahead; time is logged after it is worked, so the clock stands after them.
    app.setNow(Date.parse('2029-01-01T00:00:00Z'));
    const settings = await app.call('settings:get');
    const entryArb = fc.record({ day: fc.integer({ min: 0, max: 27 }), startMinute: fc.integer({ min: 0, max: 1439 }), minutes: fc.integer({ min: 1, max: 600 }) });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 8 }), async (generated) => {
        round += 1;
        // Each round's entries start on their own day so they never overlap: rounds use their own 28 days.
        const base = addDays('2026-01-05', round * 28);
        const entries: { startAt: number; endAt: number }[] = [];
        const used = new Set<number>();
        for (const entry of generated) {
          if (used.has(entry.day)) continue;
          used.add(entry.day);
          const day = addDays(base, entry.day);
          // A spring-forward day has 23 hours: the start stays inside the day's real length.
          const midnight = at(addDays(day, 1), '00:00');
          const dayMinutes = (midnight - at(day, '00:00')) / 60_000;
          const startAt = at(day, '00:00') + (entry.startMinute % dayMinutes) * 60_000;
          const endAt = Math.min(startAt + entry.minutes * 60_000, midnight);
          await app.call('timeEntries:create', { worker: 'me', categoryId: NETWORK, startAt, endAt });
          entries.push({ startAt, endAt });
        }
        const to = addDays(base, 27);
        const fromSql = await app.call('workload:weeks', { from: base, to });
        const reference = workloadReport({ entries, timeOff: [], settings, timeZone: ZONE, from: base, to });
        expect(fromSql.map((week) => [week.weekStart, round6(week.herHours), round6(week.afterHoursHours), round6(week.overtimeHours)])).toStrictEqual(
          reference.weeks.map((week) => [week.weekStart, round6(week.hours), round6(week.afterHoursHours), round6(week.overtimeHours)]),
        );
      }),
      { numRuns: 25 },
    );
  });
});

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

describe('capacity today', () => {
  it('is zero on a day off', async () => {
    app.setNow(Date.parse('2026-11-13T16:00:00Z'));
    expect((await app.call('today:summary')).capacityHours).toBe(8);
    await app.call('timeOff:create', { startDay: '2026-11-13', endDay: '2026-11-13', note: '' });
    expect((await app.call('today:summary')).capacityHours).toBe(0);
    void HOUR;
  });
});

describe('time off at the edge of what is shown', () => {
  // Each screen reads only the time off that touches its days: a range that began before them still counts.
  it('takes the days of a range that began before the weeks asked for out of their capacity, and nothing of a range that ended before them', async () => {
    await app.call('timeOff:create', { startDay: '2026-10-19', endDay: '2026-10-20', note: 'Ended before' });
    await app.call('timeOff:create', { startDay: '2026-10-28', endDay: '2026-11-03', note: 'Across the week start' });
    const [week] = await app.call('workload:weeks', { from: '2026-11-02', to: '2026-11-08' });
    expect(week).toMatchObject({ weekStart: '2026-11-02', capacityHours: 3 * 8 });
  });

  it('leaves no capacity on the week plan’s days covered by a range that began in the week before', async () => {
    const range = await app.call('timeOff:create', { startDay: '2026-11-12', endDay: '2026-11-17', note: 'Trip' });
    const plan = await app.call('weekPlan:get', { weekStart: '2026-11-16' });
    expect(plan.days.map((day) => [day.day, day.load.capacityHours, day.timeOff?.id ?? null])).toStrictEqual([
      ['2026-11-16', 0, range.id],
      ['2026-11-17', 0, range.id],
      ['2026-11-18', 8, null],
      ['2026-11-19', 8, null],
      ['2026-11-20', 8, null],
      ['2026-11-21', 0, null],
      ['2026-11-22', 0, null],
    ]);
  });

  it('takes the days of a range that began before a month-by-month range out of its first month’s capacity', async () => {
    // March 2024 has 21 weekdays, from Friday the 1st; the range takes Friday 1 and Monday 4.
    await app.call('timeOff:create', { startDay: '2024-02-27', endDay: '2024-03-04', note: '' });
    const view = await app.call('insights:charts', { from: '2024-03-01', to: '2026-11-20' });
    expect(view.bucket).toBe('month');
    expect(view.starts[0]).toBe('2024-03-01');
    expect(view.series.capacityHours[0]).toBe(19 * 8);
    expect(view.series.capacityHours[1]).toBe(22 * 8);
  });
});
