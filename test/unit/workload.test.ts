import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapacitySettings, TimeOff } from '../../shared/domain/capacity';
import { afterHoursMinutes, workloadReport, type WorkloadReport } from '../../shared/domain/workload';

/*
 * PRODUCT.md "After-hours" and "Overtime", hand-computed. All instants are explicit UTC: in
 * November 2026 (after fall-back on 11-01) America/Chicago is CST, UTC−6, so `cst(16, 8)` is
 * Mon 2026-11-16 08:00 local = 14:00 UTC. Before 2026-03-08 and after 2026-11-01 it is CST; between
 * them CDT, UTC−5. Weekdays: 2026-11-16 Mon … 2026-11-22 Sun; 2026-03-08 and 2026-11-01 are Sundays.
 * Expected values are in minutes, rounded to a thousandth of a minute only to absorb float noise.
 */

const CHICAGO = 'America/Chicago';
const DEFAULTS: CapacitySettings = {
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '08:00',
  workdayEnd: '17:00',
  hoursPerDay: 8,
};
const EVERY_DAY: CapacitySettings = { ...DEFAULTS, workingDays: [0, 1, 2, 3, 4, 5, 6] };

/** November 2026 local CST time as a UTC instant (hours past 24 roll into the next day). */
const cst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 6, minute);
const min = (hours: number): number => Math.round(hours * 60 * 1000) / 1000;

const afterHours = (startAt: number, endAt: number, timeOff: TimeOff[] = [], settings = DEFAULTS) =>
  Math.round(afterHoursMinutes({ startAt, endAt }, settings, CHICAGO, timeOff) * 1000) / 1000;

const dayTable = (report: WorkloadReport) =>
  report.days.map((d) => [d.day, min(d.hours), min(d.capacityHours), min(d.afterHoursHours)] as const);
const weekTable = (report: WorkloadReport) =>
  report.weeks.map((w) => [w.weekStart, min(w.hours), min(w.capacityHours), min(w.overtimeHours), min(w.afterHoursHours)] as const);

