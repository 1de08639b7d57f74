import { describe, expect, it } from 'vitest';
import type { LocalDay } from '../../shared/domain/day';
import { dayLoad, interruptReserve, reserveHoursOn, type DayLoadInput, type ReserveSettings } from '../../shared/domain/week-plan';

/*
 * PRODUCT.md "Interrupt reserve" and "Week plan load", hand-computed. Weekdays: 2026-05-20 is a
 * Wednesday; the Monday weeks before it start 05-11, 05-04, 04-27, 04-20; Sunday weeks start
 * 05-17 (today's), 05-10, 05-03, 04-26. Averages are asserted in minutes (hours × 60), rounded to a
 * thousandth of a minute only to absorb float noise.
 */

const MONDAY_WEEKS: ReserveSettings = { weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5], baselineWeeks: 3 };
const TODAY = '2026-05-20';
const min = (hours: number): number => Math.round(hours * 60 * 1000) / 1000;

/** Her unplanned minutes per day; every other day 0. */
const UNPLANNED: Readonly<Record<LocalDay, number>> = {
  '2026-04-20': 300, // Mon, 4th full week back: beyond N = 3
  '2026-04-27': 0, // Mon
  '2026-05-01': 45, // Fri
  '2026-05-04': 30, // Mon
  '2026-05-09': 120, // Sat
  '2026-05-11': 90, // Mon
  '2026-05-12': 60, // Tue
  '2026-05-17': 60, // Sun: closes the Monday week of 05-11, opens the Sunday week of 05-17
  '2026-05-18': 600, // Mon of the current week: not a full week
};
const unplannedMinutes = (day: LocalDay) => UNPLANNED[day] ?? 0;

/** Sun … Sat averages in minutes. */
const weekdayMinutes = (hours: number[]) => hours.map(min);

describe('interrupt reserve', () => {
  it('averages each weekday over the N most recent full weeks before today’s week', () => {
    const reserve = interruptReserve({ unplannedMinutes, today: TODAY, settings: MONDAY_WEEKS, firstEntryDay: '2026-01-05' });
    expect(reserve.weeks).toEqual(['2026-05-11', '2026-05-04', '2026-04-27']);
    // Mon (90 + 30 + 0) / 3 = 40; Tue 60 / 3 = 20; Fri 45 / 3 = 15; Sat 120 / 3 = 40; Sun 60 / 3 = 20.
    expect(weekdayMinutes(reserve.weekdayHours)).toEqual([20, 40, 20, 0, 0, 15, 40]);
  });

  it('does not reach before the week of her first entry: first entry Thu 05-07 leaves two weeks', () => {
    const reserve = interruptReserve({ unplannedMinutes, today: TODAY, settings: MONDAY_WEEKS, firstEntryDay: '2026-05-07' });
    expect(reserve.weeks).toEqual(['2026-05-11', '2026-05-04']);
    // Mon (90 + 30) / 2 = 60; Tue 60 / 2 = 30; Sat 120 / 2 = 60; Sun 60 / 2 = 30; Fri 05-01 is in an earlier week.
    expect(weekdayMinutes(reserve.weekdayHours)).toEqual([30, 60, 30, 0, 0, 0, 60]);
  });

  it('with Sunday weeks the weeks are Sunday to Saturday: Sun 05-17 is in today’s week and does not count', () => {
    const reserve = interruptReserve({
      unplannedMinutes,
      today: TODAY,
      settings: { ...MONDAY_WEEKS, weekStartsOn: 0 },
      firstEntryDay: '2026-01-05',
    });
    expect(reserve.weeks).toEqual(['2026-05-10', '2026-05-03', '2026-04-26']);
    // Mon (90 + 30 + 0) / 3 = 40; Tue 20; Fri 15; Sat (120 + 0 + 0) / 3 = 40; Sun 0.
    expect(weekdayMinutes(reserve.weekdayHours)).toEqual([0, 40, 20, 0, 0, 15, 40]);
  });

  it('is 0 on every weekday when no full week counts: no entry yet, or the first entry in the current week', () => {
    for (const firstEntryDay of [null, '2026-05-18']) {
      const reserve = interruptReserve({ unplannedMinutes, today: TODAY, settings: MONDAY_WEEKS, firstEntryDay });
      expect(reserve.weeks).toEqual([]);
      expect(reserve.weekdayHours).toEqual([0, 0, 0, 0, 0, 0, 0]);
    }
  });

  it('is held back on a working day only: Monday 40 min; Saturday and a Monday off 0', () => {
    const reserve = interruptReserve({ unplannedMinutes, today: TODAY, settings: MONDAY_WEEKS, firstEntryDay: '2026-01-05' });
    const timeOff = [{ startDay: '2026-06-01', endDay: '2026-06-05' }];
    expect(min(reserveHoursOn(reserve, MONDAY_WEEKS, '2026-05-25', timeOff))).toBe(40);
    expect(min(reserveHoursOn(reserve, MONDAY_WEEKS, '2026-05-23', timeOff))).toBe(0);
    expect(min(reserveHoursOn(reserve, MONDAY_WEEKS, '2026-06-01', timeOff))).toBe(0);
  });
});

describe('week plan load of a day', () => {
  const base: DayLoadInput = {
    day: '2026-05-21',
    today: TODAY,
    capacityHours: 8,
    myEstimateMinutes: 0,
    mspEstimateMinutes: 0,
    oversightShare: 0.1,
    reserveHours: 0,
    loggedMinutes: 0,
  };

  it('is her estimates + oversight share × the MSP’s estimates + the reserve: 6 h + 10 % × 10 h + 30 min = 7 h 30 min', () => {
    const load = dayLoad({ ...base, myEstimateMinutes: 360, mspEstimateMinutes: 600, reserveHours: 0.5, loggedMinutes: 120 });
    expect(load.segments).toEqual({ tasks: 6, oversight: 1, reserve: 0.5, logged: 0 });
    expect(load.loadHours).toBe(7.5);
    expect(load).toMatchObject({ capacityHours: 8, overloaded: false, overHours: 0 });
  });

  it('a load equal to capacity is not overloaded: 6 h 30 min + 1 h + 30 min = 8 h of 8 h', () => {
    const load = dayLoad({ ...base, myEstimateMinutes: 390, mspEstimateMinutes: 600, reserveHours: 0.5 });
    expect(load.loadHours).toBe(8);
    expect(load.overloaded).toBe(false);
    expect(load.overHours).toBe(0);
  });

  it('float noise at the boundary is not an overload: 1 h 6 min + 20 % × 20 h 40 min + 2 h 46 min = 8 h', () => {
    // The reserve is a 3-week average of 498 min: 166 min. 66 + 248 + 166 = 480 min.
    const load = dayLoad({ ...base, myEstimateMinutes: 66, mspEstimateMinutes: 1240, oversightShare: 0.2, reserveHours: 498 / 60 / 3 });
    expect(load.loadHours).not.toBe(8); // 8.000000000000002 in binary floating point
    expect(min(load.loadHours)).toBe(480);
    expect(load.overloaded).toBe(false);
  });

  it('a load over capacity is overloaded by load − capacity: 7 h 30 min + 1 h + 30 min = 9 h → 1 h over', () => {
    const load = dayLoad({ ...base, myEstimateMinutes: 450, mspEstimateMinutes: 600, reserveHours: 0.5 });
    expect(load.loadHours).toBe(9);
    expect(load.overloaded).toBe(true);
    expect(load.overHours).toBe(1);
  });

  it('oversight uses her share setting: 15 % × 4 h = 36 min', () => {
    const load = dayLoad({ ...base, mspEstimateMinutes: 240, oversightShare: 0.15 });
    expect(min(load.segments.oversight)).toBe(36);
  });

  it('a day that is over counts her logged hours alone: 10 h logged of 8 h → 2 h over, estimates ignored', () => {
    const load = dayLoad({
      ...base,
      day: '2026-05-19',
      myEstimateMinutes: 120,
      mspEstimateMinutes: 600,
      reserveHours: 0.5,
      loggedMinutes: 600,
    });
    expect(load.segments).toEqual({ tasks: 0, oversight: 0, reserve: 0, logged: 10 });
    expect(load).toMatchObject({ loadHours: 10, overloaded: true, overHours: 2 });
  });

  it('today still counts estimates, not logged hours', () => {
    const load = dayLoad({ ...base, day: TODAY, myEstimateMinutes: 240, loggedMinutes: 540 });
    expect(load.segments).toEqual({ tasks: 4, oversight: 0, reserve: 0, logged: 0 });
    expect(load.overloaded).toBe(false);
  });

  it('anything planned on a day off is over its capacity of 0: 1 h planned → 1 h over', () => {
    const load = dayLoad({ ...base, capacityHours: 0, myEstimateMinutes: 60 });
    expect(load).toMatchObject({ loadHours: 1, overloaded: true, overHours: 1 });
  });
});