describe('after-hours of one entry', () => {
  it('an entry inside the working window of a working day has no after-hours: Mon 09:00–12:00 → 0', () => {
    expect(afterHours(cst(16, 9), cst(16, 12))).toBe(0);
  });

  it('an entry exactly on the window has no after-hours: Mon 08:00–17:00 → 0', () => {
    expect(afterHours(cst(16, 8), cst(16, 17))).toBe(0);
  });

  it('the part before the window start is after-hours: Mon 07:00–09:00 → 1 h', () => {
    expect(afterHours(cst(16, 7), cst(16, 9))).toBe(60);
  });

  it('the part after the window end is after-hours: Mon 16:30–18:00 → 1 h', () => {
    expect(afterHours(cst(16, 16, 30), cst(16, 18))).toBe(60);
  });

  it('an entry over both edges counts both sides: Mon 07:00–18:00 → 1 h + 1 h = 2 h', () => {
    expect(afterHours(cst(16, 7), cst(16, 18))).toBe(120);
  });

  it('a Friday-night entry into Saturday: Fri 23:00–24:00 after the window + Sat 00:00–01:00 non-working → 2 h', () => {
    expect(afterHours(cst(20, 23), cst(21, 1))).toBe(120);
  });

  it('an entry on a non-working day is after-hours in full: Sat 10:00–13:00 → 3 h', () => {
    expect(afterHours(cst(21, 10), cst(21, 13))).toBe(180);
  });

  it('an entry on a day off is after-hours in full, even inside the window: Wed 09:00–12:00 off → 3 h', () => {
    expect(afterHours(cst(18, 9), cst(18, 12), [{ startDay: '2026-11-18', endDay: '2026-11-18' }])).toBe(180);
  });

  it('each piece is judged by its own day: Thu 16:00 – Fri 09:00 → Thu 17–24 (7 h) + Fri 00–08 (8 h) = 15 h', () => {
    expect(afterHours(cst(19, 16), cst(20, 9))).toBe(900);
  });

  it('a piece that runs into a day off is after-hours in full: Tue 16:00 – Wed 10:00, Wed off → 7 h + 10 h = 17 h', () => {
    expect(afterHours(cst(17, 16), cst(18, 10), [{ startDay: '2026-11-18', endDay: '2026-11-18' }])).toBe(1020);
  });

  it('spring forward, Sun 2026-03-08: 01:00 CST – 04:00 CDT lasts 2 h, all after-hours on a Sunday', () => {
    // 01:00 CST = 07:00 UTC; 04:00 CDT = 09:00 UTC.
    expect(afterHours(Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 2, 8, 9))).toBe(120);
  });

  it('spring forward on a working Sunday: 00:30 CST – 08:30 CDT lasts 7 h, of which 08:00–08:30 is inside → 6 h 30 min', () => {
    // 00:30 CST = 06:30 UTC; 08:30 CDT = 13:30 UTC; the window opens at 08:00 CDT = 13:00 UTC.
    expect(afterHours(Date.UTC(2026, 2, 8, 6, 30), Date.UTC(2026, 2, 8, 13, 30), [], EVERY_DAY)).toBe(390);
  });

  it('fall back, Sun 2026-11-01: 01:00 CDT – 03:00 CST lasts 3 h, all after-hours on a Sunday', () => {
    // 01:00 CDT = 06:00 UTC; 03:00 CST = 09:00 UTC.
    expect(afterHours(Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 10, 1, 9))).toBe(180);
  });

  it('fall back on a working Sunday: 00:00 CDT – 09:00 CST lasts 10 h, of which 08:00–09:00 is inside → 9 h', () => {
    // 00:00 CDT = 05:00 UTC; 09:00 CST = 15:00 UTC; the window opens at 08:00 CST = 14:00 UTC.
    expect(afterHours(Date.UTC(2026, 10, 1, 5), Date.UTC(2026, 10, 1, 15), [], EVERY_DAY)).toBe(540);
  });

  it('after-hours are never negative nor more than the entry, and splitting an entry never changes its after-hours', () => {
    const from = Date.UTC(2026, 9, 20);
    const span = 30 * 86_400_000;
    const timeOff = [{ startDay: '2026-10-28', endDay: '2026-11-03' }];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (offset, length, cut) => {
          const startAt = from + offset;
          const endAt = startAt + length;
          const middle = startAt + Math.floor(length * cut);
          const whole = afterHoursMinutes({ startAt, endAt }, DEFAULTS, CHICAGO, timeOff);
          const parts =
            afterHoursMinutes({ startAt, endAt: middle }, DEFAULTS, CHICAGO, timeOff) +
            afterHoursMinutes({ startAt: middle, endAt }, DEFAULTS, CHICAGO, timeOff);
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(whole).toBeLessThanOrEqual(length / 60_000 + 1e-9);
          expect(Math.abs(whole - parts)).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe('workload per day and week', () => {
  const report = (entries: { startAt: number; endAt: number | null }[], from: string, to: string, extra: Partial<{ timeOff: TimeOff[]; settings: CapacitySettings }> = {}) =>
    workloadReport({ entries, timeOff: extra.timeOff ?? [], settings: extra.settings ?? DEFAULTS, timeZone: CHICAGO, from, to });

  it('an entry and its after-hours belong to the day it starts: Fri 23:00 – Sat 01:00 is 2 h on Friday, none on Saturday', () => {
    const result = report([{ startAt: cst(20, 23), endAt: cst(21, 1) }], '2026-11-16', '2026-11-22');
    expect(dayTable(result)).toEqual([
      ['2026-11-16', 0, 480, 0],
      ['2026-11-17', 0, 480, 0],
      ['2026-11-18', 0, 480, 0],
      ['2026-11-19', 0, 480, 0],
      ['2026-11-20', 120, 480, 120],
      ['2026-11-21', 0, 0, 0],
      ['2026-11-22', 0, 0, 0],
    ]);
    expect(weekTable(result)).toEqual([['2026-11-16', 120, 2400, 0, 120]]);
  });

  it('the fall-back night counts real time: 01:00–03:00 local on 2026-11-01 is 3 h of hours and 3 h after-hours', () => {
    const result = report([{ startAt: Date.UTC(2026, 10, 1, 6), endAt: Date.UTC(2026, 10, 1, 9) }], '2026-11-01', '2026-11-01');
    expect(dayTable(result).find(([day]) => day === '2026-11-01')).toEqual(['2026-11-01', 180, 0, 180]);
    // Monday weeks: Sun 11-01 closes the week of Mon 10-26 (capacity 5 × 8 h).
    expect(weekTable(result)).toEqual([['2026-10-26', 180, 2400, 0, 180]]);
  });

  it('the spring-forward night counts real time: 01:00–04:00 local on 2026-03-08 is 2 h', () => {
    const result = report([{ startAt: Date.UTC(2026, 2, 8, 7), endAt: Date.UTC(2026, 2, 8, 9) }], '2026-03-08', '2026-03-08');
    expect(dayTable(result).find(([day]) => day === '2026-03-08')).toEqual(['2026-03-08', 120, 0, 120]);
    expect(weekTable(result)).toEqual([['2026-03-02', 120, 2400, 0, 120]]);
  });

  it('with Sunday weeks a Sunday opens the next week; with Monday weeks it closes the week', () => {
    const entries = [
      { startAt: cst(21, 10), endAt: cst(21, 12) }, // Sat 2 h
      { startAt: cst(21, 23), endAt: cst(22, 1) }, // Sat 23:00 – Sun 01:00: 2 h, on Saturday
      { startAt: cst(22, 10), endAt: cst(22, 13) }, // Sun 3 h
      { startAt: cst(23, 9), endAt: cst(23, 10) }, // Mon 1 h inside the window
    ];
    const sundayWeeks = report(entries, '2026-11-21', '2026-11-23', { settings: { ...DEFAULTS, weekStartsOn: 0 } });
    expect(weekTable(sundayWeeks)).toEqual([
      ['2026-11-15', 240, 2400, 0, 240],
      ['2026-11-22', 240, 2400, 0, 180],
    ]);
    const mondayWeeks = report(entries, '2026-11-21', '2026-11-23');
    expect(weekTable(mondayWeeks)).toEqual([
      ['2026-11-16', 420, 2400, 0, 420],
      ['2026-11-23', 60, 2400, 0, 0],
    ]);
  });

  it('overtime is her hours over weekly capacity: 45 h in a week with a day off (32 h) → 13 h', () => {
    const entries = [
      { startAt: cst(16, 7), endAt: cst(16, 19) }, // Mon 12 h, 1 h before + 2 h after the window
      { startAt: cst(17, 7), endAt: cst(17, 19) }, // Tue 12 h, 3 h after-hours
      { startAt: cst(18, 9), endAt: cst(18, 12) }, // Wed (day off) 3 h, all after-hours
      { startAt: cst(19, 8), endAt: cst(19, 17) }, // Thu 9 h
      { startAt: cst(20, 8), endAt: cst(20, 17) }, // Fri 9 h
    ];
    const result = report(entries, '2026-11-16', '2026-11-22', { timeOff: [{ startDay: '2026-11-18', endDay: '2026-11-18' }] });
    expect(weekTable(result)).toEqual([['2026-11-16', 45 * 60, 32 * 60, 13 * 60, 9 * 60]]);
    expect(dayTable(result).slice(0, 3)).toEqual([
      ['2026-11-16', 720, 480, 180],
      ['2026-11-17', 720, 480, 180],
      ['2026-11-18', 180, 0, 180],
    ]);
  });

  it('a week under capacity has no overtime: 30 h against 40 h → 0', () => {
    const entries = [16, 17, 18, 19, 20].map((day) => ({ startAt: cst(day, 9), endAt: cst(day, 15) }));
    expect(weekTable(report(entries, '2026-11-16', '2026-11-16'))).toEqual([['2026-11-16', 1800, 2400, 0, 0]]);
  });

  it('a running timer counts nowhere, and entries starting outside the weeks covered are left out', () => {
    const entries = [
      { startAt: cst(16, 9), endAt: null },
      { startAt: cst(15, 23), endAt: cst(16, 9) }, // starts Sun 11-15: the week before
      { startAt: cst(17, 9), endAt: cst(17, 10) },
    ];
    expect(weekTable(report(entries, '2026-11-16', '2026-11-22'))).toEqual([['2026-11-16', 60, 2400, 0, 0]]);
  });

  it('the report covers whole weeks: 11-18 to 11-24 gives the weeks of 11-16 and 11-23, 14 days', () => {
    const result = report([], '2026-11-18', '2026-11-24');
    expect(result.weeks.map((w) => w.weekStart)).toEqual(['2026-11-16', '2026-11-23']);
    expect(result.days).toHaveLength(14);
    expect(result.days[0]?.day).toBe('2026-11-16');
    expect(result.days[13]?.day).toBe('2026-11-29');
  });
});
